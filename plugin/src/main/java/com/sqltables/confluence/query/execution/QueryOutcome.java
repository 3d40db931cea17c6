package com.sqltables.confluence.query.execution;

import com.sqltables.confluence.datasource.Datasource;
import java.util.List;

/** How a query went: what the sink received. Immutable. */
public final class QueryOutcome {
    private final Datasource datasource;
    private final List<ResultColumn> columns;
    private final int rowCount;
    private final int rowCap;
    private final boolean truncated;

    QueryOutcome(Datasource datasource, List<ResultColumn> columns, int rowCount, int rowCap, boolean truncated) {
        this.datasource = datasource;
        this.columns = columns;
        this.rowCount = rowCount;
        this.rowCap = rowCap;
        this.truncated = truncated;
    }

    /** @return the datasource as it was run with (the stored revision, possibly newer than the request's) */
    public Datasource getDatasource() {
        return datasource;
    }

    /** @return the result's columns; empty when the statement returned no result set */
    public List<ResultColumn> getColumns() {
        return columns;
    }

    /** @return rows passed to the sink */
    public int getRowCount() {
        return rowCount;
    }

    /** @return the row cap applied: the lower of the request's and the datasource's */
    public int getRowCap() {
        return rowCap;
    }

    /** @return whether more rows existed than the cap */
    public boolean isTruncated() {
        return truncated;
    }

    @Override
    public String toString() {
        return "QueryOutcome{rows=" + rowCount + ", cap=" + rowCap + ", truncated=" + truncated + "}";
    }
}
