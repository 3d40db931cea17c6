package com.sqltables.confluence.report;

/** The administrator's choice about the monthly usage report. Stored by {@link #name()}: never rename. */
public enum ReportDecision {
    /** Nobody has decided yet: nothing is sent. */
    UNDECIDED,
    /** Reports are sent monthly. */
    ENABLED,
    /** Nothing is sent. */
    DISABLED
}
