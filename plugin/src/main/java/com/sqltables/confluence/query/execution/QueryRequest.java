package com.sqltables.confluence.query.execution;

import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.sql.BoundParameters;
import java.util.Objects;

/**
 * What to run: a datasource, SQL with {@code ?} placeholders (for a read-only datasource already passed
 * by {@code ReadOnlyStatementValidator}), the values to bind, and how many rows the caller wants.
 * Immutable; build with {@link #builder(Datasource, String)}.
 */
public final class QueryRequest {
    private final Datasource datasource;
    private final String sql;
    private final BoundParameters parameters;
    private final int maxRows;
    private final int fetchSize;

    private QueryRequest(Builder b) {
        this.datasource = b.datasource;
        this.sql = b.sql;
        this.parameters = b.parameters;
        this.maxRows = b.maxRows;
        this.fetchSize = b.fetchSize;
    }

    /**
     * @param datasource the datasource as the caller read it
     * @param jdbcSql the SQL to prepare, e.g. {@code ParsedSql.getJdbcSql()}
     */
    public static Builder builder(Datasource datasource, String jdbcSql) {
        return new Builder(datasource, jdbcSql);
    }

    public Datasource getDatasource() {
        return datasource;
    }

    public String getSql() {
        return sql;
    }

    /** @return the values to bind, or {@code null} for none */
    public BoundParameters getParameters() {
        return parameters;
    }

    /** @return the rows the caller asked for; 0 for the datasource's cap */
    public int getMaxRows() {
        return maxRows;
    }

    /** @return the JDBC fetch size; 0 to let the executor choose */
    public int getFetchSize() {
        return fetchSize;
    }

    /**
     * @param datasourceMaxRows the datasource's hard cap
     * @return the rows to show: the caller's number when it is lower than the datasource's cap, never more
     */
    int rowCap(int datasourceMaxRows) {
        int cap = Math.max(1, datasourceMaxRows);
        return maxRows > 0 ? Math.min(maxRows, cap) : cap;
    }

    /** Leaves out the bound values: they may be private and this may reach a log. */
    @Override
    public String toString() {
        return "QueryRequest{datasource=" + datasource.getId() + ", maxRows=" + maxRows + ", parameters="
                + (parameters == null ? 0 : parameters.getValues().size()) + "}";
    }

    /** Builds a {@link QueryRequest}. */
    public static final class Builder {
        private final Datasource datasource;
        private final String sql;
        private BoundParameters parameters;
        private int maxRows;
        private int fetchSize;

        private Builder(Datasource datasource, String sql) {
            this.datasource = Objects.requireNonNull(datasource, "datasource");
            this.sql = Objects.requireNonNull(sql, "sql");
        }

        public Builder parameters(BoundParameters parameters) {
            this.parameters = parameters;
            return this;
        }

        /** @param maxRows rows wanted (a macro's {@code maxRows}); lowers the datasource's cap, never raises it */
        public Builder maxRows(int maxRows) {
            this.maxRows = Math.max(0, maxRows);
            return this;
        }

        /** @param fetchSize rows per round trip; 0 lets the executor choose */
        public Builder fetchSize(int fetchSize) {
            this.fetchSize = Math.max(0, fetchSize);
            return this;
        }

        public QueryRequest build() {
            return new QueryRequest(this);
        }
    }
}
