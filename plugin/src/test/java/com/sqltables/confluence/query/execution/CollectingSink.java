package com.sqltables.confluence.query.execution;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Keeps every row as the drivers' text, for assertions. */
class CollectingSink implements RowSink {
    List<ResultColumn> columns;
    final List<List<String>> rows = new ArrayList<>();
    int endRowCount = -1;
    boolean endTruncated;
    int starts;

    @Override
    public void start(List<ResultColumn> columns) {
        this.columns = columns;
        starts++;
    }

    @Override
    public void row(ResultRow row) throws SQLException, IOException {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
            values.add(row.getString(i));
        }
        rows.add(values);
    }

    @Override
    public void end(int rowCount, boolean truncated) {
        endRowCount = rowCount;
        endTruncated = truncated;
    }

    List<String> column(int index) {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows) {
            values.add(row.get(index));
        }
        return values;
    }
}
