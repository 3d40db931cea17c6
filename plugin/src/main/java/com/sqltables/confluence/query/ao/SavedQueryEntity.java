package com.sqltables.confluence.query.ao;

import com.sqltables.confluence.datasource.ao.DatasourceEntity;
import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A named SQL query on one datasource, which pages run by name. Its parameters are
 * {@link QueryParamEntity} rows. Table {@code AO_40B3A7_SAVED_QUERY}.
 */
@Preload
@Table("SAVED_QUERY")
public interface SavedQueryEntity extends Entity {
    String COLUMN_NAME = "NAME";
    String COLUMN_NAME_KEY = "NAME_KEY";
    String COLUMN_DATASOURCE_ID = "DATASOURCE_ID";
    String COLUMN_SQL_TEXT = "SQL_TEXT";
    String COLUMN_DESCRIPTION = "DESCRIPTION";
    String COLUMN_OWNER_USER_KEY = "OWNER_USER_KEY";
    String COLUMN_CREATED = "CREATED";
    String COLUMN_MODIFIED = "MODIFIED";
    String COLUMN_MODIFIED_BY = "MODIFIED_BY";
    String COLUMN_REVISION = "REVISION";

    /** @return the display name, as typed (trimmed) */
    @NotNull
    String getName();

    void setName(String name);

    /** @return the name lower-cased (root locale): unique, so names are unique regardless of case */
    @NotNull
    @Unique
    String getNameKey();

    void setNameKey(String nameKey);

    /** @return the datasource the query runs on (column {@code DATASOURCE_ID}, a foreign key) */
    @NotNull
    @Indexed
    DatasourceEntity getDatasource();

    void setDatasource(DatasourceEntity datasource);

    /** @return the SQL, possibly with named parameters */
    @StringLength(StringLength.UNLIMITED)
    String getSqlText();

    void setSqlText(String sqlText);

    /** @return a free-text description, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String description);

    /** @return the user key of the owner (the creator), or {@code null} for the system */
    @Indexed
    String getOwnerUserKey();

    void setOwnerUserKey(String ownerUserKey);

    /** @return when the query was created */
    @NotNull
    Date getCreated();

    void setCreated(Date created);

    /** @return when the query or its parameters last changed */
    @NotNull
    Date getModified();

    void setModified(Date modified);

    /** @return the user key of the last editor, or {@code null} for the system */
    String getModifiedBy();

    void setModifiedBy(String modifiedBy);

    /** @return incremented on every change: optimistic locking and cache keys */
    @NotNull
    long getRevision();

    void setRevision(long revision);
}
