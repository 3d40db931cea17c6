package com.sqltables.confluence.macro;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The syntax of name=value lists in one macro parameter, e.g. {@code region=EU | since=2024-01-01}.
 *
 * <ul>
 *   <li>Entries are separated by {@code |}; empty entries (e.g. a trailing {@code |}) are skipped.</li>
 *   <li>Each entry is {@code name=value}: the first unescaped {@code =} separates them.</li>
 *   <li>A backslash takes the next character literally: {@code \|}, {@code \=}, {@code \\}, and
 *       {@code \ } for a space that must not be trimmed.</li>
 *   <li>Unescaped white space around names and values is trimmed; inside a value it is kept.</li>
 *   <li>Names start with a letter or {@code _} and hold letters, digits and {@code _} (at most 64),
 *       the rule for saved-query parameters; they match ignoring case, and each may appear once.</li>
 * </ul>
 */
public final class ParameterListSyntax {
    /** More entries than any saved query may declare (50), so a real list never hits it. */
    static final int MAX_ENTRIES = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private ParameterListSyntax() {
    }

    /**
     * @param macroParameter the macro parameter's name, for messages
     * @param text the list; {@code null} or blank gives an empty map
     * @return name → value in the order written, names as written
     * @throws MacroParameterException naming the macro parameter and what is wrong
     */
    public static Map<String, String> parse(String macroParameter, String text) {
        if (text == null || text.trim().isEmpty()) {
            return Collections.emptyMap();
        }
        Map<String, String> entries = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        Entry entry = new Entry();
        int i = 0;
        while (i <= text.length()) {
            char c = i < text.length() ? text.charAt(i) : '|';
            if (c == '\\' && i < text.length()) {
                if (i + 1 >= text.length()) {
                    throw new MacroParameterException(macroParameter, "list.lone.backslash");
                }
                entry.appendEscaped(text.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '|') {
                if (!entry.isEmpty()) {
                    add(macroParameter, entry, entries, seen);
                }
                entry = new Entry();
            } else if (c == '=' && !entry.hasSeparator()) {
                entry.separate();
            } else {
                entry.append(c);
            }
            i++;
        }
        return Collections.unmodifiableMap(entries);
    }

    private static void add(String macroParameter, Entry entry, Map<String, String> entries, Map<String, String> seen) {
        String name = entry.name();
        if (!entry.hasSeparator()) {
            throw new MacroParameterException(macroParameter, "list.no.equals", shorten(name));
        }
        if (!NAME.matcher(name).matches()) {
            throw new MacroParameterException(macroParameter, "list.invalid.name", shorten(name));
        }
        if (seen.put(name.toLowerCase(Locale.ROOT), name) != null) {
            throw new MacroParameterException(macroParameter, "list.duplicate", shorten(name));
        }
        if (entries.size() >= MAX_ENTRIES) {
            throw new MacroParameterException(macroParameter, "list.too.many", String.valueOf(MAX_ENTRIES));
        }
        entries.put(name, entry.value());
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /**
     * @return the list in this syntax, escaping {@code | = \} and leading or trailing spaces, so that
     *         {@link #parse} gives {@code entries} back
     */
    public static String format(Map<String, String> entries) {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (b.length() > 0) {
                b.append(" | ");
            }
            b.append(e.getKey()).append('=');
            String value = e.getValue() == null ? "" : e.getValue();
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                boolean edge = i == 0 || i == value.length() - 1;
                if (c == '|' || c == '=' || c == '\\' || (edge && Character.isWhitespace(c))) {
                    b.append('\\');
                }
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * One entry being read. Escaped characters are never trimmed, so positions of the first and last
     * literal character are tracked per part.
     */
    private static final class Entry {
        private final StringBuilder name = new StringBuilder();
        private final StringBuilder value = new StringBuilder();
        private boolean separated;
        private int nameKeepUntil;
        private int valueKeepFrom = -1;
        private int valueKeepUntil;

        void append(char c) {
            current().append(c);
        }

        void appendEscaped(char c) {
            StringBuilder part = current();
            part.append(c);
            if (separated) {
                if (valueKeepFrom < 0) {
                    valueKeepFrom = part.length() - 1;
                }
                valueKeepUntil = part.length();
            } else {
                nameKeepUntil = part.length();
            }
        }

        private StringBuilder current() {
            return separated ? value : name;
        }

        void separate() {
            separated = true;
        }

        boolean hasSeparator() {
            return separated;
        }

        boolean isEmpty() {
            return !separated && name.toString().trim().isEmpty() && nameKeepUntil == 0;
        }

        String name() {
            return trim(name, -1, nameKeepUntil);
        }

        String value() {
            return trim(value, valueKeepFrom, valueKeepUntil);
        }

        /** Trims white space, but never into the range [keepFrom, keepUntil) of escaped characters. */
        private static String trim(StringBuilder text, int keepFrom, int keepUntil) {
            int start = 0;
            int end = text.length();
            int startLimit = keepFrom < 0 ? end : keepFrom;
            while (start < startLimit && Character.isWhitespace(text.charAt(start))) {
                start++;
            }
            while (end > Math.max(start, keepUntil) && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            return text.substring(start, end);
        }
    }
}
