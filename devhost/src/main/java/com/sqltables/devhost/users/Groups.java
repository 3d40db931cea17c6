package com.sqltables.devhost.users;

/** Group names of a fresh Confluence. */
public final class Groups {
    /** System administrators. */
    public static final String ADMINISTRATORS = "confluence-administrators";
    /** Licensed users. */
    public static final String USERS = "confluence-users";

    private Groups() {
    }
}
