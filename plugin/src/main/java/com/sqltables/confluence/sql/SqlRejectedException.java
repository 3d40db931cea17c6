package com.sqltables.confluence.sql;

import com.sqltables.confluence.ValidationException;

/**
 * SQL text was refused: it is not a single read statement, it could not be read, or its parameters
 * are malformed. The message is safe to show to page authors; it never repeats more than a short
 * excerpt of the SQL.
 */
public class SqlRejectedException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** The field name used in {@link #getFieldErrors()}. */
    public static final String FIELD = "sql";

    /** @param message a message a page author can act on */
    public SqlRejectedException(String message) {
        super(FIELD, message);
    }

    /** @return the message without the field prefix */
    public String getReason() {
        return getFieldErrors().get(FIELD);
    }
}
