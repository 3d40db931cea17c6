package com.sqltables.devhost.mail;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sqltables.devhost.spi.SmtpSettings;

/**
 * The dev host's mail server: GreenMail speaking SMTPS (implicit TLS, self-signed certificate) on the
 * loopback interface, with one account. Everything sent to it is kept in memory and listed on
 * {@code /devhost/mail}. STARTTLS is not offered (GreenMail does not support it).
 */
public final class EmbeddedSmtpServer implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final String USERNAME = "confluence";
    /** A fixed dev-only password; shown nowhere (the mail server page masks it). */
    static final String PASSWORD = "devhost-smtp";
    static final String FROM = "confluence@localhost";

    private final GreenMail greenMail;
    private final SmtpSettings settings;

    private EmbeddedSmtpServer(GreenMail greenMail, SmtpSettings settings) {
        this.greenMail = greenMail;
        this.settings = settings;
    }

    /**
     * Starts the server.
     *
     * @param port the SMTPS port, 0 for any free one
     * @throws IllegalStateException when the port is taken
     */
    public static EmbeddedSmtpServer start(int port) {
        ServerSetup setup = new ServerSetup(port, HOST, ServerSetup.PROTOCOL_SMTPS);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail greenMail = new GreenMail(setup);
        greenMail.withConfiguration(GreenMailConfiguration.aConfig().withUser(FROM, USERNAME, PASSWORD));
        try {
            greenMail.start();
        } catch (RuntimeException e) {
            greenMail.stop();
            throw new IllegalStateException("Cannot start the embedded SMTPS server on " + HOST + ":" + port
                    + " (is the port in use? choose another with --smtp-port, or 0 for any free port): "
                    + e.getMessage(), e);
        }
        int boundPort = greenMail.getSmtps().getPort();
        SmtpSettings settings = new SmtpSettings("Dev host SMTP (GreenMail)", HOST, boundPort, true, USERNAME, PASSWORD,
                FROM, "[Confluence]");
        return new EmbeddedSmtpServer(greenMail, settings);
    }

    public SmtpSettings settings() {
        return settings;
    }

    /** The running GreenMail, e.g. for tests that wait for or inspect messages. */
    public GreenMail greenMail() {
        return greenMail;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
