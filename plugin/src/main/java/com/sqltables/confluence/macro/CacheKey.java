package com.sqltables.confluence.macro;

import java.util.List;
import java.util.Objects;

/**
 * Everything a cached table depends on: the datasource and its revision (a changed datasource never
 * serves old results), the SQL that runs, the bound values, the effective row cap, and how the table
 * is drawn, including the language of its texts (NULL, true/false, "no rows", the row-cap notice):
 * viewers in different languages get tables of their own. Immutable.
 */
public final class CacheKey {
    private final long datasourceId;
    private final long datasourceRevision;
    private final String jdbcSql;
    private final List<?> values;
    private final int rowCap;
    private final String caption;
    private final boolean rowNumbers;
    private final TableFormat format;
    private final boolean staticTable;
    private final String language;
    private final int hash;

    CacheKey(long datasourceId, long datasourceRevision, String jdbcSql, List<?> values, int rowCap, String caption,
             boolean rowNumbers, TableFormat format, boolean staticTable, String language) {
        this.datasourceId = datasourceId;
        this.datasourceRevision = datasourceRevision;
        this.jdbcSql = Objects.requireNonNull(jdbcSql, "jdbcSql");
        this.values = List.copyOf(values);
        this.rowCap = rowCap;
        this.caption = caption;
        this.rowNumbers = rowNumbers;
        this.format = Objects.requireNonNull(format, "format");
        this.staticTable = staticTable;
        this.language = Objects.requireNonNull(language, "language");
        this.hash = Objects.hash(datasourceId, datasourceRevision, jdbcSql, this.values, rowCap, caption, rowNumbers,
                format, staticTable, language);
    }

    /** @return a rough size in bytes, for the cache's memory bound */
    long estimatedBytes() {
        return 128L + 2L * jdbcSql.length() + 64L * values.size() + (caption == null ? 0 : 2L * caption.length());
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CacheKey)) {
            return false;
        }
        CacheKey that = (CacheKey) o;
        return hash == that.hash && datasourceId == that.datasourceId && datasourceRevision == that.datasourceRevision
                && rowCap == that.rowCap && rowNumbers == that.rowNumbers && staticTable == that.staticTable
                && jdbcSql.equals(that.jdbcSql) && values.equals(that.values) && Objects.equals(caption, that.caption)
                && format.equals(that.format) && language.equals(that.language);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Leaves SQL and values out: this may reach a log. */
    @Override
    public String toString() {
        return "CacheKey{datasource=" + datasourceId + "@" + datasourceRevision + ", values=" + values.size()
                + ", rowCap=" + rowCap + "}";
    }
}
