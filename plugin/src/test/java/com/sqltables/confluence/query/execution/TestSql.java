package com.sqltables.confluence.query.execution;

import com.sqltables.confluence.ao.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;

/** The SQL the execution tests need, in each test database's dialect, and direct JDBC for set-up and checks. */
final class TestSql {
    private static final Set<TestDatabase> SLEEP_READY = EnumSet.noneOf(TestDatabase.class);

    private TestSql() {
    }

    /** @return a query that runs about ten seconds unless cancelled */
    static synchronized String sleep(TestDatabase database) throws SQLException {
        switch (database) {
            case POSTGRESQL:
                return "SELECT pg_sleep(10)";
            case MARIADB:
                return "SELECT SLEEP(10)";
            default:
                if (SLEEP_READY.add(database)) {
                    // H2 checks for cancellation between rows, never inside a Java function: sleep per row.
                    execute(database, "CREATE ALIAS IF NOT EXISTS ST_SLEEP FOR 'java.lang.Thread.sleep'");
                }
                return "SELECT ST_SLEEP(100) FROM SYSTEM_RANGE(1, 100)";
        }
    }

    /** @return {@code count} rows of one integer column labelled {@code n}, in order */
    static String rows(TestDatabase database, int count) {
        switch (database) {
            case POSTGRESQL:
                return "SELECT g AS n FROM generate_series(1, " + count + ") g ORDER BY g";
            case MARIADB:
                return "SELECT seq AS n FROM seq_1_to_" + count + " ORDER BY seq";
            default:
                return "SELECT X AS \"n\" FROM SYSTEM_RANGE(1, " + count + ") ORDER BY X";
        }
    }

    /** @return a query returning its one text parameter as column {@code v} */
    static String echoText(TestDatabase database) {
        switch (database) {
            case POSTGRESQL:
                return "SELECT CAST(? AS text) AS v";
            case MARIADB:
                return "SELECT CAST(? AS CHAR) AS v";
            default:
                return "SELECT CAST(? AS VARCHAR) AS \"v\"";
        }
    }

    /** @return the label as the database reports an unquoted lower-case alias */
    static String alias(TestDatabase database, String label) {
        return database == TestDatabase.H2 ? "\"" + label + "\"" : label;
    }

    /** Runs statements on a plain connection with auto-commit, for set-up. */
    static void execute(TestDatabase database, String... statements) throws SQLException {
        try (Connection connection = database.openJdbc(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs statements, ignoring failures (e.g. dropping what may not exist). */
    static void executeQuietly(TestDatabase database, String... statements) {
        for (String sql : statements) {
            try {
                execute(database, sql);
            } catch (SQLException ignored) {
                // Clean-up of something that may not exist.
            }
        }
    }

    /** @return every row of the query, as text: a fingerprint to compare before and after */
    static String snapshot(TestDatabase database, String query) throws SQLException {
        StringBuilder b = new StringBuilder();
        try (Connection connection = database.openJdbc(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(query)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    b.append(rs.getString(i)).append(i == columns ? "\n" : "|");
                }
            }
        }
        return b.toString();
    }

    /** @return whether a table of that name exists in the shared database */
    static boolean tableExists(TestDatabase database, String table) throws SQLException {
        try (Connection connection = database.openJdbc();
             ResultSet rs = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
        }
        return false;
    }
}
