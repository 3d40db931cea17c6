package com.sqltables.confluence.sql;

import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The typed values for every {@code ?} of a {@link ParsedSql}, in placeholder order. Immutable; its
 * {@link #getValues()} list can be part of a cache key.
 */
public final class BoundParameters {
    private final List<ParameterValue> values;

    private BoundParameters(List<ParameterValue> values) {
        this.values = Collections.unmodifiableList(values);
    }

    /**
     * Works out each parameter's value: the supplied text if any, else the declared default, else
     * SQL {@code NULL} when the parameter is optional. Names match ignoring case. A name used in the
     * SQL but not declared is a required text parameter (inline SQL declares nothing); declared names
     * the SQL does not use, and supplied values nobody asked for, are ignored. For all types but text,
     * blank text counts as no value.
     *
     * @param sql the parsed SQL
     * @param declared the parameters the saved query declares; may be empty
     * @param supplied name → value text, from the macro, the page URL or the page context, already
     *     filtered by what each source may set
     * @return the values, one per placeholder
     * @throws ParameterException naming every parameter that is missing or of the wrong type
     */
    public static BoundParameters resolve(ParsedSql sql, Collection<QueryParameter> declared,
                                          Map<String, String> supplied) {
        Map<String, QueryParameter> declarations = new HashMap<>();
        for (QueryParameter parameter : declared) {
            declarations.putIfAbsent(key(parameter.getName()), parameter);
        }
        Map<String, String> given = new HashMap<>();
        supplied.forEach((name, value) -> {
            if (name != null && value != null) {
                given.putIfAbsent(key(name), value);
            }
        });
        Map<String, ParameterValue> byName = new HashMap<>();
        Map<String, I18nText> problems = new LinkedHashMap<>();
        for (String name : sql.getDistinctParameterNames()) {
            QueryParameter declaration = declarations.get(key(name));
            ParameterType type = declaration == null || declaration.getType() == null
                    ? ParameterType.TEXT : declaration.getType();
            String text = given.get(key(name));
            if (text != null && type != ParameterType.TEXT && text.trim().isEmpty()) {
                text = null;
            }
            if (text == null && declaration != null) {
                text = declaration.getDefaultValue();
            }
            try {
                if (text != null) {
                    byName.put(key(name), ParameterValue.parse(name, type, text));
                } else if (declaration != null && !declaration.isRequired()) {
                    byName.put(key(name), ParameterValue.nullValue(name, type));
                } else {
                    problems.put(name, I18nText.of(ParameterException.KEY_PREFIX + "required"));
                }
            } catch (ParameterValueException e) {
                problems.put(name, e.getProblem());
            }
        }
        if (!problems.isEmpty()) {
            throw new ParameterException(problems);
        }
        List<ParameterValue> ordered = new ArrayList<>();
        for (String name : sql.getParameterNames()) {
            ordered.add(byName.get(key(name)));
        }
        return new BoundParameters(ordered);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Binds every value to its placeholder (JDBC index = list index + 1).
     *
     * @throws SQLException from the driver
     */
    public void bindTo(PreparedStatement statement) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            values.get(i).bind(statement, i + 1);
        }
    }

    /** @return one value per placeholder, in order */
    public List<ParameterValue> getValues() {
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof BoundParameters && values.equals(((BoundParameters) o).values));
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "BoundParameters" + values;
    }
}
