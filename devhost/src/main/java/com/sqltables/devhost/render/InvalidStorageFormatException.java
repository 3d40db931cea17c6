package com.sqltables.devhost.render;

/** Storage-format XHTML that is not well-formed; the message is the XML parser's, with row and column. */
public final class InvalidStorageFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidStorageFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
