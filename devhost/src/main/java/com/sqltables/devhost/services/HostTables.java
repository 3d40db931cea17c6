package com.sqltables.devhost.services;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The dev host's own tables in the host database, where Confluence keeps the same facts in its own schema
 * (Bandana, scheduler tables, cluster locks). Portable DDL for H2 2.x and PostgreSQL; created when missing,
 * tolerant of a second node creating them at the same moment.
 */
public final class HostTables {
    /** Plugin settings (SAL): one row per namespace and key; the value carries its SAL type. */
    public static final String PLUGIN_SETTING = "DEVHOST_PLUGIN_SETTING";
    /** Host properties such as the server ID. */
    public static final String PROPERTY = "DEVHOST_PROPERTY";
    /** Active Objects model version per namespace, and the row locked while one node upgrades it. */
    public static final String AO_MODEL = "DEVHOST_AO_MODEL";
    /**
     * Cluster-wide scheduled jobs (RUN_ONCE_PER_CLUSTER), as atlassian-scheduler keeps them in the database. The
     * row is the job's lock: a node claims a firing by advancing NEXT_RUN with a compare-and-set on VERSION.
     */
    public static final String CLUSTERED_JOB = "DEVHOST_CLUSTERED_JOB";
    /** Run history: one row per run (job, nominal fire time, node) and its outcome. */
    public static final String JOB_RUN = "DEVHOST_JOB_RUN";
    /** Per-job admin state of the Scheduled Jobs page: the disabled flag. */
    public static final String JOB_STATUS = "DEVHOST_JOB_STATUS";

    private static final Map<String, String> DDL = new LinkedHashMap<>();

    static {
        DDL.put(PLUGIN_SETTING, "CREATE TABLE " + PLUGIN_SETTING + " (NAMESPACE VARCHAR(255) NOT NULL, SETTING_KEY VARCHAR(255) NOT NULL,"
                + " VALUE_TYPE VARCHAR(16) NOT NULL, SETTING_VALUE VARCHAR NOT NULL, PRIMARY KEY (NAMESPACE, SETTING_KEY))");
        DDL.put(PROPERTY, "CREATE TABLE " + PROPERTY + " (NAME VARCHAR(255) NOT NULL PRIMARY KEY, PROPERTY_VALUE VARCHAR NOT NULL)");
        DDL.put(AO_MODEL, "CREATE TABLE " + AO_MODEL + " (NAMESPACE VARCHAR(255) NOT NULL PRIMARY KEY, MODEL_VERSION VARCHAR(32) NOT NULL)");
        DDL.put(CLUSTERED_JOB, "CREATE TABLE " + CLUSTERED_JOB + " (JOB_ID VARCHAR(255) NOT NULL PRIMARY KEY,"
                + " RUNNER_KEY VARCHAR(255) NOT NULL, SCHEDULE_TYPE VARCHAR(16) NOT NULL, CRON_EXPRESSION VARCHAR(255),"
                + " TIME_ZONE VARCHAR(64), FIRST_RUN BIGINT, INTERVAL_MILLIS BIGINT, PARAMETERS VARCHAR, NEXT_RUN BIGINT,"
                + " VERSION BIGINT NOT NULL)");
        DDL.put(JOB_RUN, "CREATE TABLE " + JOB_RUN + " (JOB_ID VARCHAR(255) NOT NULL, FIRE_TIME BIGINT NOT NULL,"
                + " NODE_ID VARCHAR(255) NOT NULL, STARTED BIGINT NOT NULL, FINISHED BIGINT, OUTCOME VARCHAR(16),"
                + " MESSAGE VARCHAR(255), PRIMARY KEY (JOB_ID, FIRE_TIME, NODE_ID))");
        DDL.put(JOB_STATUS, "CREATE TABLE " + JOB_STATUS + " (JOB_ID VARCHAR(255) NOT NULL PRIMARY KEY, DISABLED BOOLEAN NOT NULL)");
    }

    private HostTables() {
    }

    /** Creates the tables that do not exist yet. */
    public static void ensure(DataSource database) {
        try (Connection connection = database.getConnection()) {
            for (Map.Entry<String, String> table : DDL.entrySet()) {
                if (exists(connection, table.getKey())) {
                    continue;
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute(table.getValue());
                } catch (SQLException e) {
                    // Another node may have created it between our check and our CREATE.
                    if (!exists(connection, table.getKey())) {
                        throw e;
                    }
                }
                if (!connection.getAutoCommit()) {
                    connection.commit();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the dev host's tables: " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String name : new String[] {table, table.toLowerCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Inserts a row unless one with its key exists, leaving an existing row as it is. Every node does this
     * on each start (a job's initial state, a namespace's model row), so it must not raise a duplicate key
     * on the database: PostgreSQL logs every one as an error. On PostgreSQL one {@code INSERT … ON CONFLICT
     * DO NOTHING}, which raises nothing even when two nodes insert at the same moment; elsewhere (H2) a
     * look first, and only a real race of two nodes reaches the insert's duplicate key, which is tolerated.
     *
     * @param connection in auto-commit mode, or in a transaction the caller commits
     * @return whether this call inserted the row
     */
    public static boolean insertIfAbsent(Connection connection, String table, String keyColumn, String key,
                                         String valueColumn, Object value) throws SQLException {
        String insert = "INSERT INTO " + table + " (" + keyColumn + ", " + valueColumn + ") VALUES (?, ?)";
        if (isPostgres(connection)) {
            try (PreparedStatement statement = connection.prepareStatement(insert + " ON CONFLICT (" + keyColumn
                    + ") DO NOTHING")) {
                statement.setString(1, key);
                statement.setObject(2, value);
                return statement.executeUpdate() > 0;
            }
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT 1 FROM " + table + " WHERE " + keyColumn + " = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return false;
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            statement.setString(1, key);
            statement.setObject(2, value);
            return statement.executeUpdate() > 0;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    /** @return whether the exception reports a unique or primary key violation (SQLState class 23) */
    public static boolean isDuplicateKey(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }
}
