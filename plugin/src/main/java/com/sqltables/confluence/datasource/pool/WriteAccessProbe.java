package com.sqltables.confluence.datasource.pool;

import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.I18nText;
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
 * Asks the database whether the datasource's account could change data, or reach beyond the database
 * (server files, programs, other sessions) — the check behind the warning of "Test connection" (third
 * read-only layer: the account should have read rights only). Best effort: it reads the catalog the
 * account can see, misses rights it cannot see, and says nothing when the catalog cannot be read.
 * PostgreSQL, MariaDB and H2 are tested; the SQL Server and Oracle queries are written from their
 * documentation only. Findings are i18n keys with arguments; {@link #warning} turns them into the text.
 */
public final class WriteAccessProbe {
    /** Prefix of the findings' i18n keys in {@code i18n/sql-tables.properties}. */
    public static final String KEY_PREFIX = "com.sqltables.confluence.datasource.probe.";
    private static final Logger log = LoggerFactory.getLogger(WriteAccessProbe.class);
    private static final int MAX_NAMED = 5;
    private static final int PROBE_TIMEOUT_SECONDS = 10;

    /** Rights that let an account change data or schema, as MariaDB/MySQL name them in SHOW GRANTS. */
    private static final Pattern MARIADB_WRITE_PRIVILEGE = Pattern.compile("(?i)\\b(ALL PRIVILEGES|INSERT|UPDATE|DELETE"
            + "|DELETE HISTORY|CREATE|DROP|ALTER|INDEX|TRIGGER|EVENT|CREATE ROUTINE|ALTER ROUTINE|FILE|SUPER"
            + "|CREATE TEMPORARY TABLES|CREATE VIEW|LOCK TABLES)\\b");
    private static final Pattern MARIADB_GRANT = Pattern.compile("(?is)^GRANT\\s+(.*?)\\s+ON\\s+(\\S+)\\s+TO\\s");

    /**
     * PostgreSQL's predefined roles that matter to a read-only datasource, each with its own warning:
     * the server-file and program roles work from a read-only transaction (COPY TO a file or program;
     * the file functions), pg_signal_backend lets a SELECT end other sessions, pg_read_all_data bypasses
     * the table grants that limit what a datasource shows, and pg_write_all_data is write access.
     * pg_read_all_data and pg_write_all_data exist from PostgreSQL 14 on; absent roles simply match nothing.
     */
    static final List<String> POSTGRES_RISKY_ROLES = List.of("pg_execute_server_program", "pg_write_server_files",
            "pg_read_server_files", "pg_write_all_data", "pg_read_all_data", "pg_signal_backend");

    private static final String POSTGRES_ATTRIBUTES =
            "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_catalog.pg_roles WHERE rolname = current_user";
    // MEMBER, not USAGE: a member without INHERIT can still take the role's rights with SET ROLE, which
    // a SELECT can do through set_config('role', …). pg_has_role follows memberships through other roles.
    private static final String POSTGRES_SUPERUSER_ROLES = "SELECT rolname FROM pg_catalog.pg_roles"
            + " WHERE rolsuper AND rolname <> current_user AND pg_has_role(current_user, oid, 'MEMBER')"
            + " ORDER BY 1 LIMIT " + (MAX_NAMED + 1);
    private static final String POSTGRES_RISKY_MEMBERSHIPS = "SELECT rolname FROM pg_catalog.pg_roles"
            + " WHERE rolname IN (" + quoted(POSTGRES_RISKY_ROLES) + ")"
            + " AND pg_has_role(current_user, oid, 'MEMBER')";
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

    /** @return one thing the probe found: its sentence, below {@link #KEY_PREFIX}, with the arguments */
    private static I18nText finding(String key, String... arguments) {
        return I18nText.of(KEY_PREFIX + key, arguments);
    }

    /**
     * @param connection an open connection of the datasource; left as it was (the probe only reads)
     * @return what the account may do beyond reading, most dangerous first; empty if nothing was found
     *     (or the catalog could not be read)
     */
    public static List<I18nText> check(Connection connection, JdbcDriverFamily family) {
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
                    return List.of();
            }
        } catch (SQLException e) {
            log.debug("Could not tell whether the account can write ({}): {}", family.getDisplayName(), e.getMessage());
            return List.of();
        }
    }

    /**
     * @return the findings' sentences followed by the advice to use a read-only account, in the
     *     language of {@code i18n}; empty when there are no findings
     */
    public static Optional<String> warning(List<I18nText> findings, I18nResolver i18n) {
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder text = new StringBuilder();
        for (I18nText finding : findings) {
            text.append(finding.resolve(i18n)).append(' ');
        }
        return Optional.of(text.append(i18n.getText(KEY_PREFIX + "advice")).toString());
    }

    private static List<I18nText> postgres(Connection connection) throws SQLException {
        List<I18nText> found = new ArrayList<>();
        boolean[] attributes = booleans(connection, POSTGRES_ATTRIBUTES, 3);
        if (attributes[0]) {
            // A superuser bypasses every check below; the rest would only repeat it.
            return List.of(finding("superuser"));
        }
        List<String> superuserRoles = rows(connection, POSTGRES_SUPERUSER_ROLES, 1);
        if (!superuserRoles.isEmpty()) {
            found.add(finding("postgres.superuser.member", names(superuserRoles)));
        }
        List<String> memberships = rows(connection, POSTGRES_RISKY_MEMBERSHIPS, 1);
        for (String role : POSTGRES_RISKY_ROLES) {
            if (memberships.contains(role)) {
                found.add(finding("postgres.role." + role, role));
            }
        }
        List<String> tables = rows(connection, POSTGRES_WRITABLE_TABLES, 2);
        if (!tables.isEmpty()) {
            found.add(finding("tables", names(tables)));
        }
        List<String> schemas = rows(connection, POSTGRES_CREATABLE_SCHEMAS, 1);
        if (!schemas.isEmpty()) {
            found.add(finding("schemas", names(schemas)));
        }
        if (attributes[1]) {
            found.add(finding("postgres.createrole"));
        }
        if (attributes[2]) {
            found.add(finding("postgres.createdb"));
        }
        return found;
    }

    private static List<I18nText> mariaDb(Connection connection) throws SQLException {
        return mariaDbFindings(rows(connection, "SHOW GRANTS", 1));
    }

    /** @param grants the lines of {@code SHOW GRANTS} */
    static List<I18nText> mariaDbFindings(List<String> grants) {
        List<String> writes = new ArrayList<>();
        boolean file = false;
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
            // FILE is a global right only; ALL PRIVILEGES on *.* includes it.
            file |= privileges.contains("FILE")
                    || privileges.contains("ALL PRIVILEGES") && grant.group(2).replace("`", "").equals("*.*");
        }
        List<I18nText> found = new ArrayList<>();
        if (!writes.isEmpty()) {
            found.add(finding("mariadb.grants", names(writes)));
        }
        if (file) {
            found.add(finding("mariadb.file"));
        }
        return found;
    }

    /** {@code SELECT (a, b), UPDATE (c)}: column lists name columns, not rights. */
    private static String stripColumnLists(String privileges) {
        return privileges.replaceAll("\\([^)]*\\)", "");
    }

    private static List<I18nText> h2(Connection connection) throws SQLException {
        boolean admin;
        try {
            admin = booleans(connection, H2_ADMIN, 1)[0];
        } catch (SQLException e) {
            // H2 shows the user list to administrators only.
            admin = false;
        }
        if (admin) {
            return List.of(finding("h2.admin"));
        }
        List<String> tables = rows(connection, H2_WRITABLE_TABLES, 2);
        return tables.isEmpty() ? List.of() : List.of(finding("tables", names(tables)));
    }

    private static List<I18nText> sqlServer(Connection connection) throws SQLException {
        List<String> roles = new ArrayList<>();
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(SQLSERVER_ROLES)) {
                String[] names = {"sysadmin", "db_owner", "db_datawriter", "db_ddladmin"};
                if (rs.next()) {
                    for (int i = 0; i < names.length; i++) {
                        if (rs.getInt(i + 1) == 1) {
                            roles.add(names[i]);
                        }
                    }
                }
            }
        }
        List<String> permissions = rows(connection, SQLSERVER_PERMISSIONS, 1);
        List<I18nText> found = new ArrayList<>();
        if (!roles.isEmpty()) {
            found.add(finding("sqlserver.roles", names(roles)));
        }
        if (!permissions.isEmpty()) {
            found.add(finding("sqlserver.permissions", names(permissions)));
        }
        return found;
    }

    private static List<I18nText> oracle(Connection connection) throws SQLException {
        List<I18nText> found = new ArrayList<>();
        List<String> privileges = rows(connection, ORACLE_SYSTEM_PRIVILEGES, 1);
        if (!privileges.isEmpty()) {
            found.add(finding("oracle.privileges", names(privileges)));
        }
        if (firstLong(connection, ORACLE_OWN_TABLES) > 0) {
            found.add(finding("oracle.own.tables"));
        }
        if (firstLong(connection, ORACLE_GRANTED_TABLES) > 0) {
            found.add(finding("oracle.granted.tables"));
        }
        return found;
    }

    /** @return the first row's first {@code columns} values, SQL {@code NULL} and no row read as false */
    private static boolean[] booleans(Connection connection, String sql, int columns) throws SQLException {
        boolean[] values = new boolean[columns];
        try (Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery(sql)) {
                if (rs.next()) {
                    for (int i = 0; i < columns; i++) {
                        values[i] = rs.getBoolean(i + 1);
                    }
                }
            }
        }
        return values;
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

    /** Lists names; past {@link #MAX_NAMED} an ellipsis says there are more (no word to translate). */
    private static String names(List<String> names) {
        if (names.size() <= MAX_NAMED) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMED)) + ", \u2026";
    }

    private static String quoted(List<String> names) {
        StringBuilder list = new StringBuilder();
        for (String name : names) {
            list.append(list.length() == 0 ? "" : ", ").append('\'').append(name).append('\'');
        }
        return list.toString();
    }
}
