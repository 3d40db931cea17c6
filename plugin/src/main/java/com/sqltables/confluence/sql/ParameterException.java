package com.sqltables.confluence.sql;

import com.sqltables.confluence.ValidationException;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Parameter values were missing or of the wrong type. {@link #getFieldErrors()} maps each
 * parameter's name to what is wrong ({@code is required}, {@code must be a whole number (was 'x')});
 * {@link #getMessage()} reads as sentences naming each parameter.
 */
public class ParameterException extends ValidationException {
    private static final long serialVersionUID = 1L;

    /** @param problems parameter name → problem, in the order found; at least one */
    public ParameterException(Map<String, String> problems) {
        super(problems);
    }

    @Override
    public String getMessage() {
        return getFieldErrors().entrySet().stream()
                .map(e -> "Parameter '" + e.getKey() + "' " + e.getValue() + ".")
                .collect(Collectors.joining(" "));
    }
}
