package com.atlassian.sal.api.user;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/user/UserRole.java and public plugins passing UserRole.ADMIN / UserRole.SYSADMIN to getLoginUriForRole.
/** Compile-only stand-in: the role a login page should ask for. */
public enum UserRole {
    USER,
    ADMIN,
    SYSADMIN
}
