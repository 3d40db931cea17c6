package com.atlassian.sal.api.user;

import java.net.URI;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/user/UserProfile.java and public test doubles implementing all seven methods (Jira plugin mock UserManager).
/**
 * Compile-only stand-in for a user's public profile. Declared in full (the dev host implements it).
 */
public interface UserProfile {

    UserKey getUserKey();

    String getUsername();

    String getFullName();

    String getEmail();

    URI getProfilePictureUri(int width, int height);

    URI getProfilePictureUri();

    URI getProfilePageUri();
}
