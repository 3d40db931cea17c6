package com.sqltables.confluence.query.execution;

import java.util.Objects;

/**
 * A query or connection test failed. The message is safe to show on a page once HTML-escaped: it
 * carries no stack trace, and the database's own message in it is masked of passwords and secret
 * connection properties.
 */
public class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final QueryFailure failure;
    private final String databaseMessage;
    private final String sqlState;
    private final int vendorCode;

    public QueryException(QueryFailure failure, String message) {
        this(failure, message, null, null, 0);
    }

    public QueryException(QueryFailure failure, String message, String databaseMessage, String sqlState, int vendorCode) {
        super(message);
        this.failure = Objects.requireNonNull(failure, "failure");
        this.databaseMessage = databaseMessage;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    /** @return the kind of failure */
    public QueryFailure getFailure() {
        return failure;
    }

    /** @return the database's or driver's message, masked, or {@code null} */
    public String getDatabaseMessage() {
        return databaseMessage;
    }

    /** @return the SQLSTATE reported, or {@code null} */
    public String getSqlState() {
        return sqlState;
    }

    /** @return the database's own error code, or 0 */
    public int getVendorCode() {
        return vendorCode;
    }

    /** No stack trace: these exceptions are expected outcomes and end up in error boxes. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
