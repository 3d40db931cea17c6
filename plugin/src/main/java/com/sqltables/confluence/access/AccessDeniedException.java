package com.sqltables.confluence.access;

/**
 * A render was refused by the access rules. The message is safe to show on the page: it names the
 * datasource and what is missing, never a group list, a user or a credential.
 */
public class AccessDeniedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why access was refused; reported in usage counts and chosen by tests. */
    public enum Reason {
        /** The page's space is not among the datasource's allowed spaces. */
        SPACE,
        /** The viewer is not in any of the datasource's allowed groups. */
        VIEWER,
        /** The datasource runs saved queries only. */
        INLINE_SQL_DISABLED,
        /** Whoever wrote the inline SQL may not write SQL for this datasource, or is unknown. */
        SQL_AUTHOR
    }

    private final Reason reason;

    public AccessDeniedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason getReason() {
        return reason;
    }
}
