package com.sqltables.confluence;

/**
 * A name that must be unique (case-insensitively) is taken, e.g. "A datasource named 'Sales' already
 * exists". Reported on the field {@code name}.
 */
public class DuplicateNameException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /**
     * @param kind what is named, e.g. {@code datasource}
     * @param name the name as the user typed it
     */
    public DuplicateNameException(String kind, String name) {
        super("name", "A " + kind + " named '" + name + "' already exists");
    }
}
