package com.sqltables.devhost;

/** The dev host cannot start; the message says why in terms the user can act on. */
public final class DevHostStartException extends Exception {
    private static final long serialVersionUID = 1L;

    public DevHostStartException(String message, Throwable cause) {
        super(message, cause);
    }
}
