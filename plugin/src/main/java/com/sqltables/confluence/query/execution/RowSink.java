package com.sqltables.confluence.query.execution;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;

/**
 * Receives a result as it streams from the database: the columns once, then each row, then the end.
 * Rows are never collected by the executor; a sink that keeps them decides how many.
 */
public interface RowSink {
    /**
     * @param columns the result's columns; empty when the statement returned no result set (an update
     *     count), in which case no row follows
     */
    void start(List<ResultColumn> columns) throws IOException;

    /** @param row the current row; read it now, it moves on after this call */
    void row(ResultRow row) throws SQLException, IOException;

    /**
     * @param rowCount the rows passed to {@link #row}
     * @param truncated whether the result had more rows than the cap, which were not read
     */
    void end(int rowCount, boolean truncated) throws IOException;
}
