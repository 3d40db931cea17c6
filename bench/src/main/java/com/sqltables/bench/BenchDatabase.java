package com.sqltables.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory H2 database with one table of ten columns of the types pages show most: whole numbers,
 * short and longer text (some needing escaping, some NULL), a decimal, a double, a date, a timestamp and
 * a boolean. Open until {@link #close()}.
 */
final class BenchDatabase implements AutoCloseable {
    static final String COLUMNS = "id, customer, region, amount, ratio, sold_on, created_at, active, quantity, note";
    static final String USER = "sa";
    private static final AtomicInteger NUMBER = new AtomicInteger();

    private final String url;
    private final Connection keeper;

    BenchDatabase(int rows) throws SQLException {
        this.url = "jdbc:h2:mem:sqltables-bench-" + NUMBER.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
        this.keeper = DriverManager.getConnection(url, USER, "");
        try (Statement s = keeper.createStatement()) {
            s.execute("CREATE TABLE bench_rows (id INT PRIMARY KEY, customer VARCHAR(80), region VARCHAR(10),"
                    + " amount DECIMAL(12,2), ratio DOUBLE PRECISION, sold_on DATE, created_at TIMESTAMP,"
                    + " active BOOLEAN, quantity BIGINT, note VARCHAR(200))");
            // Every 5th customer and note needs escaping; every 7th note is NULL.
            s.execute("INSERT INTO bench_rows SELECT x,"
                    + " CASE WHEN MOD(x, 5) = 0 THEN 'Smith & Sons <GmbH> \"' || x || '\"' ELSE 'Customer ' || x END,"
                    + " CASE MOD(x, 4) WHEN 0 THEN 'EU' WHEN 1 THEN 'US' WHEN 2 THEN 'APAC' ELSE 'LATAM' END,"
                    + " CAST(MOD(x * 7919, 1000000) / 100.0 AS DECIMAL(12,2)),"
                    + " x / 7.0,"
                    + " DATEADD(DAY, MOD(x, 3650), DATE '2015-01-01'),"
                    + " DATEADD(SECOND, x * 37, TIMESTAMP '2024-01-01 08:00:00'),"
                    + " MOD(x, 2) = 0,"
                    + " CAST(x AS BIGINT) * 1000003,"
                    + " CASE WHEN MOD(x, 7) = 0 THEN NULL WHEN MOD(x, 5) = 0 THEN 'Note with <b>markup</b> & ''quotes'''"
                    + " ELSE 'Delivered on time, invoice ' || x END"
                    + " FROM SYSTEM_RANGE(1, " + rows + ")");
            s.execute("CREATE TABLE bench_one (id INT PRIMARY KEY, label VARCHAR(20))");
            s.execute("INSERT INTO bench_one VALUES (1, 'one')");
            // H2 checks for cancellation between rows, never inside a Java function: sleep per row.
            s.execute("CREATE ALIAS IF NOT EXISTS BENCH_SLEEP FOR 'java.lang.Thread.sleep'");
        }
    }

    /** @return the query of the first {@code rows} rows of the table, the same text for every path */
    static String tableSql(int rows) {
        return "SELECT " + COLUMNS + " FROM bench_rows WHERE id <= " + rows + " ORDER BY id";
    }

    String url() {
        return url;
    }

    /** @return a plain JDBC connection, not pooled (for the floor) */
    Connection connect() throws SQLException {
        return DriverManager.getConnection(url, USER, "");
    }

    @Override
    public void close() throws SQLException {
        try (Statement s = keeper.createStatement()) {
            s.execute("SHUTDOWN");
        } finally {
            keeper.close();
        }
    }
}
