package com.sqltables.confluence.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One period's usage report exactly as it is mailed: the headers the app sets, the text body and the
 * JSON attachment. Built by {@link UsageReportBuilder}; the same data gives the same bytes. Immutable.
 */
public final class UsageReport {
    /** Version of the JSON document's layout; documented in docs/USAGE-REPORT.md. */
    public static final int SCHEMA_VERSION = 1;
    /** Custom header carrying the report's id, for the receiver's deduplication. */
    public static final String REPORT_ID_HEADER = "X-SQL-Tables-Report-Id";

    private final String period;
    private final String reportId;
    private final String messageId;
    private final String subject;
    private final String text;
    private final String json;

    public UsageReport(String period, String reportId, String messageId, String subject, String text, String json) {
        this.period = Objects.requireNonNull(period, "period");
        this.reportId = Objects.requireNonNull(reportId, "reportId");
        this.messageId = Objects.requireNonNull(messageId, "messageId");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.text = Objects.requireNonNull(text, "text");
        this.json = Objects.requireNonNull(json, "json");
    }

    /** @return the reported month, e.g. {@code 2026-10} */
    public String getPeriod() {
        return period;
    }

    /** @return the id of this period's report, the same on every attempt: {@code <serverId>/<period>} */
    public String getReportId() {
        return reportId;
    }

    /** @return the Message-ID the app asks for, the same on every attempt (the host may replace it) */
    public String getMessageId() {
        return messageId;
    }

    public String getSubject() {
        return subject;
    }

    /** @return the readable text body */
    public String getText() {
        return text;
    }

    /** @return the JSON document (UTF-8, pure ASCII in practice) */
    public String getJson() {
        return json;
    }

    /** @return the attachment's file name */
    public String getAttachmentName() {
        return "sql-tables-usage-" + period + ".json";
    }

    /** @return the headers the app sets, in display order (From is the host's, not ours) */
    public Map<String, String> headers(String to, String copyTo) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("To", to);
        if (copyTo != null) {
            headers.put("Bcc", copyTo);
        }
        headers.put("Subject", subject);
        headers.put("Message-ID", messageId);
        headers.put(REPORT_ID_HEADER, reportId);
        return Collections.unmodifiableMap(headers);
    }

    /** @return {@code sha256:} and the hex SHA-256 of the JSON's UTF-8 bytes */
    public String digest() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("sha256:");
            for (byte b : hash) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
