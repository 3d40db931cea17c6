package com.atlassian.mail;

// Signature confirmed against Decompiled-Files atlassian-mail-5.3.0 com/atlassian/mail/MailException.java and public plugins catching it from SMTPMailServer.send (totallytot/ping-service-confluence PingNotification).
/**
 * Compile-only stand-in: sending or configuring mail failed. Checked, like the real one.
 */
@SuppressWarnings("serial") // the real class declares no serialVersionUID either
public class MailException extends Exception {

    public MailException() {
        super();
    }

    public MailException(String message) {
        super(message);
    }

    public MailException(Throwable cause) {
        super(cause);
    }

    public MailException(String message, Throwable cause) {
        super(message, cause);
    }
}
