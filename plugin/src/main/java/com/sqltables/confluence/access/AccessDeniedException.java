package com.sqltables.confluence.access;

import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.I18nText;

/**
 * A render was refused by the access rules. Its text is an i18n key with arguments, so the page shows
 * it in the reader's language ({@link #text}); it names the datasource and what is missing, never a
 * group list, a user or a credential. {@link #getMessage()} holds the key and arguments, for logs.
 */
public class AccessDeniedException extends RuntimeException {
    /** Prefix of the refusals' i18n keys in {@code i18n/sql-tables.properties}. */
    public static final String KEY_PREFIX = "com.sqltables.confluence.access.denied.";
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
    private final I18nText text;

    /**
     * @param text the i18n key of the sentence, below {@link #KEY_PREFIX}
     * @param arguments the values of its {@code {0}}, {@code {1}}, … (datasource and space names)
     */
    public AccessDeniedException(Reason reason, String text, String... arguments) {
        this(reason, I18nText.of(KEY_PREFIX + text, arguments));
    }

    private AccessDeniedException(Reason reason, I18nText text) {
        super(text.toString());
        this.reason = reason;
        this.text = text;
    }

    public Reason getReason() {
        return reason;
    }

    /** @return the sentence: its i18n key and arguments */
    public I18nText getText() {
        return text;
    }

    /** @return the refusal in the language of {@code i18n}; plain text (escape to show) */
    public String text(I18nResolver i18n) {
        return text.resolve(i18n);
    }
}
