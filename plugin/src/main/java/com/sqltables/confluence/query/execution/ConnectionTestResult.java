package com.sqltables.confluence.query.execution;

import java.util.Optional;

/** The answer of "Test connection". Immutable; every text is safe to show once HTML-escaped. */
public final class ConnectionTestResult {
    private final QueryFailure failure;
    private final String message;
    private final String databaseProduct;
    private final String writeWarning;

    private ConnectionTestResult(QueryFailure failure, String message, String databaseProduct, String writeWarning) {
        this.failure = failure;
        this.message = message;
        this.databaseProduct = databaseProduct;
        this.writeWarning = writeWarning;
    }

    /** @param message "Connected to …" in the administrator's language */
    static ConnectionTestResult success(String message, String databaseProduct, String writeWarning) {
        return new ConnectionTestResult(null, message, databaseProduct, writeWarning);
    }

    /** @param message the failure's text in the administrator's language */
    static ConnectionTestResult failure(QueryException e, String message) {
        return new ConnectionTestResult(e.getFailure(), message, null, null);
    }

    /** @return whether a connection was opened and answered */
    public boolean isSuccess() {
        return failure == null;
    }

    /** @return why it failed, or empty on success */
    public Optional<QueryFailure> getFailure() {
        return Optional.ofNullable(failure);
    }

    /** @return what happened, for the administrator, in their language */
    public String getMessage() {
        return message;
    }

    /** @return e.g. {@code PostgreSQL 16.15}, or empty on failure */
    public Optional<String> getDatabaseProduct() {
        return Optional.ofNullable(databaseProduct);
    }

    /** @return a warning that the account can change data, if the database says so */
    public Optional<String> getWriteWarning() {
        return Optional.ofNullable(writeWarning);
    }

    @Override
    public String toString() {
        return "ConnectionTestResult{" + (failure == null ? "success" : failure.toString()) + ": " + message + "}";
    }
}
