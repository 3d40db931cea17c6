package com.sqltables.confluence.datasource;

import java.util.Locale;
import java.util.Optional;

/** The kinds of database a datasource can connect to. Stored by {@link #name()}: never rename a constant. */
public enum ConnectionKind {
    POSTGRESQL,
    MARIADB,
    MYSQL,
    SQLSERVER,
    ORACLE,
    H2;

    /** @return the kind with this name, ignoring case, if any */
    public static Optional<ConnectionKind> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
