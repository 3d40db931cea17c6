package com.sqltables.confluence.datasource.security;

import java.io.IOException;
import java.io.StringReader;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Reads a datasource's extra driver properties ({@code key=value}, one per line, in
 * {@link Properties#load(java.io.Reader)} syntax). The pool must build the driver's properties with
 * {@link #toProperties(String)} so that what is checked is exactly what the driver receives.
 */
public final class ConnectionProperties {
    private ConnectionProperties() {
    }

    /**
     * @param text the properties text, or {@code null}
     * @return every assignment in order, repeats included (the driver sees the last one; the checks see
     *     them all)
     * @throws IllegalArgumentException if the text is malformed (e.g. a malformed Unicode escape)
     */
    public static List<Map.Entry<String, String>> entries(String text) {
        if (text == null || text.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>();
        Properties recorder = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                entries.add(new SimpleImmutableEntry<>((String) key, (String) value));
                return super.put(key, value);
            }
        };
        load(recorder, text);
        return entries;
    }

    /** @return the properties to hand to the driver (empty for {@code null}) */
    public static Properties toProperties(String text) {
        Properties properties = new Properties();
        if (text != null) {
            load(properties, text);
        }
        return properties;
    }

    private static void load(Properties target, String text) {
        try {
            target.load(new StringReader(text));
        } catch (IOException e) {
            throw new IllegalStateException("reading a string cannot fail", e);
        }
    }
}
