package com.sqltables.devhost.services.mail;

import com.atlassian.mail.Email;
import com.atlassian.mail.MailException;
import com.atlassian.mail.server.SMTPMailServer;
import com.sqltables.devhost.spi.SmtpSettings;

import javax.mail.Address;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.MessagingException;
import javax.mail.Multipart;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.AddressException;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * The host's SMTP server, sending an atlassian-mail {@link Email} the way atlassian-mail 5.3 builds the message:
 * {@code from} or else the server's default sender, the server's subject prefix (unless the e-mail excludes
 * it), body with {@code mimeType; charset=encoding}, a multipart with the body as first inline part, custom
 * headers added last; afterwards the sent {@code Message-ID} is written back to the e-mail. SMTPS when the
 * settings ask for SSL; SMTP AUTH when a username is set.
 */
final class DevSmtpMailServer implements SMTPMailServer {
    private static final long TIMEOUT_MILLIS = 10_000L;

    private final SmtpSettings settings;

    DevSmtpMailServer(SmtpSettings settings) {
        this.settings = settings;
    }

    @Override
    public Long getId() {
        return 1L;
    }

    @Override
    public String getName() {
        return settings.name();
    }

    @Override
    public String getDescription() {
        return "The dev host's default SMTP server";
    }

    @Override
    public String getHostname() {
        return settings.host();
    }

    @Override
    public String getPort() {
        return String.valueOf(settings.port());
    }

    @Override
    public String getUsername() {
        return settings.username();
    }

    @Override
    public long getTimeout() {
        return TIMEOUT_MILLIS;
    }

    @Override
    public String getDefaultFrom() {
        return settings.defaultFrom();
    }

    @Override
    public String getPrefix() {
        return settings.subjectPrefix();
    }

    /** STARTTLS is what atlassian-mail calls "TLS required"; SMTPS is a different protocol, not this flag. */
    @Override
    public boolean isTlsRequired() {
        return false;
    }

    @Override
    public void send(Email email) throws MailException {
        String protocol = settings.ssl() ? "smtps" : "smtp";
        Properties properties = new Properties();
        properties.put("mail." + protocol + ".host", settings.host());
        properties.put("mail." + protocol + ".port", String.valueOf(settings.port()));
        properties.put("mail." + protocol + ".timeout", String.valueOf(TIMEOUT_MILLIS));
        properties.put("mail." + protocol + ".connectiontimeout", String.valueOf(TIMEOUT_MILLIS));
        boolean authenticating = settings.username() != null && !settings.username().isEmpty();
        properties.put("mail." + protocol + ".auth", String.valueOf(authenticating));
        if (settings.ssl() && isLoopback(settings.host())) {
            // The embedded server's certificate is self-signed; trust it only on this machine.
            properties.put("mail.smtps.ssl.trust", settings.host());
        }
        Session session = Session.getInstance(properties);
        try {
            MimeMessage message = new MimeMessage(session);
            fill(message, email);
            try (Transport transport = session.getTransport(protocol)) {
                if (authenticating) {
                    transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                } else {
                    transport.connect();
                }
                // As atlassian-mail: no explicit saveChanges(); writing the message saves it and sets its Message-ID.
                transport.sendMessage(message, message.getAllRecipients());
            }
            String[] ids = message.getHeader("Message-ID");
            if (ids != null && ids.length > 0) {
                email.setMessageId(ids[0]);
            }
        } catch (MessagingException e) {
            throw new MailException(e);
        } catch (UnsupportedEncodingException e) {
            throw new MailException("Unsupported encoding " + email.getEncoding(), e);
        }
    }

    private void fill(MimeMessage message, Email email) throws MailException, MessagingException, UnsupportedEncodingException {
        String from = email.getFrom() == null ? null : email.getFrom().trim();
        String encoding = email.getEncoding();
        if (isBlank(email.getTo()) && isBlank(email.getCc()) && isBlank(email.getBcc())) {
            throw new MailException("Tried to send mail (" + email.getSubject() + ") with no recipients.");
        }
        message.setSentDate(new Date());
        if (email.getTo() != null) {
            message.setRecipients(Message.RecipientType.TO, addresses(email.getTo()));
        }
        if (email.getCc() != null) {
            message.setRecipients(Message.RecipientType.CC, addresses(email.getCc()));
        }
        if (email.getBcc() != null) {
            message.setRecipients(Message.RecipientType.BCC, addresses(email.getBcc()));
        }
        if (email.getReplyTo() != null) {
            message.setReplyTo(addresses(email.getReplyTo()));
        }
        if (email.getInReplyTo() != null) {
            message.setHeader("In-Reply-To", email.getInReplyTo());
        }
        String sender = !isBlank(from) ? from : settings.defaultFrom();
        if (isBlank(sender)) {
            throw new MailException("Tried to send mail (" + email.getSubject() + ") from no one (no 'from' and 'default from' specified).");
        }
        InternetAddress fromAddress = new InternetAddress(sender);
        if (!isBlank(email.getFromName()) && fromAddress.getPersonal() == null) {
            if (encoding != null) {
                fromAddress.setPersonal(email.getFromName(), encoding);
            } else {
                fromAddress.setPersonal(email.getFromName());
            }
        }
        message.setFrom(fromAddress);
        String subject = email.getSubject();
        if (!email.isExcludeSubjectPrefix() && !isBlank(settings.subjectPrefix())) {
            subject = settings.subjectPrefix() + " " + subject;
        }
        if (encoding != null) {
            message.setSubject(subject, encoding);
        } else {
            message.setSubject(subject);
        }
        String contentType = email.getMimeType() + (encoding != null ? "; charset=" + encoding : "");
        Multipart multipart = email.getMultipart();
        if (multipart != null) {
            if (!isBlank(email.getBody())) {
                MimeBodyPart bodyPart = new MimeBodyPart();
                bodyPart.setContent(email.getBody(), contentType);
                bodyPart.setDisposition(BodyPart.INLINE);
                multipart.addBodyPart(bodyPart, 0);
            }
            message.setContent(multipart);
        } else {
            message.setContent(email.getBody(), contentType);
        }
        Map<?, ?> headers = email.getHeaders();
        if (headers != null) {
            for (Map.Entry<?, ?> header : headers.entrySet()) {
                message.addHeader(String.valueOf(header.getKey()), String.valueOf(header.getValue()));
            }
        }
    }

    private static Address[] addresses(String list) throws MailException {
        try {
            return InternetAddress.parse(list.trim());
        } catch (AddressException e) {
            throw new MailException("Invalid e-mail address list '" + list + "': " + e.getMessage(), e);
        }
    }

    private static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.trim().isEmpty();
    }

    @Override
    public String toString() {
        return "SMTPMailServer[" + settings + "]";
    }
}
