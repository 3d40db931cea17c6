package com.sqltables.confluence.datasource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The editable part of a datasource, as an admin submits it. Immutable; build with {@link #builder()}.
 * Validation happens when it is stored.
 */
public final class DatasourceSettings {
    public static final int DEFAULT_POOL_SIZE = 5;
    public static final int DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_QUERY_TIMEOUT_SECONDS = 30;
    public static final int DEFAULT_MAX_ROWS = 1_000;

    private final String name;
    private final String description;
    private final ConnectionKind connectionKind;
    private final String jdbcUrl;
    private final String username;
    private final String passwordCiphertext;
    private final String connectionProperties;
    private final boolean readOnly;
    private final int poolSize;
    private final int connectionTimeoutMs;
    private final int queryTimeoutSeconds;
    private final int maxRows;
    private final boolean inlineSqlAllowed;
    private final List<String> allowedSpaces;
    private final List<String> allowedGroups;

    private DatasourceSettings(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.connectionKind = b.connectionKind;
        this.jdbcUrl = b.jdbcUrl;
        this.username = b.username;
        this.passwordCiphertext = b.passwordCiphertext;
        this.connectionProperties = b.connectionProperties;
        this.readOnly = b.readOnly;
        this.poolSize = b.poolSize;
        this.connectionTimeoutMs = b.connectionTimeoutMs;
        this.queryTimeoutSeconds = b.queryTimeoutSeconds;
        this.maxRows = b.maxRows;
        this.inlineSqlAllowed = b.inlineSqlAllowed;
        this.allowedSpaces = b.allowedSpaces;
        this.allowedGroups = b.allowedGroups;
    }

    /** @return a builder with the defaults: read-only, no inline SQL, all spaces and groups */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding these settings, to change some of them */
    public Builder toBuilder() {
        return new Builder()
                .name(name).description(description).connectionKind(connectionKind).jdbcUrl(jdbcUrl)
                .username(username).passwordCiphertext(passwordCiphertext).connectionProperties(connectionProperties)
                .readOnly(readOnly).poolSize(poolSize).connectionTimeoutMs(connectionTimeoutMs)
                .queryTimeoutSeconds(queryTimeoutSeconds).maxRows(maxRows).inlineSqlAllowed(inlineSqlAllowed)
                .allowedSpaces(allowedSpaces).allowedGroups(allowedGroups);
    }

    /** @return the unique (ignoring case) display name */
    public String getName() {
        return name;
    }

    /** @return the description, or {@code null} */
    public String getDescription() {
        return description;
    }

    /** @return the kind of database */
    public ConnectionKind getConnectionKind() {
        return connectionKind;
    }

    /** @return the JDBC URL */
    public String getJdbcUrl() {
        return jdbcUrl;
    }

    /** @return the database user, or {@code null} */
    public String getUsername() {
        return username;
    }

    /** @return the encrypted password, or {@code null} for none; never plain text */
    public String getPasswordCiphertext() {
        return passwordCiphertext;
    }

    /** @return extra driver properties, one {@code key=value} per line, or {@code null} */
    public String getConnectionProperties() {
        return connectionProperties;
    }

    /** @return whether connections are read-only */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** @return the maximum pooled connections per node */
    public int getPoolSize() {
        return poolSize;
    }

    /** @return the connection timeout in milliseconds */
    public int getConnectionTimeoutMs() {
        return connectionTimeoutMs;
    }

    /** @return the statement timeout in seconds */
    public int getQueryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    /** @return the row cap per query */
    public int getMaxRows() {
        return maxRows;
    }

    /** @return whether macros may run SQL typed into the page */
    public boolean isInlineSqlAllowed() {
        return inlineSqlAllowed;
    }

    /** @return allowed space keys; empty means all spaces */
    public List<String> getAllowedSpaces() {
        return allowedSpaces;
    }

    /** @return allowed group names; empty means everyone */
    public List<String> getAllowedGroups() {
        return allowedGroups;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DatasourceSettings)) {
            return false;
        }
        DatasourceSettings that = (DatasourceSettings) o;
        return readOnly == that.readOnly && poolSize == that.poolSize && connectionTimeoutMs == that.connectionTimeoutMs
                && queryTimeoutSeconds == that.queryTimeoutSeconds && maxRows == that.maxRows
                && inlineSqlAllowed == that.inlineSqlAllowed && Objects.equals(name, that.name)
                && Objects.equals(description, that.description) && connectionKind == that.connectionKind
                && Objects.equals(jdbcUrl, that.jdbcUrl) && Objects.equals(username, that.username)
                && Objects.equals(passwordCiphertext, that.passwordCiphertext)
                && Objects.equals(connectionProperties, that.connectionProperties)
                && allowedSpaces.equals(that.allowedSpaces) && allowedGroups.equals(that.allowedGroups);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, connectionKind, jdbcUrl, username, passwordCiphertext, connectionProperties,
                readOnly, poolSize, connectionTimeoutMs, queryTimeoutSeconds, maxRows, inlineSqlAllowed, allowedSpaces,
                allowedGroups);
    }

    /** Never shows the password ciphertext. */
    @Override
    public String toString() {
        return "DatasourceSettings{name=" + name + ", kind=" + connectionKind + ", jdbcUrl=" + jdbcUrl
                + ", username=" + username + ", password=" + (passwordCiphertext == null ? "none" : "****")
                + ", readOnly=" + readOnly + ", poolSize=" + poolSize + ", maxRows=" + maxRows + "}";
    }

    /** Builds {@link DatasourceSettings}. */
    public static final class Builder {
        private String name;
        private String description;
        private ConnectionKind connectionKind;
        private String jdbcUrl;
        private String username;
        private String passwordCiphertext;
        private String connectionProperties;
        private boolean readOnly = true;
        private int poolSize = DEFAULT_POOL_SIZE;
        private int connectionTimeoutMs = DEFAULT_CONNECTION_TIMEOUT_MS;
        private int queryTimeoutSeconds = DEFAULT_QUERY_TIMEOUT_SECONDS;
        private int maxRows = DEFAULT_MAX_ROWS;
        private boolean inlineSqlAllowed;
        private List<String> allowedSpaces = List.of();
        private List<String> allowedGroups = List.of();

        private Builder() {
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder connectionKind(ConnectionKind connectionKind) {
            this.connectionKind = connectionKind;
            return this;
        }

        public Builder jdbcUrl(String jdbcUrl) {
            this.jdbcUrl = jdbcUrl;
            return this;
        }

        public Builder username(String username) {
            this.username = username;
            return this;
        }

        public Builder passwordCiphertext(String passwordCiphertext) {
            this.passwordCiphertext = passwordCiphertext;
            return this;
        }

        public Builder connectionProperties(String connectionProperties) {
            this.connectionProperties = connectionProperties;
            return this;
        }

        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        public Builder connectionTimeoutMs(int connectionTimeoutMs) {
            this.connectionTimeoutMs = connectionTimeoutMs;
            return this;
        }

        public Builder queryTimeoutSeconds(int queryTimeoutSeconds) {
            this.queryTimeoutSeconds = queryTimeoutSeconds;
            return this;
        }

        public Builder maxRows(int maxRows) {
            this.maxRows = maxRows;
            return this;
        }

        public Builder inlineSqlAllowed(boolean inlineSqlAllowed) {
            this.inlineSqlAllowed = inlineSqlAllowed;
            return this;
        }

        /** @param allowedSpaces space keys; {@code null} or empty means all spaces */
        public Builder allowedSpaces(List<String> allowedSpaces) {
            this.allowedSpaces = copy(allowedSpaces);
            return this;
        }

        /** @param allowedGroups group names; {@code null} or empty means everyone */
        public Builder allowedGroups(List<String> allowedGroups) {
            this.allowedGroups = copy(allowedGroups);
            return this;
        }

        public DatasourceSettings build() {
            return new DatasourceSettings(this);
        }

        // Unlike List.copyOf, keeps null entries, so that validation can report them as a field error.
        private static List<String> copy(List<String> entries) {
            return entries == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(entries));
        }
    }
}
