package com.sqltables.devhost.db;

import java.sql.SQLException;

/** A database call of the host failed; the message carries the driver's message and SQL state. */
public final class DataAccessException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super(cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
    }

    public SQLException sqlException() {
        return (SQLException) getCause();
    }

    /** Whether the failure is a unique or primary key violation (SQLState class 23505), e.g. a racing insert. */
    public boolean isUniqueViolation() {
        return "23505".equals(sqlException().getSQLState());
    }
}
