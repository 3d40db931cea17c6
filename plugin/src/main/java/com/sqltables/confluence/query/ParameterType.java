package com.sqltables.confluence.query;

import com.sqltables.confluence.I18nText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** The type of a saved-query parameter. Stored by {@link #name()}: never rename a constant. */
public enum ParameterType {
    /** Any text. */
    TEXT,
    /** A whole number that fits a {@code long}. */
    INTEGER,
    /** A decimal number, {@code .} as separator. */
    DECIMAL,
    /** An ISO date, {@code yyyy-MM-dd}. */
    DATE,
    /** {@code true} or {@code false}. */
    BOOLEAN;

    /** @return the type with this name, ignoring case, if any */
    public static Optional<ParameterType> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return whether {@code text} is a valid value of this type */
    public boolean accepts(String text) {
        if (text == null) {
            return false;
        }
        try {
            switch (this) {
                case TEXT:
                    return true;
                case INTEGER:
                    Long.parseLong(text.trim());
                    return true;
                case DECIMAL:
                    new BigDecimal(text.trim());
                    return true;
                case DATE:
                    LocalDate.parse(text.trim());
                    return true;
                case BOOLEAN:
                    return "true".equalsIgnoreCase(text.trim()) || "false".equalsIgnoreCase(text.trim());
                default:
                    throw new AssertionError(this);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }

    /** @return a short description of valid values, completing "must be …", as an i18n key */
    public I18nText phrase() {
        return I18nText.of("com.sqltables.confluence.query.value.type." + name().toLowerCase(Locale.ROOT));
    }

    /** @return {@link #phrase()} in English, for messages without a reader */
    public String describe() {
        return phrase().english();
    }
}
