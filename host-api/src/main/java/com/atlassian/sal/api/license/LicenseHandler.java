package com.atlassian.sal.api.license;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/license/LicenseHandler.java and public plugins calling getServerId() as a String (Stash support tools, ServerIdProvider).
/**
 * Compile-only stand-in for the host's licence service. A subset: the plugin only reads the server ID.
 */
public interface LicenseHandler {

    /** @return the server ID of this installation, or {@code null} if it has none yet */
    String getServerId();
}
