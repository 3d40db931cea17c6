package com.sqltables.confluence.report;

import com.atlassian.mail.Email;
import com.atlassian.mail.MailException;
import com.atlassian.mail.server.SMTPMailServer;
import java.util.Map;
import java.util.Properties;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;

/**
 * A small {@link SMTPMailServer} that sends over SMTPS with javax.mail the way Confluence's mail server
 * builds a message from an {@link Email}: recipients, default sender, subject, a non-empty body put
 * first (inline) into the given multipart, then the e-mail's extra headers. Unlike some Confluence
 * versions it keeps the requested Message-ID.
 */
final class SmtpsTestMailServer implements SMTPMailServer {
    static final String FROM = "confluence@wiki.test";

    private final int port;
    private final boolean tls;
    int sendCalls;

    SmtpsTestMailServer(int port, boolean tls) {
        this.port = port;
        this.tls = tls;
    }

    @Override
    public void send(Email email) throws MailException {
        sendCalls++;
        Properties props = new Properties();
        props.put("mail.smtps.host", "127.0.0.1");
        props.put("mail.smtps.port", String.valueOf(port));
        props.put("mail.smtps.ssl.trust", "*");
        props.put("mail.smtps.ssl.checkserveridentity", "false");
        props.put("mail.smtps.connectiontimeout", "5000");
        props.put("mail.smtps.timeout", "5000");
        Session session = Session.getInstance(props);
        try {
            String messageId = email.getMessageId();
            MimeMessage message = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    if (messageId != null) {
                        setHeader("Message-ID", messageId);
                    } else {
                        super.updateMessageID();
                    }
                }
            };
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(email.getTo()));
            if (email.getBcc() != null) {
                message.setRecipients(Message.RecipientType.BCC, InternetAddress.parse(email.getBcc()));
            }
            message.setFrom(new InternetAddress(FROM));
            message.setSubject(email.getSubject(), email.getEncoding());
            String type = email.getMimeType() + "; charset=" + email.getEncoding();
            Multipart multipart = email.getMultipart();
            if (multipart != null) {
                if (email.getBody() != null && !email.getBody().isEmpty()) {
                    MimeBodyPart body = new MimeBodyPart();
                    body.setContent(email.getBody(), type);
                    body.setDisposition(BodyPart.INLINE);
                    multipart.addBodyPart(body, 0);
                }
                message.setContent(multipart);
            } else {
                message.setContent(email.getBody(), type);
            }
            for (Object o : email.getHeaders().entrySet()) {
                Map.Entry<?, ?> header = (Map.Entry<?, ?>) o;
                message.addHeader((String) header.getKey(), (String) header.getValue());
            }
            message.saveChanges();
            try (Transport transport = session.getTransport("smtps")) {
                transport.connect("127.0.0.1", port, null, null);
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (MessagingException e) {
            throw new MailException(e);
        }
    }

    @Override
    public boolean isTlsRequired() {
        return tls;
    }

    @Override
    public String getDefaultFrom() {
        return FROM;
    }

    @Override
    public String getPrefix() {
        return "[Confluence]";
    }

    @Override
    public Long getId() {
        return 1L;
    }

    @Override
    public String getName() {
        return "test SMTPS";
    }

    @Override
    public String getDescription() {
        return null;
    }

    @Override
    public String getHostname() {
        return "127.0.0.1";
    }

    @Override
    public String getPort() {
        return String.valueOf(port);
    }

    @Override
    public String getUsername() {
        return null;
    }

    @Override
    public long getTimeout() {
        return 5000;
    }
}
