package com.sqltables.confluence.datasource.pool;

import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Parser;

/**
 * Counts statements the way PgJDBC will split them, with PgJDBC's own parser (the bundled version, so
 * the count is exactly what the driver would send).
 */
final class PostgresStatements {
    private PostgresStatements() {
    }

    /** @return the number of statements PgJDBC would send for the SQL */
    static int count(Connection connection, String sql) throws SQLException {
        boolean standardConformingStrings = true;
        if (connection.isWrapperFor(BaseConnection.class)) {
            standardConformingStrings = connection.unwrap(BaseConnection.class).getStandardConformingStrings();
        }
        return Parser.parseJdbcSql(sql, standardConformingStrings, true, true, false, false).size();
    }
}
