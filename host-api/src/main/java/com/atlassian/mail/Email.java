package com.atlassian.mail;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.mail.Multipart;

// Signature confirmed against Decompiled-Files atlassian-mail-5.3.0 com/atlassian/mail/Email.java and an older public atlassian-mail Email.java (same fluent setters returning Email, same constructors).
/**
 * Compile-only stand-in for one e-mail to send. Holds its data as the real class does: a mutable
 * bean whose setters return {@code this}; defaults are an empty subject and body, {@code text/plain},
 * {@code UTF-8}, and the headers {@code Precedence: bulk} and {@code Auto-Submitted: auto-generated}.
 * The constructors refuse a message without any recipient, like the real ones. {@code equals} and
 * {@code hashCode} ignore the body and headers, as in the real class.
 */
public class Email implements Serializable {

    private static final long serialVersionUID = 1763820874219520737L;

    private String to;
    private String subject;
    private String from;
    private String fromName;
    private String cc;
    private String bcc;
    private String replyTo;
    private String inReplyTo;
    private String body;
    private String mimeType;
    private String encoding;
    private Multipart multipart;
    private String messageId;
    @SuppressWarnings("rawtypes") // raw in the real class too
    private Map headers;
    private boolean excludeSubjectPrefix;

    public Email(String to) {
        if (isBlank(to)) {
            throw new IllegalArgumentException("'To' is a required field");
        }
        initialise(to);
    }

    public Email(String to, String cc, String bcc) {
        if (isBlank(to) && isBlank(cc) && isBlank(bcc)) {
            throw new IllegalArgumentException("One of 'To', 'CC' or 'BCC' is required");
        }
        initialise(to);
        this.cc = cc;
        this.bcc = bcc;
    }

    private void initialise(String recipient) {
        this.to = recipient;
        this.subject = "";
        this.body = "";
        this.mimeType = "text/plain";
        this.encoding = "UTF-8";
        this.headers = new HashMap<String, String>();
        loadDefaultHeaders();
    }

    @SuppressWarnings("unchecked")
    protected void loadDefaultHeaders() {
        headers.put("Precedence", "bulk");
        headers.put("Auto-Submitted", "auto-generated");
    }

    public Email setFrom(String from) {
        this.from = from;
        return this;
    }

    public Email setFromName(String fromName) {
        this.fromName = fromName;
        return this;
    }

    public Email setTo(String to) {
        this.to = to;
        return this;
    }

    public Email setSubject(String subject) {
        this.subject = subject;
        return this;
    }

    public Email setCc(String cc) {
        this.cc = cc;
        return this;
    }

    public Email setBcc(String bcc) {
        this.bcc = bcc;
        return this;
    }

    public Email setReplyTo(String replyTo) {
        this.replyTo = replyTo;
        return this;
    }

    public Email setInReplyTo(String inReplyTo) {
        this.inReplyTo = inReplyTo;
        return this;
    }

    public Email setBody(String body) {
        this.body = body;
        return this;
    }

    public Email setMimeType(String mimeType) {
        this.mimeType = mimeType;
        return this;
    }

    public Email setEncoding(String encoding) {
        this.encoding = encoding;
        return this;
    }

    public Email setMultipart(Multipart multipart) {
        this.multipart = multipart;
        return this;
    }

    public Email setExcludeSubjectPrefix(boolean excludeSubjectPrefix) {
        this.excludeSubjectPrefix = excludeSubjectPrefix;
        return this;
    }

    public String getFrom() {
        return from;
    }

    public String getFromName() {
        return fromName;
    }

    public String getTo() {
        return to;
    }

    public String getSubject() {
        return subject;
    }

    public String getCc() {
        return cc;
    }

    public String getBcc() {
        return bcc;
    }

    public String getReplyTo() {
        return replyTo;
    }

    public String getInReplyTo() {
        return inReplyTo;
    }

    public String getBody() {
        return body;
    }

    public String getMimeType() {
        return mimeType;
    }

    public String getEncoding() {
        return encoding;
    }

    public Multipart getMultipart() {
        return multipart;
    }

    public String getMessageId() {
        return messageId;
    }

    /** Unlike the other setters this one returns nothing, as in the real class. */
    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public boolean isExcludeSubjectPrefix() {
        return excludeSubjectPrefix;
    }

    @SuppressWarnings("unchecked")
    public void addHeader(String headerName, String headerValue) {
        headers.put(headerName, headerValue);
    }

    /** @return the removed header's value, or {@code null} */
    public String removeHeader(String headerName) {
        return (String) headers.remove(headerName);
    }

    /** @return the live header map (raw, as in the real class) */
    @SuppressWarnings("rawtypes")
    public Map getHeaders() {
        return headers;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Email)) {
            return false;
        }
        Email that = (Email) other;
        return Objects.equals(to, that.to)
                && Objects.equals(subject, that.subject)
                && Objects.equals(from, that.from)
                && Objects.equals(fromName, that.fromName)
                && Objects.equals(cc, that.cc)
                && Objects.equals(bcc, that.bcc)
                && Objects.equals(replyTo, that.replyTo)
                && Objects.equals(inReplyTo, that.inReplyTo)
                && Objects.equals(mimeType, that.mimeType)
                && Objects.equals(encoding, that.encoding)
                && Objects.equals(multipart, that.multipart)
                && Objects.equals(messageId, that.messageId)
                && excludeSubjectPrefix == that.excludeSubjectPrefix;
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, subject, from, fromName, cc, bcc, replyTo, inReplyTo, mimeType, encoding,
                multipart, messageId, excludeSubjectPrefix);
    }

    @Override
    public String toString() {
        return "To='" + to + "' Subject='" + subject + "' From='" + from + "' FromName='" + fromName
                + "' Cc='" + cc + "' Bcc='" + bcc + "' ReplyTo='" + replyTo + "' InReplyTo='" + inReplyTo
                + "' MimeType='" + mimeType + "' Encoding='" + encoding + "' Multipart='" + multipart
                + "' MessageId='" + messageId + "' ExcludeSubjectPrefix=" + excludeSubjectPrefix + "'";
    }

    private static boolean isBlank(String text) {
        return text == null || text.trim().isEmpty();
    }
}
