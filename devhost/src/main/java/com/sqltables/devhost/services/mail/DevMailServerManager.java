package com.sqltables.devhost.services.mail;

import com.atlassian.mail.server.MailServerManager;
import com.atlassian.mail.server.SMTPMailServer;
import com.sqltables.devhost.spi.SmtpSettings;

import java.util.function.Supplier;

/** Confluence's mail server manager: the one default SMTP server of the host, or none when unconfigured. */
public final class DevMailServerManager implements MailServerManager {
    private final Supplier<SmtpSettings> settings;

    /** @param settings the host's current SMTP settings (null when no SMTP server is configured) */
    public DevMailServerManager(Supplier<SmtpSettings> settings) {
        this.settings = settings;
    }

    @Override
    public SMTPMailServer getDefaultSMTPMailServer() {
        SmtpSettings current = settings.get();
        return current == null ? null : new DevSmtpMailServer(current);
    }

    @Override
    public boolean isDefaultSMTPMailServerDefined() {
        return settings.get() != null;
    }
}
