package com.sqltables.confluence.ao;

import com.sqltables.confluence.audit.ao.AuditEventEntity;
import com.sqltables.confluence.datasource.ao.DatasourceEntity;
import com.sqltables.confluence.query.ao.QueryParamEntity;
import com.sqltables.confluence.query.ao.SavedQueryEntity;
import com.sqltables.confluence.report.ao.ReportLedgerEntity;
import com.sqltables.confluence.settings.ao.AppSettingEntity;
import com.sqltables.confluence.usage.ao.ActiveUserEntity;
import com.sqltables.confluence.usage.ao.RenderedTableEntity;
import com.sqltables.confluence.usage.ao.UsageDeltaEntity;
import java.util.List;
import net.java.ao.RawEntity;

/**
 * The app's Active Objects data model: the fixed namespace and every entity. {@code atlassian-plugin.xml}
 * must declare the same namespace and list the same entities, in this order, in its {@code <ao>} module
 * ({@code AoModuleDescriptorTest} checks).
 */
public final class AoSchema {
    /**
     * The {@code <ao namespace>}. Table names derive from it ({@link #TABLE_PREFIX}), so it must never
     * change, even if the plugin key does.
     */
    public static final String NAMESPACE = "com.sqltables.confluence";

    /** {@code AO_} + the last six hex digits of MD5({@link #NAMESPACE}), as the host computes it. */
    public static final String TABLE_PREFIX = "AO_40B3A7";

    /** Every entity, referenced tables before referencing ones. */
    public static final List<Class<? extends RawEntity<?>>> ENTITIES = List.of(
            DatasourceEntity.class,
            SavedQueryEntity.class,
            QueryParamEntity.class,
            UsageDeltaEntity.class,
            ActiveUserEntity.class,
            RenderedTableEntity.class,
            ReportLedgerEntity.class,
            AuditEventEntity.class,
            AppSettingEntity.class);

    private AoSchema() {
    }

    /** @return the entities as an array, for {@code ActiveObjects.migrate} */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Class<? extends RawEntity<?>>[] entities() {
        return ENTITIES.toArray(new Class[0]);
    }
}
