package com.atlassian.sal.api.auth;

import com.atlassian.sal.api.user.UserRole;
import java.net.URI;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/auth/LoginUriProvider.java, the public SAL API source (getLoginUri(URI)) and public plugins calling getLoginUriForRole(URI, UserRole.ADMIN).
/**
 * Compile-only stand-in for building login-page URLs. A subset: the {@code PageCapability}
 * overloads are left out.
 */
public interface LoginUriProvider {

    URI getLoginUri(URI returnUri);

    /** @return a login URL that asks for at least {@code role} (e.g. admin re-authentication) */
    URI getLoginUriForRole(URI returnUri, UserRole role);
}
