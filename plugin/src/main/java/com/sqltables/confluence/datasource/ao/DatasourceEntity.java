package com.sqltables.confluence.datasource.ao;

import java.util.Date;
import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;
import net.java.ao.schema.Unique;

/**
 * A JDBC datasource that macros and saved queries read from. Table {@code AO_40B3A7_DATASOURCE}.
 * The password is stored only as ciphertext; lists are stored one entry per line.
 */
@Preload
@Table("DATASOURCE")
public interface DatasourceEntity extends Entity {
    String COLUMN_NAME = "NAME";
    String COLUMN_NAME_KEY = "NAME_KEY";
    String COLUMN_DESCRIPTION = "DESCRIPTION";
    String COLUMN_CONNECTION_KIND = "CONNECTION_KIND";
    String COLUMN_JDBC_URL = "JDBC_URL";
    String COLUMN_USERNAME = "USERNAME";
    String COLUMN_PASSWORD_CIPHERTEXT = "PASSWORD_CIPHERTEXT";
    String COLUMN_CONNECTION_PROPERTIES = "CONNECTION_PROPERTIES";
    String COLUMN_READ_ONLY = "READ_ONLY";
    String COLUMN_POOL_SIZE = "POOL_SIZE";
    String COLUMN_CONNECTION_TIMEOUT_MS = "CONNECTION_TIMEOUT_MS";
    String COLUMN_QUERY_TIMEOUT_SECONDS = "QUERY_TIMEOUT_SECONDS";
    String COLUMN_MAX_ROWS = "MAX_ROWS";
    String COLUMN_INLINE_SQL_ALLOWED = "INLINE_SQL_ALLOWED";
    String COLUMN_ALLOWED_SPACES = "ALLOWED_SPACES";
    String COLUMN_ALLOWED_GROUPS = "ALLOWED_GROUPS";
    String COLUMN_CREATED = "CREATED";
    String COLUMN_CREATED_BY = "CREATED_BY";
    String COLUMN_MODIFIED = "MODIFIED";
    String COLUMN_MODIFIED_BY = "MODIFIED_BY";
    String COLUMN_REVISION = "REVISION";

    /** @return the display name, as the admin typed it (trimmed) */
    @NotNull
    String getName();

    void setName(String name);

    /** @return the name lower-cased (root locale): unique, so names are unique regardless of case on every database */
    @NotNull
    @Unique
    String getNameKey();

    void setNameKey(String nameKey);

    /** @return a free-text description, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getDescription();

    void setDescription(String description);

    /** @return the kind of database: a {@code ConnectionKind} name, e.g. {@code POSTGRESQL} */
    @NotNull
    @StringLength(32)
    String getConnectionKind();

    void setConnectionKind(String connectionKind);

    /** @return the JDBC URL, without credentials */
    @StringLength(StringLength.UNLIMITED)
    String getJdbcUrl();

    void setJdbcUrl(String jdbcUrl);

    /** @return the database user, or {@code null} when the URL or driver supplies it */
    String getUsername();

    void setUsername(String username);

    /** @return the encrypted password (never plain text), or {@code null} for none */
    @StringLength(StringLength.UNLIMITED)
    String getPasswordCiphertext();

    void setPasswordCiphertext(String passwordCiphertext);

    /** @return extra JDBC driver properties, one {@code key=value} per line, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getConnectionProperties();

    void setConnectionProperties(String connectionProperties);

    /** @return whether connections are opened read-only (and queries must not write) */
    @NotNull
    boolean isReadOnly();

    void setReadOnly(boolean readOnly);

    /** @return the maximum number of pooled connections per cluster node */
    @NotNull
    int getPoolSize();

    void setPoolSize(int poolSize);

    /** @return how long to wait for a connection, in milliseconds */
    @NotNull
    int getConnectionTimeoutMs();

    void setConnectionTimeoutMs(int connectionTimeoutMs);

    /** @return the statement timeout, in seconds */
    @NotNull
    int getQueryTimeoutSeconds();

    void setQueryTimeoutSeconds(int queryTimeoutSeconds);

    /** @return the most rows a query may return */
    @NotNull
    int getMaxRows();

    void setMaxRows(int maxRows);

    /** @return whether macros may run SQL typed into the page rather than only saved queries */
    @NotNull
    boolean isInlineSqlAllowed();

    void setInlineSqlAllowed(boolean inlineSqlAllowed);

    /** @return space keys allowed to use this datasource, one per line; {@code null} means all spaces */
    @StringLength(StringLength.UNLIMITED)
    String getAllowedSpaces();

    void setAllowedSpaces(String allowedSpaces);

    /** @return group names allowed to use this datasource, one per line; {@code null} means everyone */
    @StringLength(StringLength.UNLIMITED)
    String getAllowedGroups();

    void setAllowedGroups(String allowedGroups);

    /** @return when the datasource was created */
    @NotNull
    Date getCreated();

    void setCreated(Date created);

    /** @return the user key of the creator, or {@code null} for the system */
    String getCreatedBy();

    void setCreatedBy(String createdBy);

    /** @return when the datasource was last changed */
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
