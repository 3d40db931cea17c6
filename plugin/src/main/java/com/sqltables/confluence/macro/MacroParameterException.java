package com.sqltables.confluence.macro;

import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.ValidationException;
import java.io.Serializable;
import java.util.Collections;

/**
 * A macro parameter is missing, malformed or contradicts another. Its problem is an i18n key with
 * arguments, worded in the reader's language by {@link #text}; {@link #getFieldErrors()} maps the
 * macro parameter's name to the problem in English, and {@link #getMessage()} is the whole sentence in
 * English, e.g. {@code Macro parameter 'maxRows' must be a whole number from 1 to 1000000 (was 'ten').}
 */
public class MacroParameterException extends ValidationException {
    /** Prefix of the problems' i18n keys in {@code i18n/sql-tables.properties}. */
    public static final String KEY_PREFIX = "com.sqltables.confluence.sql-table.parameter.";
    private static final long serialVersionUID = 1L;

    private final I18nText sentence;

    /**
     * @param parameter the macro parameter's name, e.g. {@code maxRows}
     * @param problem the i18n key of what is wrong, below {@link #KEY_PREFIX}; its text completes
     *     "Macro parameter 'maxRows' …"
     * @param arguments the values of the problem's {@code {0}}, {@code {1}}, …
     */
    public MacroParameterException(String parameter, String problem, String... arguments) {
        this(parameter, I18nText.of(KEY_PREFIX + problem, (Serializable[]) arguments));
    }

    private MacroParameterException(String parameter, I18nText problem) {
        super(Collections.singletonMap(parameter, problem.english()));
        this.sentence = I18nText.of(KEY_PREFIX + "error", parameter, problem);
    }

    /** @return the sentence as an i18n key with arguments */
    public I18nText getText() {
        return sentence;
    }

    /** @return the sentence in the language of {@code i18n}; plain text (escape to show) */
    public String text(I18nResolver i18n) {
        return sentence.resolve(i18n);
    }

    @Override
    public String getMessage() {
        return sentence.english();
    }
}
