package com.sqltables.confluence.sql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * SQL with its {@code :name} parameters replaced by JDBC {@code ?} placeholders, and the names in
 * placeholder order. Produced by {@link NamedParameterParser}. Immutable.
 */
public final class ParsedSql {
    private final String originalSql;
    private final String jdbcSql;
    private final SqlDialect dialect;
    private final List<String> parameterNames;

    ParsedSql(String originalSql, String jdbcSql, SqlDialect dialect, List<String> parameterNames) {
        this.originalSql = originalSql;
        this.jdbcSql = jdbcSql;
        this.dialect = dialect;
        this.parameterNames = Collections.unmodifiableList(new ArrayList<>(parameterNames));
    }

    /** @return the SQL as written, with {@code :name} parameters */
    public String getOriginalSql() {
        return originalSql;
    }

    /** @return the SQL to prepare: every parameter is a {@code ?}; the only text that ever runs */
    public String getJdbcSql() {
        return jdbcSql;
    }

    /** @return the dialect the text was read with */
    public SqlDialect getDialect() {
        return dialect;
    }

    /**
     * @return the parameter name of each {@code ?}, in order (index 0 is JDBC parameter 1), spelled as
     *     written; a name used twice appears twice
     */
    public List<String> getParameterNames() {
        return parameterNames;
    }

    /** @return each name once, ignoring case, in order of first use and spelled as first written */
    public List<String> getDistinctParameterNames() {
        Map<String, String> distinct = new LinkedHashMap<>();
        for (String name : parameterNames) {
            distinct.putIfAbsent(name.toLowerCase(Locale.ROOT), name);
        }
        return List.copyOf(distinct.values());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof ParsedSql)) {
            return false;
        }
        ParsedSql that = (ParsedSql) o;
        return originalSql.equals(that.originalSql) && jdbcSql.equals(that.jdbcSql) && dialect == that.dialect
                && parameterNames.equals(that.parameterNames);
    }

    @Override
    public int hashCode() {
        return Objects.hash(originalSql, jdbcSql, dialect, parameterNames);
    }

    @Override
    public String toString() {
        return "ParsedSql{" + dialect + ", parameters=" + parameterNames + "}";
    }
}
