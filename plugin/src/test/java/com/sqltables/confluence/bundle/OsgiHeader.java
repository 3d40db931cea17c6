package com.sqltables.confluence.bundle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses OSGi manifest headers such as {@code Import-Package}:
 * {@code a.b;c.d;version="[1.0,2)";resolution:=optional,e.f}. Commas and semicolons inside quotes
 * (version ranges) do not split.
 */
final class OsgiHeader {

    /** One package of a clause, with the clause's attributes ({@code a=b}) and directives ({@code a:=b}). */
    static final class Clause {
        private final String name;
        private final Map<String, String> attributes;
        private final Map<String, String> directives;

        Clause(String name, Map<String, String> attributes, Map<String, String> directives) {
            this.name = name;
            this.attributes = Collections.unmodifiableMap(attributes);
            this.directives = Collections.unmodifiableMap(directives);
        }

        String name() {
            return name;
        }

        String attribute(String key) {
            return attributes.get(key);
        }

        String directive(String key) {
            return directives.get(key);
        }

        @Override
        public String toString() {
            return name + (attributes.isEmpty() ? "" : attributes) + (directives.isEmpty() ? "" : directives);
        }
    }

    private OsgiHeader() {
    }

    /** Returns one clause per package name; an absent or blank header gives no clauses. */
    static List<Clause> parse(String header) {
        List<Clause> result = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return result;
        }
        for (String clause : split(header, ',')) {
            List<String> names = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clause, ';')) {
                String trimmed = part.trim();
                int directive = trimmed.indexOf(":=");
                int attribute = trimmed.indexOf('=');
                if (directive > 0 && directive <= attribute) {
                    directives.put(trimmed.substring(0, directive).trim(), unquote(trimmed.substring(directive + 2)));
                } else if (attribute > 0) {
                    attributes.put(trimmed.substring(0, attribute).trim(), unquote(trimmed.substring(attribute + 1)));
                } else if (!trimmed.isEmpty()) {
                    names.add(trimmed);
                }
            }
            for (String name : names) {
                result.add(new Clause(name, attributes, directives));
            }
        }
        return result;
    }

    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        if (trimmed.length() >= 2 && trimmed.startsWith("\"") && trimmed.endsWith("\"")) {
            return trimmed.substring(1, trimmed.length() - 1);
        }
        return trimmed;
    }
}
