package com.sqltables.confluence.sql;

import com.sqltables.confluence.I18nText;

/**
 * A parameter value does not fit its type. Its problem is an i18n key with arguments that completes
 * "Parameter <i>name</i> …" ({@link #getProblem()}); {@link #getMessage()} is the problem in English.
 */
public class ParameterValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final I18nText problem;

    /** @param problem what is wrong, e.g. {@code must be a whole number (was 'abc')} */
    public ParameterValueException(I18nText problem) {
        super(problem.english());
        this.problem = problem;
    }

    /** @return what is wrong, as an i18n key with arguments */
    public I18nText getProblem() {
        return problem;
    }
}
