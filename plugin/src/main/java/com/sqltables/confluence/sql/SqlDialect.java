package com.sqltables.confluence.sql;

import com.sqltables.confluence.datasource.ConnectionKind;

/**
 * The lexical rules of a database's SQL that matter for finding parameters and statements: which
 * quotes and comments exist. Getting these wrong fails safe (the database reports a syntax error),
 * but getting them right keeps valid SQL working.
 */
public enum SqlDialect {
    /** PostgreSQL: {@code E'…'} strings with backslash escapes, {@code $tag$…$tag$}, nested comments. */
    POSTGRESQL,
    /** MariaDB and MySQL: backslash escapes in strings, back-quoted names, {@code #} comments. */
    MARIADB,
    /** SQL Server: {@code [bracketed]} names, nested comments. */
    SQLSERVER,
    /** Oracle: {@code q'[…]'} strings. */
    ORACLE,
    /** H2: {@code $$…$$} strings. */
    H2,
    /** Standard SQL only: {@code '…'} strings, {@code "…"} names, {@code --} and {@code /* *&#47;} comments. */
    GENERIC;

    /** @return the dialect of a datasource's database, {@link #GENERIC} for {@code null} */
    public static SqlDialect of(ConnectionKind kind) {
        if (kind == null) {
            return GENERIC;
        }
        switch (kind) {
            case POSTGRESQL:
                return POSTGRESQL;
            case MARIADB:
            case MYSQL:
                return MARIADB;
            case SQLSERVER:
                return SQLSERVER;
            case ORACLE:
                return ORACLE;
            case H2:
                return H2;
            default:
                return GENERIC;
        }
    }

    boolean backslashEscapesInStrings() {
        return this == MARIADB;
    }

    boolean escapeStringPrefix() {
        return this == POSTGRESQL;
    }

    boolean dollarQuotes() {
        return this == POSTGRESQL || this == H2;
    }

    boolean bracketIdentifiers() {
        return this == SQLSERVER;
    }

    boolean backtickIdentifiers() {
        return this == MARIADB || this == H2;
    }

    boolean hashComments() {
        return this == MARIADB;
    }

    /** MySQL treats {@code --} as a comment only when a space or control character follows. */
    boolean dashCommentNeedsSpace() {
        return this == MARIADB;
    }

    boolean nestedBlockComments() {
        return this == POSTGRESQL || this == SQLSERVER;
    }

    boolean alternativeQuoting() {
        return this == ORACLE;
    }

    /** PgJDBC reads {@code ??} as a literal {@code ?} (for the JSON operators), other drivers do not. */
    boolean doubledQuestionMarkEscape() {
        return this == POSTGRESQL;
    }
}
