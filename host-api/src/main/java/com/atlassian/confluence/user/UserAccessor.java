package com.atlassian.confluence.user;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/user/UserAccessor.java and public plugins calling countLicenseConsumingUsers() as int (BasicConfluenceStats MBean, usage monitors).
/**
 * Compile-only stand-in for Confluence's user service. A subset: the real interface extends several
 * others and declares dozens of methods; the plugin only counts licensed users.
 */
public interface UserAccessor {

    /** @return the number of users that consume a Confluence licence seat */
    int countLicenseConsumingUsers();
}
