package com.sqltables.devhost.services.mail;

import com.atlassian.mail.Email;
import com.atlassian.mail.MailException;
import com.atlassian.mail.server.SMTPMailServer;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sqltables.devhost.spi.SmtpSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import javax.activation.DataHandler;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import javax.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.startsWith;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Mail sent through the host's SMTP server arrives at a real (embedded) SMTPS server. */
public class DevMailServerManagerTest {
    private GreenMail greenMail;
    private SmtpSettings settings;

    @Before
    public void startSmtps() {
        greenMail = new GreenMail(ServerSetupTest.SMTPS.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("mailer", "secret"));
        greenMail.start();
        settings = new SmtpSettings("Dev SMTP", "localhost", greenMail.getSmtps().getPort(), true, "mailer", "secret",
                "confluence@example.com", "[Confluence]");
    }

    @After
    public void stopSmtps() {
        greenMail.stop();
    }

    private SMTPMailServer server() {
        return new DevMailServerManager(() -> settings).getDefaultSMTPMailServer();
    }

    @Test
    public void send_overSmtpsWithAuth_deliversTheMessageAsAtlassianMailBuildsIt() throws Exception {
        Email email = new Email("alice@example.com, bob@example.com")
                .setFromName("SQL Tables")
                .setSubject("Monthly usage report")
                .setBody("<p>Größe: 42</p>")
                .setMimeType("text/html")
                .setEncoding("UTF-8");
        email.addHeader("X-Report", "usage");

        server().send(email);

        assertTrue(greenMail.waitForIncomingEmail(10_000, 2));
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertEquals("[Confluence] Monthly usage report", received.getSubject());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("confluence@example.com", from.getAddress());
        assertEquals("SQL Tables", from.getPersonal());
        assertEquals(2, received.getRecipients(Message.RecipientType.TO).length);
        assertThat(received.getContentType(), startsWith("text/html; charset=UTF-8"));
        assertEquals("<p>Größe: 42</p>", received.getContent());
        assertEquals("usage", received.getHeader("X-Report")[0]);
        assertEquals("bulk", received.getHeader("Precedence")[0]);
        assertNotNull("the sent Message-ID is written back", email.getMessageId());
        assertEquals(email.getMessageId(), received.getMessageID());
    }

    @Test
    public void send_explicitFromAndExcludedPrefix_areHonoured() throws Exception {
        Email email = new Email("alice@example.com").setFrom("reports@example.com").setSubject("No prefix").setBody("plain");
        email.setExcludeSubjectPrefix(true);

        server().send(email);

        assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
        MimeMessage received = greenMail.getReceivedMessages()[0];
        assertEquals("No prefix", received.getSubject());
        assertEquals("reports@example.com", ((InternetAddress) received.getFrom()[0]).getAddress());
        assertEquals("plain", GreenMailUtil.getBody(received));
    }

    @Test
    public void send_multipart_putsTheBodyFirstAndKeepsTheAttachments() throws Exception {
        MimeMultipart multipart = new MimeMultipart();
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8), "text/csv")));
        attachment.setFileName("report.csv");
        multipart.addBodyPart(attachment);
        Email email = new Email("alice@example.com").setSubject("With attachment").setBody("See attached.")
                .setMultipart(multipart);

        server().send(email);

        assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
        MimeMultipart content = (MimeMultipart) greenMail.getReceivedMessages()[0].getContent();
        assertEquals(2, content.getCount());
        BodyPart body = content.getBodyPart(0);
        assertEquals("See attached.", body.getContent());
        assertEquals(BodyPart.INLINE, body.getDisposition());
        assertEquals("report.csv", content.getBodyPart(1).getFileName());
    }

    @Test
    public void send_messageIdHeaderSetByThePlugin_isReplacedAsInAtlassianMail() throws Exception {
        Email email = new Email("alice@example.com").setSubject("Threaded").setBody("x");
        email.addHeader("Message-ID", "<custom@example.com>");

        server().send(email);

        assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
        String received = greenMail.getReceivedMessages()[0].getMessageID();
        assertNotEquals("<custom@example.com>", received);
        assertEquals(email.getMessageId(), received);
    }

    @Test
    public void send_noRecipients_failsLikeAtlassianMail() {
        Email email = new Email("a@example.com").setTo(" ");
        try {
            server().send(email);
            fail("There is nobody to send to");
        } catch (MailException e) {
            assertThat(e.getMessage(), containsString("no recipients"));
        }
    }

    @Test
    public void send_wrongPassword_failsWithMailException() {
        settings = new SmtpSettings("Dev SMTP", "localhost", greenMail.getSmtps().getPort(), true, "mailer", "wrong",
                "confluence@example.com", null);
        try {
            server().send(new Email("alice@example.com").setSubject("x").setBody("y"));
            fail("The server refuses the credentials");
        } catch (MailException expected) {
            assertEquals(0, greenMail.getReceivedMessages().length);
        }
    }

    @Test
    public void server_describesTheConfiguredSmtpServer() {
        SMTPMailServer server = server();

        assertEquals("Dev SMTP", server.getName());
        assertEquals("localhost", server.getHostname());
        assertEquals(String.valueOf(greenMail.getSmtps().getPort()), server.getPort());
        assertEquals("confluence@example.com", server.getDefaultFrom());
        assertEquals("[Confluence]", server.getPrefix());
        assertEquals("mailer", server.getUsername());
    }

    @Test
    public void noSmtpConfigured_meansNoDefaultServer() {
        DevMailServerManager manager = new DevMailServerManager(() -> null);

        assertNull(manager.getDefaultSMTPMailServer());
        assertFalse(manager.isDefaultSMTPMailServerDefined());
    }
}
