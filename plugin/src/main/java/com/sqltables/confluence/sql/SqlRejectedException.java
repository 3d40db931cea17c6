package com.sqltables.confluence.sql;

import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.ValidationException;
import java.io.Serializable;
import java.util.Objects;

/**
 * SQL text was refused: it is not a single read statement, it could not be read, or its parameters
 * are malformed. The reason is an i18n key with arguments (statement kind, function name, clause,
 * position…), worded in the reader's language by {@link #text}; {@link #getReason()} and
 * {@link #getFieldErrors()} hold it in English, for logs and tests. It is safe to show to page
 * authors: it never repeats more than a short excerpt of the SQL.
 */
public class SqlRejectedException extends ValidationException {
    /** Prefix of the reasons' i18n keys in {@code i18n/sql-tables.properties}. */
    public static final String KEY_PREFIX = "com.sqltables.confluence.sql.refused.";
    /** The field name used in {@link #getFieldErrors()}. */
    public static final String FIELD = "sql";
    private static final long serialVersionUID = 1L;

    private final I18nText reason;

    /** @param reason a sentence a page author can act on, e.g. from {@link #reason} */
    public SqlRejectedException(I18nText reason) {
        super(FIELD, reason.english());
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * @param problem the key of the reason (or of a phrase inside one), below {@link #KEY_PREFIX}
     * @param arguments the values of its {@code {0}}, {@code {1}}, …: strings (numbers as strings) or phrases
     */
    static I18nText reason(String problem, Serializable... arguments) {
        return I18nText.of(KEY_PREFIX + problem, arguments);
    }

    /** @return the reason as an i18n key with arguments */
    public I18nText getText() {
        return reason;
    }

    /** @return the reason in the language of {@code i18n}; plain text (escape to show) */
    public String text(I18nResolver i18n) {
        return reason.resolve(i18n);
    }

    /** @return the reason in English, without the field prefix */
    public String getReason() {
        return getFieldErrors().get(FIELD);
    }
}
