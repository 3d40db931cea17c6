package com.sqltables.confluence.report;

import com.atlassian.mail.Email;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.mail.MessagingException;
import javax.mail.Part;
import javax.mail.internet.InternetHeaders;
import javax.mail.internet.MimeBodyPart;
import javax.mail.internet.MimeMultipart;

/**
 * Turns a {@link UsageReport} into the e-mail Confluence's mail server sends: the text as the body, the
 * JSON as an attachment. Confluence puts a non-empty body first, inline, in the multipart we give it.
 *
 * <p>The Message-ID is asked for with {@link Email#setMessageId}, but Confluence's mail code may replace
 * it with its own; the custom header {@value UsageReport#REPORT_ID_HEADER} carries the period's id
 * either way, so the receiver can always deduplicate.
 */
final class UsageReportMail {
    /** Where reports go; {@code -Dsql-tables.usage-report.recipient=…} overrides it (tests, staging). */
    static final String VENDOR_ADDRESS = "usage-report@sqltables.com";
    static final String RECIPIENT_PROPERTY = "sql-tables.usage-report.recipient";
    static final String JSON_TYPE = "application/json; charset=UTF-8";

    private UsageReportMail() {
    }

    /** @return the vendor's address, or the system property's value when set */
    static String recipient() {
        String override = System.getProperty(RECIPIENT_PROPERTY);
        return override == null || override.trim().isEmpty() ? VENDOR_ADDRESS : override.trim();
    }

    /** @param copyTo an administrator's address for a blind copy, or {@code null} */
    static Email compose(UsageReport report, String to, String copyTo) {
        Email email = copyTo == null ? new Email(to) : new Email(to, null, copyTo);
        email.setSubject(report.getSubject())
                .setBody(report.getText())
                .setMimeType("text/plain")
                .setEncoding("UTF-8")
                .setExcludeSubjectPrefix(true);
        email.setMessageId(report.getMessageId());
        email.addHeader(UsageReport.REPORT_ID_HEADER, report.getReportId());
        try {
            // Base64 carries the JSON's bytes unchanged (as text, mail would turn its line ends into CRLF).
            // The part is built from its headers and encoded bytes, so no javax.activation type is needed.
            InternetHeaders headers = new InternetHeaders();
            headers.addHeader("Content-Type", JSON_TYPE + "; name=\"" + report.getAttachmentName() + "\"");
            headers.addHeader("Content-Transfer-Encoding", "base64");
            headers.addHeader("Content-Disposition", Part.ATTACHMENT + "; filename=\"" + report.getAttachmentName() + "\"");
            byte[] encoded = Base64.getMimeEncoder().encode(report.getJson().getBytes(StandardCharsets.UTF_8));
            MimeMultipart multipart = new MimeMultipart("mixed");
            multipart.addBodyPart(new MimeBodyPart(headers, encoded));
            email.setMultipart(multipart);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not build the usage report's attachment", e);
        }
        return email;
    }
}
