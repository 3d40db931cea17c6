package com.sqltables.devhost.plugins;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One parsed OSGi manifest header such as {@code Import-Package}: comma-separated clauses, each with one or
 * more paths and {@code name=value} attributes or {@code name:=value} directives, values optionally quoted.
 */
final class OsgiHeader {
    private OsgiHeader() {
    }

    /** A clause of a header: its paths (e.g. package names) with the attributes and directives they share. */
    static final class Clause {
        private final List<String> paths;
        private final Map<String, String> attributes;
        private final Map<String, String> directives;

        Clause(List<String> paths, Map<String, String> attributes, Map<String, String> directives) {
            this.paths = Collections.unmodifiableList(paths);
            this.attributes = Collections.unmodifiableMap(attributes);
            this.directives = Collections.unmodifiableMap(directives);
        }

        List<String> paths() {
            return paths;
        }

        String attribute(String name) {
            return attributes.get(name);
        }

        String directive(String name) {
            return directives.get(name);
        }
    }

    /**
     * @param header the header value, may be null (no clauses)
     * @return the clauses in order
     * @throws IllegalArgumentException when quotes are unbalanced or a clause has no path
     */
    static List<Clause> parse(String header) {
        List<Clause> clauses = new ArrayList<>();
        if (header == null || header.trim().isEmpty()) {
            return clauses;
        }
        for (String clauseText : split(header, ',')) {
            if (clauseText.trim().isEmpty()) {
                continue;
            }
            List<String> paths = new ArrayList<>();
            Map<String, String> attributes = new LinkedHashMap<>();
            Map<String, String> directives = new LinkedHashMap<>();
            for (String part : split(clauseText, ';')) {
                String piece = part.trim();
                if (piece.isEmpty()) {
                    continue;
                }
                int directive = indexOutsideQuotes(piece, ":=");
                int equals = indexOutsideQuotes(piece, "=");
                if (directive >= 0 && directive <= equals) {
                    directives.put(piece.substring(0, directive).trim(), unquote(piece.substring(directive + 2)));
                } else if (equals >= 0) {
                    attributes.put(piece.substring(0, equals).trim(), unquote(piece.substring(equals + 1)));
                } else {
                    if (!attributes.isEmpty() || !directives.isEmpty()) {
                        throw new IllegalArgumentException("path '" + piece + "' after parameters in clause: " + clauseText.trim());
                    }
                    paths.add(piece);
                }
            }
            if (paths.isEmpty()) {
                throw new IllegalArgumentException("clause without a path: " + clauseText.trim());
            }
            clauses.add(new Clause(paths, attributes, directives));
        }
        return clauses;
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
        if (quoted) {
            throw new IllegalArgumentException("unbalanced quotes in: " + text.trim());
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static int indexOutsideQuotes(String text, String token) {
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && text.startsWith(token, i)) {
                return i;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        String v = value.trim();
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }
}
