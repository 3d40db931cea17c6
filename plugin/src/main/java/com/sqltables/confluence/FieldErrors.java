package com.sqltables.confluence;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects validation problems, one message per field, and throws them together as a
 * {@link ValidationException}. Not thread-safe; use one per validation.
 */
public final class FieldErrors {
    private final Map<String, String> errors = new LinkedHashMap<>();

    /** Records a problem; the first problem found for a field is the one reported. */
    public FieldErrors add(String field, String message) {
        errors.putIfAbsent(field, message);
        return this;
    }

    /** Records {@code message} for {@code field} unless {@code condition} holds. */
    public FieldErrors check(boolean condition, String field, String message) {
        if (!condition) {
            add(field, message);
        }
        return this;
    }

    /**
     * A required single-line text.
     *
     * @return the trimmed value, or {@code null} if it was rejected
     */
    public String requireLine(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            add(field, "is required");
            return null;
        }
        return line(field, trimmed, maxLength);
    }

    /**
     * An optional single-line text.
     *
     * @return the trimmed value, or {@code null} if blank or rejected
     */
    public String optionalLine(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.isEmpty() ? null : line(field, trimmed, maxLength);
    }

    /**
     * An optional multi-line text, kept as given (only a blank value becomes {@code null}).
     *
     * @return the value, or {@code null} if blank or rejected
     */
    public String optionalText(String field, String value, int maxLength) {
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters (was " + value.length() + ")");
            return null;
        }
        return value;
    }

    /** Records a problem unless {@code min <= value <= max}. */
    public FieldErrors range(String field, long value, long min, long max) {
        return check(value >= min && value <= max, field, "must be between " + min + " and " + max + " (was " + value + ")");
    }

    /** @return whether a problem was recorded for the field */
    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** @return whether no problem was recorded */
    public boolean isEmpty() {
        return errors.isEmpty();
    }

    /** @throws ValidationException if any problem was recorded */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private String line(String field, String trimmed, int maxLength) {
        if (trimmed.length() > maxLength) {
            add(field, "must be at most " + maxLength + " characters (was " + trimmed.length() + ")");
            return null;
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                add(field, "must be a single line without control characters");
                return null;
            }
        }
        return trimmed;
    }
}
