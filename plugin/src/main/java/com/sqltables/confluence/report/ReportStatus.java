package com.sqltables.confluence.report;

/** Where a period's usage report stands. Stored by {@link #name()}: never rename a constant. */
public enum ReportStatus {
    /** A node has claimed the period and is preparing or sending the report. */
    CLAIMED,
    /** The report was sent; final. */
    SENT,
    /** Sending failed; the period may be claimed again. */
    FAILED,
    /** The report was deliberately not sent (e.g. reporting disabled); final. */
    SKIPPED
}
