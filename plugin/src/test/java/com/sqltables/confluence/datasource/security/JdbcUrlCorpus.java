package com.sqltables.confluence.datasource.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code dangerous-jdbc-urls.txt} and {@code safe-jdbc-urls.txt}: {@code first | url [| properties]} lines. */
final class JdbcUrlCorpus {
    /** One line of a URL corpus. */
    static final class Entry {
        final String first;
        final String url;
        final String properties;

        Entry(String first, String url, String properties) {
            this.first = first;
            this.url = url;
            this.properties = properties;
        }

        @Override
        public String toString() {
            return first + " | " + url + (properties == null ? "" : " | " + properties.replace("\n", "\\n"));
        }
    }

    private JdbcUrlCorpus() {
    }

    static List<Entry> read(String resource) {
        List<Entry> entries = new ArrayList<>();
        try (InputStream in = JdbcUrlCorpus.class.getResourceAsStream(resource)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split(" \\| ", 3);
                String properties = columns.length > 2 ? columns[2].strip().replace("\\n", "\n") : null;
                entries.add(new Entry(columns[0].strip(), columns[1].strip(), properties));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static List<Object[]> rows(String resource) {
        List<Object[]> rows = new ArrayList<>();
        for (Entry entry : read(resource)) {
            rows.add(new Object[] {entry});
        }
        return rows;
    }
}
