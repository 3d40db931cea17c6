package com.sqltables.confluence.sql;

import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.query.ParameterType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A typed parameter value, parsed from text and bound with the matching {@link PreparedStatement}
 * setter ({@code setString}, {@code setLong}, {@code setBigDecimal}, {@code setDate},
 * {@code setBoolean}) — never written into the SQL. Immutable; usable as part of a cache key.
 */
public final class ParameterValue {
    /** Longest text value accepted, the same limit as a saved query's default value. */
    public static final int MAX_TEXT_LENGTH = 4_000;

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]{1,19}");
    // ASCII digits only (BigDecimal would take other scripts' digits) and a bounded exponent, so that
    // a value like 1e999999999 cannot make a driver build a huge number.
    private static final Pattern DECIMAL = Pattern.compile("[+-]?([0-9]{1,100}(\\.[0-9]{0,100})?|\\.[0-9]{1,100})"
            + "([eE][+-]?[0-9]{1,3})?");
    private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final String name;
    private final ParameterType type;
    private final Object value;

    private ParameterValue(String name, ParameterType type, Object value) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = Objects.requireNonNull(type, "type");
        this.value = value;
    }

    /**
     * @param name the parameter's name, for messages
     * @param type the declared type
     * @param text the value as given; surrounding white space is ignored for all types but text
     * @return the parsed value
     * @throws ParameterValueException with a problem that completes "Parameter <i>name</i> …",
     *     e.g. {@code must be a whole number (was 'abc')}
     */
    public static ParameterValue parse(String name, ParameterType type, String text) {
        Objects.requireNonNull(text, "text");
        return new ParameterValue(name, type, convert(type, text));
    }

    /** @return a SQL {@code NULL} of the given type */
    public static ParameterValue nullValue(String name, ParameterType type) {
        return new ParameterValue(name, type, null);
    }

    private static Object convert(ParameterType type, String text) {
        String trimmed = text.trim();
        switch (type) {
            case TEXT:
                if (text.length() > MAX_TEXT_LENGTH) {
                    throw new ParameterValueException(I18nText.of(ParameterException.KEY_PREFIX + "too.long",
                            String.valueOf(MAX_TEXT_LENGTH), String.valueOf(text.length())));
                }
                return text;
            case INTEGER:
                if (INTEGER.matcher(trimmed).matches()) {
                    try {
                        return Long.parseLong(trimmed);
                    } catch (NumberFormatException e) {
                        throw invalid(I18nText.of(ParameterException.KEY_PREFIX + "integer.range",
                                String.valueOf(Long.MIN_VALUE), String.valueOf(Long.MAX_VALUE)), text);
                    }
                }
                throw invalid(type.phrase(), text);
            case DECIMAL:
                if (DECIMAL.matcher(trimmed).matches()) {
                    return new BigDecimal(trimmed);
                }
                throw invalid(type.phrase(), text);
            case DATE:
                if (DATE.matcher(trimmed).matches()) {
                    try {
                        return LocalDate.parse(trimmed, DateTimeFormatter.ISO_LOCAL_DATE);
                    } catch (DateTimeParseException e) {
                        throw invalid(I18nText.of(ParameterException.KEY_PREFIX + "date.existing"), text);
                    }
                }
                throw invalid(type.phrase(), text);
            case BOOLEAN:
                String lower = trimmed.toLowerCase(Locale.ROOT);
                if (lower.equals("true") || lower.equals("false")) {
                    return Boolean.valueOf(lower);
                }
                throw invalid(type.phrase(), text);
            default:
                throw new AssertionError(type);
        }
    }

    private static ParameterValueException invalid(I18nText expected, String text) {
        return new ParameterValueException(I18nText.of(ParameterException.KEY_PREFIX + "invalid", expected,
                SqlText.excerpt(text)));
    }

    /**
     * Binds the value at {@code index} with the setter of its type.
     *
     * @throws SQLException from the driver
     */
    public void bind(PreparedStatement statement, int index) throws SQLException {
        switch (type) {
            case TEXT:
                if (value == null) {
                    statement.setNull(index, Types.VARCHAR);
                } else {
                    statement.setString(index, (String) value);
                }
                break;
            case INTEGER:
                if (value == null) {
                    statement.setNull(index, Types.BIGINT);
                } else {
                    statement.setLong(index, (Long) value);
                }
                break;
            case DECIMAL:
                if (value == null) {
                    statement.setNull(index, Types.DECIMAL);
                } else {
                    statement.setBigDecimal(index, (BigDecimal) value);
                }
                break;
            case DATE:
                if (value == null) {
                    statement.setNull(index, Types.DATE);
                } else {
                    // valueOf and the driver both use the JVM's time zone, so the calendar date survives.
                    statement.setDate(index, Date.valueOf((LocalDate) value));
                }
                break;
            case BOOLEAN:
                if (value == null) {
                    statement.setNull(index, Types.BOOLEAN);
                } else {
                    statement.setBoolean(index, (Boolean) value);
                }
                break;
            default:
                throw new AssertionError(type);
        }
    }

    /** @return the parameter's name as declared or first written */
    public String getName() {
        return name;
    }

    public ParameterType getType() {
        return type;
    }

    /**
     * @return the value: a {@link String}, {@link Long}, {@link BigDecimal}, {@link LocalDate} or
     *     {@link Boolean} by type, or {@code null} for SQL {@code NULL}
     */
    public Object getValue() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParameterValue)) {
            return false;
        }
        ParameterValue that = (ParameterValue) o;
        return name.equals(that.name) && type == that.type && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, value);
    }

    /** Leaves the value out: it may be private, and this may reach a log. */
    @Override
    public String toString() {
        return "ParameterValue{" + name + ":" + type + (value == null ? "=NULL" : "") + "}";
    }
}
