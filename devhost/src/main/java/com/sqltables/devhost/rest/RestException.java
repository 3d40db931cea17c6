package com.sqltables.devhost.rest;

/** Ends a REST call with a status and a message for the client. */
final class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
