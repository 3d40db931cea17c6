package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the database whether the datasource's account could change data — the check behind the warning
 * of "Test connection" (third read-only layer: the account should have read rights only). Best effort:
 * it reads the catalog the account can see, misses rights it cannot see, and says nothing when the
 * catalog cannot be read. PostgreSQL, MariaDB and H2 are tested; the SQL Server and Oracle queries are
 * written from their documentation only.
 */
public final class WriteAccessProbe {
    private static final Logger log = LoggerFactory.getLogger(WriteAccessProbe.class);
    private static final int MAX_NAMED = 5;
    private static final int PROBE_TIMEOUT_SECONDS = 10;

    /** Rights that let an account change data or schema, as MariaDB/MySQL name them in SHOW GRANTS. */
    private static final Pattern MARIADB_WRITE_PRIVILEGE = Pattern.compile("(?i)\\b(ALL PRIVILEGES|INSERT|UPDATE|DELETE"
            + "|DELETE HISTORY|CREATE|DROP|ALTER|INDEX|TRIGGER|EVENT|CREATE ROUTINE|ALTER ROUTINE|FILE|SUPER"
            + "|CREATE TEMPORARY TABLES|CREATE VIEW|LOCK TABLES)\\b");
    private static final Pattern MARIADB_GRANT = Pattern.compile("(?is)^GRANT\\s+(.*?)\\s+ON\\s+(\\S+)\\s+TO\\s");

    private static final String POSTGRES_SUPERUSER =
            "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user";
    private static final String POSTGRES_WRITABLE_TABLES = "SELECT n.nspname, c.relname FROM pg_catalog.pg_class c"
            + " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE c.relkind IN ('r', 'p', 'v', 'f')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'"
            + " AND (has_table_privilege(c.oid, 'INSERT') OR has_table_privilege(c.oid, 'UPDATE')"
            + " OR has_table_privilege(c.oid, 'DELETE') OR has_table_privilege(c.oid, 'TRUNCATE'))"
            + " ORDER BY 1, 2 LIMIT " + (MAX_NAMED + 1);
    private static final String POSTGRES_CREATABLE_SCHEMAS = "SELECT nspname FROM pg_catalog.pg_namespace"
            + " WHERE has_schema_privilege(oid, 'CREATE')"
            + " AND nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'"
            + " ORDER BY 1 LIMIT " + (MAX_NAMED + 1);
    private static final String H2_ADMIN =
            "SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER";
    private static final String H2_WRITABLE_TABLES = "SELECT DISTINCT TABLE_SCHEMA, TABLE_NAME"
            + " FROM INFORMATION_SCHEMA.TABLE_PRIVILEGES WHERE GRANTEE = CURRENT_USER"
            + " AND PRIVILEGE_TYPE IN ('INSERT', 'UPDATE', 'DELETE') ORDER BY 1, 2 LIMIT " + (MAX_NAMED + 1);
    private static final String SQLSERVER_ROLES = "SELECT IS_SRVROLEMEMBER('sysadmin'), IS_ROLEMEMBER('db_owner'),"
            + " IS_ROLEMEMBER('db_datawriter'), IS_ROLEMEMBER('db_ddladmin')";
    private static final String SQLSERVER_PERMISSIONS = "SELECT permission_name FROM fn_my_permissions(NULL, 'DATABASE')"
            + " WHERE permission_name IN ('INSERT', 'UPDATE', 'DELETE', 'ALTER', 'CONTROL', 'CREATE TABLE')"
            + " ORDER BY permission_name";
    private static final String ORACLE_SYSTEM_PRIVILEGES = "SELECT privilege FROM session_privs"
            + " WHERE privilege LIKE '%ANY TABLE' OR privilege IN ('CREATE TABLE', 'DROP ANY TABLE')"
            + " ORDER BY privilege";
    private static final String ORACLE_OWN_TABLES = "SELECT COUNT(*) FROM user_tables";
    private static final String ORACLE_GRANTED_TABLES = "SELECT COUNT(*) FROM user_tab_privs"
            + " WHERE grantee = USER AND privilege IN ('INSERT', 'UPDATE', 'DELETE')";

    private WriteAccessProbe() {
    }

    /**
     * @param connection an open connection of the datasource; left as it was (the probe only reads)
     * @return a warning naming what the account may change, or empty if nothing was found (or the
     *     catalog could not be read)
     */
    public static Optional<String> check(Connection connection, JdbcDriverFamily family) {
        try {
            switch (family) {
                case POSTGRESQL:
                    return postgres(connection);
                case MARIADB:
                    return mariaDb(connection);
                case H2:
                    return h2(connection);
                case SQLSERVER:
                    return sqlServer(connection);
                case ORACLE:
                    return oracle(connection);
                default:
                    return Optional.empty();
            }
        } catch (SQLException e) {
            log.debug("Could not tell whether the account can write ({}): {}", family.getDisplayName(), e.getMessage());
            return Optional.empty();
        }
    }

