package com.atlassian.sal.api.user;

import javax.servlet.http.HttpServletRequest;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/user/UserManager.java and public UserManager test doubles/implementations (Jira plugin mocks, ContainerUserManager).
/**
 * Compile-only stand-in for SAL's user service. A subset: the plugin only calls it. The deprecated
 * username-based overloads are left out on purpose, so plugin code cannot use them.
 */
public interface UserManager {

    /** @return the current user, or {@code null} when anonymous */
    UserProfile getRemoteUser();

    /** @return the current user's key, or {@code null} when anonymous */
    UserKey getRemoteUserKey();

    UserProfile getRemoteUser(HttpServletRequest request);

    UserKey getRemoteUserKey(HttpServletRequest request);

    /** @return the profile, or {@code null} if there is no such user */
    UserProfile getUserProfile(String username);

    /** @return the profile, or {@code null} if there is no such user */
    UserProfile getUserProfile(UserKey userKey);

    boolean isUserInGroup(UserKey userKey, String group);

    boolean isSystemAdmin(UserKey userKey);

    boolean isAdmin(UserKey userKey);

    boolean isLicensed(UserKey userKey);
}
