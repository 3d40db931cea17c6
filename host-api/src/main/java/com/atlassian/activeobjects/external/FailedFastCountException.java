package com.atlassian.activeobjects.external;

// Signature source: activeobjects-plugin 5.2.1 (decompiled Confluence 8.7.2), com/atlassian/activeobjects/external/FailedFastCountException.java.
/** Compile-only stand-in: thrown when the database cannot estimate a table's row count cheaply. */
public class FailedFastCountException extends Exception {
    private static final long serialVersionUID = 1L;

    public FailedFastCountException(Throwable cause) {
        super(cause);
    }
}
