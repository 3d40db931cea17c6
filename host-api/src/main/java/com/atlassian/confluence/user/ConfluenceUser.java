package com.atlassian.confluence.user;

import com.atlassian.sal.api.user.UserKey;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/user/ConfluenceUser.java and a public plugin calling comment.getLastModifier().getKey().getStringValue() (com.mesilat comments history resource).
/**
 * Compile-only stand-in for a Confluence user. A subset: the real interface extends
 * {@code com.atlassian.user.User} (name, full name, e-mail) and an internal relations interface; the
 * plugin only needs the stable user key, never the name.
 */
public interface ConfluenceUser {

    /** @return the user's key, which never changes (unlike the user name) */
    UserKey getKey();
}
