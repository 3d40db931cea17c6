package com.atlassian.mail.server;

import com.atlassian.mail.Email;
import com.atlassian.mail.MailException;

// Signature confirmed against Decompiled-Files atlassian-mail-5.3.0 com/atlassian/mail/server/SMTPMailServer.java, an older public atlassian-mail SMTPMailServer.java (send/getDefaultFrom/getPrefix), and aservo ConfAPI tests (isTlsRequired).
/**
 * Compile-only stand-in for the outgoing mail server. A subset: the plugin only sends through it
 * and reads its settings.
 */
public interface SMTPMailServer extends MailServer {

    String getDefaultFrom();

    /** @return the subject prefix Confluence adds, e.g. {@code [Confluence]} */
    String getPrefix();

    boolean isTlsRequired();

    void send(Email email) throws MailException;
}
