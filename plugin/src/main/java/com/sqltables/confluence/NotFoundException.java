package com.sqltables.confluence;

/** The object to read, change or delete does not exist (any more). */
public class NotFoundException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
