package com.sqltables.confluence.query.execution;

/** Why a query (or a connection test) failed; each kind has a message a reader or admin can act on. */
public enum QueryFailure {
    /** Every connection of the pool was in use for the whole connection timeout. */
    POOL_BUSY,
    /** The statement ran longer than the datasource's query timeout and was cancelled. */
    TIMEOUT,
    /** The database could not be reached (refused, timed out, connection lost). */
    CONNECTION_FAILED,
    /** The database refused the user name or password. */
    AUTHENTICATION_FAILED,
    /** The database host name does not resolve. */
    UNKNOWN_HOST,
    /** The database refused a change on a read-only datasource. */
    READ_ONLY_VIOLATION,
    /** The database reported an error in the statement (syntax, missing table, type, …). */
    SQL_ERROR,
    /** The stored password could not be decrypted. */
    PASSWORD_UNREADABLE,
    /** The datasource was deleted. */
    DATASOURCE_NOT_FOUND,
    /** Writing the rendered result failed. */
    OUTPUT_FAILED,
    /** Anything else; the message says what. */
    INTERNAL
}
