package com.sqltables.confluence.report;

import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.usage.event.UsageCounter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Every field of the usage report's JSON document (schema {@value UsageReport#SCHEMA_VERSION}), in the
 * order the privacy page lists them, each with the i18n key of its meaning. The per-kind and per-feature
 * fields come from the same constants {@link UsageReportBuilder} iterates, so a new connection kind or
 * counter appears here without an edit; a test compares this list with the leaves of a built report.
 *
 * <p>Every field but {@code datasources.byKind.*} has a text of its own, keyed {@link #TEXT_PREFIX} + its
 * path: each usage counter counts something different, and an administrator deciding about the report must
 * be able to read what each number means. A new counter therefore needs its text, which a test demands.
 */
public final class UsageReportFields {
    /** Prefix of the i18n keys of the fields' meanings. */
    public static final String TEXT_PREFIX = "com.sqltables.confluence.privacy.field.";

    /** One field: its dotted path in the JSON document and the i18n key of its meaning. Immutable. */
    public static final class Field {
        private final String path;
        private final String textKey;

        Field(String path, String textKey) {
            this.path = Objects.requireNonNull(path, "path");
            this.textKey = Objects.requireNonNull(textKey, "textKey");
        }

        /** @return the field's dotted path, e.g. {@code users.licensed} */
        public String getPath() {
            return path;
        }

        /** @return the i18n key of the field's meaning (shared only by the {@code datasources.byKind.*} fields) */
        public String getTextKey() {
            return textKey;
        }
    }

    private static final List<Field> ALL = build();

    private UsageReportFields() {
    }

    /** @return every field, in display order */
    public static List<Field> all() {
        return ALL;
    }

    private static List<Field> build() {
        List<Field> fields = new ArrayList<>();
        for (String path : new String[] {"schemaVersion", "serverId", "period", "confluence.version",
                "confluence.build", "appVersion", "users.licensed", "users.activeMacroUsers", "users.administrators",
                "datasources.total"}) {
            fields.add(new Field(path, TEXT_PREFIX + path));
        }
        for (ConnectionKind kind : ConnectionKind.values()) {
            fields.add(new Field("datasources.byKind." + kind.name(), TEXT_PREFIX + "datasources.byKind"));
        }
        for (String path : new String[] {"datasources.readOnly", "datasources.readWrite", "savedQueries.total",
                "savedQueries.modifiedInPeriod", "tables.rendered"}) {
            fields.add(new Field(path, TEXT_PREFIX + path));
        }
        for (UsageCounter counter : UsageCounter.values()) {
            String path = "features." + counter.key();
            fields.add(new Field(path, TEXT_PREFIX + path));
        }
        return Collections.unmodifiableList(fields);
    }
}
