package com.sqltables.confluence.sql;

import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.ValidationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parameter values were missing or of the wrong type. Each problem is an i18n key with arguments,
 * worded in the reader's language by {@link #text} and {@link #fieldTexts}; {@link #getFieldErrors()}
 * maps each parameter's name to what is wrong in English ({@code is required},
 * {@code must be a whole number (was 'x')}), and {@link #getMessage()} reads as English sentences
 * naming each parameter.
 */
public class ParameterException extends ValidationException {
    /** Prefix of the problems' i18n keys in {@code i18n/sql-tables.properties}. */
    public static final String KEY_PREFIX = "com.sqltables.confluence.query.value.";
    private static final long serialVersionUID = 1L;

    private final Map<String, I18nText> problems;

    /** @param problems parameter name → problem, in the order found; at least one */
    public ParameterException(Map<String, I18nText> problems) {
        super(words(problems, I18nText::english));
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    private static Map<String, String> words(Map<String, I18nText> problems, Function<I18nText, String> wording) {
        Map<String, String> words = new LinkedHashMap<>();
        problems.forEach((name, problem) -> words.put(name, wording.apply(problem)));
        return words;
    }

    /** @return parameter name → problem as an i18n key with arguments, in the order found */
    public Map<String, I18nText> getProblems() {
        return problems;
    }

    /** @return parameter name → problem in the language of {@code i18n}, in the order found */
    public Map<String, String> fieldTexts(I18nResolver i18n) {
        return words(problems, problem -> problem.resolve(i18n));
    }

    /** @return one sentence per parameter in the language of {@code i18n}; plain text (escape to show) */
    public String text(I18nResolver i18n) {
        return sentences(sentence -> sentence.resolve(i18n));
    }

    @Override
    public String getMessage() {
        return sentences(I18nText::english);
    }

    private String sentences(Function<I18nText, String> wording) {
        return problems.entrySet().stream()
                .map(e -> wording.apply(I18nText.of(KEY_PREFIX + "error", e.getKey(), e.getValue())))
                .collect(Collectors.joining(" "));
    }
}
