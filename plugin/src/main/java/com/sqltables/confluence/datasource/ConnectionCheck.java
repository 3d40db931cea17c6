package com.sqltables.confluence.datasource;

import java.util.Optional;

/** The answer of "Test connection", with the time it took. Immutable; texts are plain (escape to show). */
public final class ConnectionCheck {
    private final boolean success;
    private final String failure;
    private final String message;
    private final String databaseProduct;
    private final String writeWarning;
    private final long roundTripMillis;

    public ConnectionCheck(boolean success, String failure, String message, String databaseProduct, String writeWarning,
                           long roundTripMillis) {
        this.success = success;
        this.failure = failure;
        this.message = message;
        this.databaseProduct = databaseProduct;
        this.writeWarning = writeWarning;
        this.roundTripMillis = roundTripMillis;
    }

    /** @return whether a connection was opened and answered */
    public boolean isSuccess() {
        return success;
    }

    /** @return the kind of failure (a {@code QueryFailure} name), or empty on success */
    public Optional<String> getFailure() {
        return Optional.ofNullable(failure);
    }

    /** @return what happened, in words an administrator can act on; never a password */
    public String getMessage() {
        return message;
    }

    /** @return e.g. {@code H2 2.2.224}, or empty on failure */
    public Optional<String> getDatabaseProduct() {
        return Optional.ofNullable(databaseProduct);
    }

    /** @return a warning that the account of a read-only datasource can change data, if so */
    public Optional<String> getWriteWarning() {
        return Optional.ofNullable(writeWarning);
    }

    /** @return how long connecting and asking took, in milliseconds */
    public long getRoundTripMillis() {
        return roundTripMillis;
    }

    @Override
    public String toString() {
        return "ConnectionCheck{" + (success ? "success" : failure) + ", " + roundTripMillis + " ms: " + message + "}";
    }
}
