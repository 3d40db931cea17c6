package com.sqltables.confluence.macro;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The macro's parameters, parsed and checked; immutable. Names as in the descriptor:
 * {@code datasource}, {@code query}, {@code parameters}, {@code maxRows}, {@code caption},
 * {@code rowNumbers}, {@code numberFormat}, {@code dateFormat}, {@code align}, {@code cacheSeconds};
 * the body is inline SQL.
 */
public final class MacroParameters {
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_CAPTION_LENGTH = 500;
    /** The largest row cap a datasource may have; larger values are refused as typing mistakes. */
    static final int MAX_ROWS_LIMIT = 1_000_000;
    /** One day: longer caching would show data staler than any page author expects. */
    static final int MAX_CACHE_SECONDS = 86_400;

    private final String datasource;
    private final String queryName;
    private final String inlineSql;
    private final Map<String, String> values;
    private final Integer maxRows;
    private final String caption;
    private final boolean rowNumbers;
    private final TableFormat format;
    private final int cacheSeconds;

    private MacroParameters(String datasource, String queryName, String inlineSql, Map<String, String> values,
                            Integer maxRows, String caption, boolean rowNumbers, TableFormat format, int cacheSeconds) {
        this.datasource = datasource;
        this.queryName = queryName;
        this.inlineSql = inlineSql;
        this.values = values;
        this.maxRows = maxRows;
        this.caption = caption;
        this.rowNumbers = rowNumbers;
        this.format = format;
        this.cacheSeconds = cacheSeconds;
    }

    /**
     * @param parameters the macro's parameters as Confluence passes them (unknown ones are ignored)
     * @param body the macro body: inline SQL, or blank
     * @throws MacroParameterException naming the first parameter that is missing, malformed or in
     *     conflict with another
     */
    public static MacroParameters parse(Map<String, String> parameters, String body) {
        Map<String, String> p = parameters == null ? Collections.emptyMap() : parameters;
        String datasource = line(p, "datasource", MAX_NAME_LENGTH);
        String query = line(p, "query", MAX_NAME_LENGTH);
        String sql = body == null || body.trim().isEmpty() ? null : body;
        if (query != null && sql != null) {
            throw new MacroParameterException("query", "query.and.body");
        }
        if (query == null && sql == null) {
            throw new MacroParameterException("query", "query.required");
        }
        if (sql != null && datasource == null) {
            throw new MacroParameterException("datasource", "datasource.required");
        }
        Map<String, String> values = ParameterListSyntax.parse("parameters", p.get("parameters"));
        Integer maxRows = integer(p, "maxRows", 1, MAX_ROWS_LIMIT);
        String caption = text(p, "caption", MAX_CAPTION_LENGTH);
        boolean rowNumbers = bool(p, "rowNumbers");
        TableFormat format = TableFormat.parse(p.get("numberFormat"), p.get("dateFormat"), p.get("align"));
        Integer cache = integer(p, "cacheSeconds", 0, MAX_CACHE_SECONDS);
        return new MacroParameters(datasource, query, sql, Collections.unmodifiableMap(new LinkedHashMap<>(values)),
                maxRows, caption, rowNumbers, format, cache == null ? 0 : cache);
    }

    private static String line(Map<String, String> p, String name, int maxLength) {
        String value = p.get(name);
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new MacroParameterException(name, "too.long", String.valueOf(maxLength));
        }
        for (int i = 0; i < trimmed.length(); i++) {
            if (Character.isISOControl(trimmed.charAt(i))) {
                throw new MacroParameterException(name, "one.line");
            }
        }
        return trimmed;
    }

    private static String text(Map<String, String> p, String name, int maxLength) {
        String value = p.get(name);
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > maxLength) {
            throw new MacroParameterException(name, "too.long", String.valueOf(maxLength));
        }
        return trimmed;
    }

    private static Integer integer(Map<String, String> p, String name, int min, int max) {
        String value = p.get(name);
        if (value == null || value.trim().isEmpty()) {
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below, with the allowed range.
        }
        String shown = value.trim().length() > 20 ? value.trim().substring(0, 20) + "…" : value.trim();
        throw new MacroParameterException(name, "whole.number", String.valueOf(min), String.valueOf(max),
                shown);
    }

    private static boolean bool(Map<String, String> p, String name) {
        String value = p.get(name);
        if (value == null || value.trim().isEmpty()) {
            return false;
        }
        switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true":
                return true;
            case "false":
                return false;
            default:
                throw new MacroParameterException(name, "boolean");
        }
    }

    /** @return the datasource's name, or {@code null} (then the saved query's datasource is used) */
    public String getDatasource() {
        return datasource;
    }

    /** @return the saved query's name, or {@code null} for inline SQL */
    public String getQueryName() {
        return queryName;
    }

    /** @return the inline SQL, or {@code null} for a saved query */
    public String getInlineSql() {
        return inlineSql;
    }

    /** @return whether the SQL is written into the macro */
    public boolean isInline() {
        return inlineSql != null;
    }

    /** @return query-parameter values from {@code parameters}, name → value text, in the order written */
    public Map<String, String> getValues() {
        return values;
    }

    /** @return the row cap asked for, or {@code null} for the datasource's */
    public Integer getMaxRows() {
        return maxRows;
    }

    /** @return the caption, or {@code null} */
    public String getCaption() {
        return caption;
    }

    public boolean isRowNumbers() {
        return rowNumbers;
    }

    public TableFormat getFormat() {
        return format;
    }

    /** @return how long a result may be reused; 0 = not cached */
    public int getCacheSeconds() {
        return cacheSeconds;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof MacroParameters)) {
            return false;
        }
        MacroParameters that = (MacroParameters) o;
        return rowNumbers == that.rowNumbers && cacheSeconds == that.cacheSeconds
                && Objects.equals(datasource, that.datasource) && Objects.equals(queryName, that.queryName)
                && Objects.equals(inlineSql, that.inlineSql) && values.equals(that.values)
                && Objects.equals(maxRows, that.maxRows) && Objects.equals(caption, that.caption)
                && format.equals(that.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(datasource, queryName, inlineSql, values, maxRows, caption, rowNumbers, format, cacheSeconds);
    }

    /** Leaves the SQL and values out: they may be private, and this may reach a log. */
    @Override
    public String toString() {
        return "MacroParameters{datasource=" + datasource + ", query=" + queryName + ", inline=" + isInline()
                + ", values=" + values.keySet() + ", maxRows=" + maxRows + ", cacheSeconds=" + cacheSeconds + "}";
    }
}
