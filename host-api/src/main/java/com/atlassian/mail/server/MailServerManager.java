package com.atlassian.mail.server;

// Signature confirmed against Decompiled-Files atlassian-mail-5.3.0 com/atlassian/mail/server/MailServerManager.java and public plugins (Jira mention listener, ping-service-confluence) calling isDefaultSMTPMailServerDefined()/getDefaultSMTPMailServer().
/**
 * Compile-only stand-in for the host's mail-server registry. A subset: the plugin only looks up the
 * default SMTP server.
 */
public interface MailServerManager {

    /** @return the default SMTP server, or {@code null} when none is configured */
    SMTPMailServer getDefaultSMTPMailServer();

    boolean isDefaultSMTPMailServerDefined();
}
