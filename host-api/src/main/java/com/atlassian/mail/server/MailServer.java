package com.atlassian.mail.server;

// Signature confirmed against Decompiled-Files atlassian-mail-5.3.0 com/atlassian/mail/server/MailServer.java and public code reading getHostname()/getPort() as a String (aservo ConfAPI mail-server beans, Jira OfBiz mail-server store).
/**
 * Compile-only stand-in for a configured mail server. A subset: the plugin only reads it. Note that
 * the port is a {@code String} in the real API.
 */
public interface MailServer {

    Long getId();

    String getName();

    String getDescription();

    String getHostname();

    /** @return the port as configured, a {@code String} (may be {@code null} for the default) */
    String getPort();

    String getUsername();

    long getTimeout();
}
