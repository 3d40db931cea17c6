package com.sqltables.confluence;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Input was rejected. Carries one message per offending field (field name → message, in the order
 * found) so that forms can show each message next to its field; {@link #getMessage()} joins them.
 */
public class ValidationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final Map<String, String> fieldErrors;

    /**
     * @param fieldErrors field name → message; at least one
     */
    public ValidationException(Map<String, String> fieldErrors) {
        super(describe(fieldErrors));
        this.fieldErrors = Collections.unmodifiableMap(new LinkedHashMap<>(fieldErrors));
    }

    /**
     * @param field the field name, e.g. {@code name} or {@code parameters[2].type}
     * @param message a message a user can act on
     */
    public ValidationException(String field, String message) {
        this(Collections.singletonMap(field, message));
    }

    /** @return field name → message, in the order the problems were found */
    public Map<String, String> getFieldErrors() {
        return fieldErrors;
    }

    private static String describe(Map<String, String> fieldErrors) {
        if (fieldErrors == null || fieldErrors.isEmpty()) {
            throw new IllegalArgumentException("A ValidationException needs at least one field error");
        }
        return fieldErrors.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }
}
