package com.sqltables.host.ao;

import java.util.Locale;
import net.java.ao.DatabaseProvider;
import net.java.ao.DisposableDataSource;
import net.java.ao.db.H2DatabaseProvider;
import net.java.ao.db.MySQLDatabaseProvider;
import net.java.ao.db.PostgreSQLDatabaseProvider;

/**
 * The databases this host supports, each with the Active Objects provider and default schema that
 * Confluence's AO plugin uses for it (MariaDB runs on the MySQL provider, as in Confluence).
 */
public enum DatabaseKind {
    /** H2 2.x: tables live in schema {@code PUBLIC} (upper case, H2 folds unquoted names up). */
    H2("PUBLIC"),
    /** PostgreSQL: schema {@code public}. */
    POSTGRESQL("public"),
    /** MySQL and MariaDB: no schema, the connection's current database. */
    MYSQL(null);

    private final String defaultSchema;

    DatabaseKind(String defaultSchema) {
        this.defaultSchema = defaultSchema;
    }

    /** @return the schema used when none is configured; {@code null} means the current database */
    public String defaultSchema() {
        return defaultSchema;
    }

    /**
     * @param jdbcUrl a JDBC URL
     * @return the kind of database the URL points at
     * @throws IllegalArgumentException for an unsupported database
     */
    public static DatabaseKind fromJdbcUrl(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl.toLowerCase(Locale.ENGLISH);
        if (url.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("Unsupported JDBC URL (expected jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:): "
                + JdbcUrls.withoutCredentials(jdbcUrl));
    }

    /**
     * @param productName {@link java.sql.DatabaseMetaData#getDatabaseProductName()}
     * @return the kind of database
     * @throws IllegalArgumentException for an unsupported database
     */
    public static DatabaseKind fromProductName(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ENGLISH);
        if (name.contains("h2")) {
            return H2;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        if (name.contains("mysql") || name.contains("mariadb")) {
            return MYSQL;
        }
        throw new IllegalArgumentException("Unsupported database: " + productName);
    }

    DatabaseProvider newProvider(DisposableDataSource dataSource, String schema) {
        switch (this) {
            case H2:
                return new H2DatabaseProvider(dataSource, schema);
            case POSTGRESQL:
                return new PostgreSQLDatabaseProvider(dataSource, schema);
            case MYSQL:
                return new MySQLDatabaseProvider(dataSource);
            default:
                throw new AssertionError(this);
        }
    }
}
