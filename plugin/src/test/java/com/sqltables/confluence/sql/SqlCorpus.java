package com.sqltables.confluence.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a {@code .sql-corpus} file (format described at the top of each file): cases that start with
 * {@code -- case: name}, with optional {@code -- dialects:} and {@code -- expect:} lines. Other test
 * suites (e.g. running the write attempts against a real read-only datasource) may use it too.
 */
public final class SqlCorpus {
    /** One statement of a corpus. */
    public static final class Case {
        public final String name;
        public final Set<SqlDialect> dialects;
        public final String expect;
        public final String sql;

        Case(String name, Set<SqlDialect> dialects, String expect, String sql) {
            this.name = name;
            this.dialects = dialects;
            this.expect = expect;
            this.sql = sql;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private SqlCorpus() {
    }

    /** @param resource e.g. {@code /corpus/write-attempts.sql-corpus} */
    public static List<Case> read(String resource) {
        String text;
        try (InputStream in = SqlCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Case> cases = new ArrayList<>();
        String name = null;
        Set<SqlDialect> dialects = EnumSet.allOf(SqlDialect.class);
        String expect = null;
        StringBuilder sql = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith("-- case:")) {
                if (name != null) {
                    cases.add(new Case(name, dialects, expect, sql.toString().strip()));
                }
                name = line.substring("-- case:".length()).trim();
                dialects = EnumSet.allOf(SqlDialect.class);
                expect = null;
                sql.setLength(0);
            } else if (line.startsWith("-- dialects:")) {
                dialects = parseDialects(line.substring("-- dialects:".length()));
            } else if (line.startsWith("-- expect:")) {
                expect = line.substring("-- expect:".length()).trim();
            } else if (!line.startsWith("#") && name != null) {
                sql.append(line).append('\n');
            }
        }
        if (name != null) {
            cases.add(new Case(name, dialects, expect, sql.toString().strip()));
        }
        return cases;
    }

    private static Set<SqlDialect> parseDialects(String list) {
        if (list.trim().equalsIgnoreCase("ALL")) {
            return EnumSet.allOf(SqlDialect.class);
        }
        Set<SqlDialect> dialects = EnumSet.noneOf(SqlDialect.class);
        Arrays.stream(list.split(",")).map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .forEach(s -> dialects.add(SqlDialect.valueOf(s)));
        return dialects;
    }

    /** @return one {case, dialect} pair per dialect a case lists, for a parameterized test */
    public static List<Object[]> perDialect(String resource) {
        List<Object[]> rows = new ArrayList<>();
        for (Case c : read(resource)) {
            for (SqlDialect dialect : c.dialects) {
                rows.add(new Object[] {c, dialect});
            }
        }
        return rows;
    }
}
