package com.atlassian.sal.api;

import java.nio.file.Path;
import java.util.Date;
import java.util.Optional;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/ApplicationProperties.java and the public Jira REST Java Client's ClientApplicationProperties (same methods and return types).
/**
 * Compile-only stand-in for facts about the host application. A subset: the plugin only reads it.
 * The deprecated no-argument {@code getBaseUrl()} is left out on purpose.
 */
public interface ApplicationProperties {

    String getBaseUrl(UrlMode urlMode);

    /** @return e.g. {@code Confluence} */
    String getDisplayName();

    /** @return e.g. {@code conf} for Confluence */
    String getPlatformId();

    String getVersion();

    Date getBuildDate();

    String getBuildNumber();

    /**
     * The home directory shared by all nodes of a Data Center cluster (on a single node, the local home).
     * Signature from Decompiled-Files sal-api-5.1.4 ApplicationProperties.java ({@code @Nonnull Optional<Path>}).
     */
    Optional<Path> getSharedHomeDirectory();

    /** This node's own home directory; same source as {@link #getSharedHomeDirectory()}. */
    Optional<Path> getLocalHomeDirectory();
}
