package com.sqltables.confluence.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the report as canonical JSON: keys sorted, two-space indentation, {@code \n} line ends, every
 * character outside printable ASCII escaped. The same data always gives the same bytes, so the preview
 * an administrator reads is exactly what is sent, and digests can be compared.
 */
final class CanonicalJson {
    private CanonicalJson() {
    }

    /** @param object values: {@code String}, {@code Long}/{@code Integer}, {@code Boolean}, {@code Map}, or {@code null} */
    static String write(Map<String, ?> object) {
        StringBuilder out = new StringBuilder();
        value(out, object, 0);
        return out.append('\n').toString();
    }

    private static void value(StringBuilder out, Object value, int depth) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map) {
            Map<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                sorted.put(String.valueOf(e.getKey()), e.getValue());
            }
            if (sorted.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append("{\n");
            int i = 0;
            for (Map.Entry<String, Object> e : sorted.entrySet()) {
                indent(out, depth + 1);
                string(out, e.getKey());
                out.append(": ");
                value(out, e.getValue(), depth + 1);
                out.append(++i < sorted.size() ? ",\n" : "\n");
            }
            indent(out, depth);
            out.append('}');
        } else if (value instanceof String) {
            string(out, (String) value);
        } else {
            throw new IllegalArgumentException("Not a report value: " + value.getClass().getName());
        }
    }

    private static void indent(StringBuilder out, int depth) {
        for (int i = 0; i < depth; i++) {
            out.append("  ");
        }
    }

    private static void string(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