    private static Optional<String> postgres(Connection connection) throws SQLException {
        if (Boolean.TRUE.equals(firstBoolean(connection, POSTGRES_SUPERUSER))) {
            return Optional.of(warning("is a superuser and can change anything in the database"));
        }
        List<String> tables = rows(connection, POSTGRES_WRITABLE_TABLES, 2);
        List<String> schemas = rows(connection, POSTGRES_CREATABLE_SCHEMAS, 1);
        List<String> found = new ArrayList<>();
        if (!tables.isEmpty()) {
            found.add("may insert, update or delete rows of " + names(tables));
        }
        if (!schemas.isEmpty()) {
            found.add("may create tables in schema " + names(schemas));
        }
        return found.isEmpty() ? Optional.empty() : Optional.of(warning(String.join(" and ", found)));
    }

    private static Optional<String> mariaDb(Connection connection) throws SQLException {
        List<String> grants = rows(connection, "SHOW GRANTS", 1);
        return mariaDbWarning(grants);
    }

    /** @param grants the lines of {@code SHOW GRANTS} */
    static Optional<String> mariaDbWarning(List<String> grants) {
        List<String> writes = new ArrayList<>();
        for (String line : grants) {
            Matcher grant = MARIADB_GRANT.matcher(line.trim());
            if (!grant.find()) {
                continue;
            }
            List<String> privileges = new ArrayList<>();
            Matcher privilege = MARIADB_WRITE_PRIVILEGE.matcher(stripColumnLists(grant.group(1)));
            while (privilege.find()) {
                privileges.add(privilege.group(1).toUpperCase(Locale.ROOT));
            }
            if (!privileges.isEmpty()) {
                writes.add(String.join(", ", privileges) + " on " + grant.group(2));
            }
        }
        return writes.isEmpty() ? Optional.empty() : Optional.of(warning("has " + names(writes)));
    }

    /** {@code SELECT (a, b), UPDATE (c)}: column lists name columns, not rights. */
    private static String stripColumnLists(String privileges) {
        return privileges.replaceAll("\\([^)]*\\)", "");
    }

    private static Optional<String> h2(Connection connection) throws SQLException {
        Boolean admin;
        try {
            admin = firstBoolean(connection, H2_ADMIN);
        } catch (SQLException e) {
            // H2 shows the user list to administrators only.
            admin = Boolean.FALSE;
        }
        if (Boolean.TRUE.equals(admin)) {
            return Optional.of(warning("is an H2 administrator and can change anything in the database"));
        }
        List<String> tables = rows(connection, H2_WRITABLE_TABLES, 2);
        return tables.isEmpty() ? Optional.empty()
                : Optional.of(warning("may insert, update or delete rows of " + names(tables)));
    }

    private static Optional<String> sqlServer(Connection connection) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet roles = statement.executeQuery(SQLSERVER_ROLES)) {
                String[] names = {"sysadmin", "db_owner", "db_datawriter", "db_ddladmin"};
                if (roles.next()) {
                    for (int i = 0; i < names.length; i++) {
                        if (roles.getInt(i + 1) == 1) {
                            found.add(names[i]);
                        }
                    }
                }
            }
        }
        List<String> permissions = rows(connection, SQLSERVER_PERMISSIONS, 1);
        List<String> parts = new ArrayList<>();
        if (!found.isEmpty()) {
            parts.add("is a member of " + names(found));
        }
        if (!permissions.isEmpty()) {
            parts.add("has the database permissions " + names(permissions));
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(warning(String.join(" and ", parts)));
    }

    private static Optional<String> oracle(Connection connection) throws SQLException {
        List<String> parts = new ArrayList<>();
        List<String> privileges = rows(connection, ORACLE_SYSTEM_PRIVILEGES, 1);
        if (!privileges.isEmpty()) {
            parts.add("has the system privileges " + names(privileges));
        }
        if (firstLong(connection, ORACLE_OWN_TABLES) > 0) {
            parts.add("owns tables");
        }
        if (firstLong(connection, ORACLE_GRANTED_TABLES) > 0) {
            parts.add("may insert, update or delete rows of other schemas' tables");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(warning(String.join(" and ", parts)));
    }

    private static String warning(String finding) {
        return "The database account " + finding + ". SQL Tables refuses writes on read-only datasources,"
                + " but an account with read rights only is the safest protection.";
    }

    private static Boolean firstBoolean(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(sql)) {
                if (!rs.next()) {
                    return null;
                }
                boolean value = rs.getBoolean(1);
                return rs.wasNull() ? null : value;
            }
        }
    }

    private static long firstLong(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** @return each row's first {@code columns} values joined with a dot, e.g. {@code public.orders} */
    private static List<String> rows(Connection connection, String sql, int columns) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(sql)) {
                while (rs.next()) {
                    StringBuilder name = new StringBuilder();
                    for (int i = 1; i <= columns; i++) {
                        name.append(i > 1 ? "." : "").append(rs.getString(i));
                    }
                    rows.add(name.toString());
                }
            }
        }
        return rows;
    }

    private static String names(List<String> names) {
        if (names.size() <= MAX_NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMED)) + " and more";
    }
}
