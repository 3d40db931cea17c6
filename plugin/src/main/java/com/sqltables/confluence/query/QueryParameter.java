package com.sqltables.confluence.query;

import java.util.Objects;

/** A parameter a saved query declares. Immutable. */
public final class QueryParameter {
    private final String name;
    private final ParameterType type;
    private final String defaultValue;
    private final boolean required;
    private final boolean urlSettable;

    /**
     * @param name the name used in the SQL, e.g. {@code region}
     * @param type the value type
     * @param defaultValue the value used when none is given, or {@code null}
     * @param required whether a value (or default) must be present
     * @param urlSettable whether page viewers may set it through the URL
     */
    public QueryParameter(String name, ParameterType type, String defaultValue, boolean required, boolean urlSettable) {
        this.name = name;
        this.type = type;
        this.defaultValue = defaultValue;
        this.required = required;
        this.urlSettable = urlSettable;
    }

    public String getName() {
        return name;
    }

    public ParameterType getType() {
        return type;
    }

    /** @return the default in the type's text form, or {@code null} */
    public String getDefaultValue() {
        return defaultValue;
    }

    public boolean isRequired() {
        return required;
    }

    public boolean isUrlSettable() {
        return urlSettable;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof QueryParameter)) {
            return false;
        }
        QueryParameter that = (QueryParameter) o;
        return required == that.required && urlSettable == that.urlSettable && Objects.equals(name, that.name)
                && type == that.type && Objects.equals(defaultValue, that.defaultValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, defaultValue, required, urlSettable);
    }

    @Override
    public String toString() {
        return "QueryParameter{" + name + ":" + type + (required ? ", required" : "") + (urlSettable ? ", url" : "")
                + (defaultValue == null ? "" : ", default=" + defaultValue) + "}";
    }
}
