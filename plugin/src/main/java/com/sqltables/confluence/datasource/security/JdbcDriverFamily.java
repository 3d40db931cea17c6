package com.sqltables.confluence.datasource.security;

import com.sqltables.confluence.datasource.ConnectionKind;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The JDBC drivers bundled with the app, with the URL prefixes each one serves. */
public enum JdbcDriverFamily {
    /** PgJDBC. */
    POSTGRESQL("PostgreSQL", "jdbc:postgresql:"),
    /** MariaDB Connector/J, which also serves MySQL ({@code jdbc:mysql:}). */
    MARIADB("MariaDB/MySQL", "jdbc:mariadb:", "jdbc:mysql:"),
    /** Microsoft JDBC Driver for SQL Server. */
    SQLSERVER("SQL Server", "jdbc:sqlserver:"),
    /** Oracle's thin driver; the OCI and server-side drivers load native code and are not offered. */
    ORACLE("Oracle", "jdbc:oracle:thin:"),
    /** H2, embedded. */
    H2("H2", "jdbc:h2:");

    private final String displayName;
    private final List<String> prefixes;

    JdbcDriverFamily(String displayName, String... prefixes) {
        this.displayName = displayName;
        this.prefixes = Collections.unmodifiableList(Arrays.asList(prefixes));
    }

    /**
     * @return the family whose prefix starts the URL. Prefixes are matched exactly (in lower case), as
     *     the drivers do; a URL any other driver might claim matches nothing
     */
    public static Optional<JdbcDriverFamily> forUrl(String url) {
        if (url == null) {
            return Optional.empty();
        }
        for (JdbcDriverFamily family : values()) {
            for (String prefix : family.prefixes) {
                if (url.startsWith(prefix)) {
                    return Optional.of(family);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the family that connects to a datasource of this kind */
    public static JdbcDriverFamily of(ConnectionKind kind) {
        switch (kind) {
            case POSTGRESQL:
                return POSTGRESQL;
            case MARIADB:
            case MYSQL:
                return MARIADB;
            case SQLSERVER:
                return SQLSERVER;
            case ORACLE:
                return ORACLE;
            case H2:
                return H2;
            default:
                throw new IllegalArgumentException("No driver for " + kind);
        }
    }

    /** @return e.g. {@code PostgreSQL} */
    public String getDisplayName() {
        return displayName;
    }

    /** @return the URL prefixes, e.g. {@code jdbc:postgresql:} */
    public List<String> getPrefixes() {
        return prefixes;
    }

    /** @return the prefix the URL starts with; the URL must belong to this family */
    String prefixOf(String url) {
        for (String prefix : prefixes) {
            if (url.startsWith(prefix)) {
                return prefix;
            }
        }
        throw new IllegalArgumentException("not a " + displayName + " URL");
    }
}
