package com.atlassian.sal.api;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/UrlMode.java and public plugins passing UrlMode.CANONICAL / UrlMode.ABSOLUTE (Slack integration, Jira REST client).
/** Compile-only stand-in: which form of the base URL to return. */
public enum UrlMode {
    CANONICAL,
    ABSOLUTE,
    RELATIVE,
    RELATIVE_CANONICAL,
    AUTO
}
