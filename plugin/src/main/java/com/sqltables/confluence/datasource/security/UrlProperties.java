package com.sqltables.confluence.datasource.security;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds every {@code key=value} a JDBC URL may hand to its driver. Each driver has its own syntax
 * ({@code ?a=b&c=d}; {@code ;a=b} with {@code {…}} values; H2's {@code ;A=B} with {@code \;} escapes;
 * Oracle's {@code (KEY=VALUE)} descriptors and MariaDB's {@code address=(…)}), and a property may be
 * percent-encoded. Rather than trust one reading, this returns the union of several: a split at every
 * separator any of the drivers uses, the same after percent-decoding, and the driver's own structure.
 * Reading too much can only refuse a URL; reading too little could let a property through.
 */
final class UrlProperties {
    private static final String SEPARATORS = ";&?()";

    private UrlProperties() {
    }

    /** @return key (trimmed, as written) → value (trimmed) pairs; the same pair may appear once only */
    static List<Map.Entry<String, String>> of(JdbcDriverFamily family, String url) {
        Set<Map.Entry<String, String>> found = new LinkedHashSet<>();
        String rest = url.substring(family.prefixOf(url).length());
        splitEverywhere(rest, found);
        String decoded = percentDecoded(rest);
        if (!decoded.equals(rest)) {
            splitEverywhere(decoded, found);
        }
        if (family == JdbcDriverFamily.SQLSERVER) {
            splitSemicolons(rest, '{', found);
        } else if (family == JdbcDriverFamily.H2) {
            splitSemicolons(rest, '\\', found);
        }
        List<Map.Entry<String, String>> decodedToo = new ArrayList<>(found);
        for (Map.Entry<String, String> entry : found) {
            String key = percentDecoded(entry.getKey());
            String value = percentDecoded(entry.getValue());
            if (!key.equals(entry.getKey()) || !value.equals(entry.getValue())) {
                decodedToo.add(new SimpleImmutableEntry<>(key.trim(), value.trim()));
            }
        }
        return decodedToo;
    }

    private static void splitEverywhere(String text, Set<Map.Entry<String, String>> found) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || SEPARATORS.indexOf(text.charAt(i)) >= 0) {
                add(text.substring(start, i), found);
                start = i + 1;
            }
        }
    }

    /**
     * Splits at {@code ;} the way SQL Server ({@code {…}} protects a value, {@code }}} is a literal
     * brace) or H2 ({@code \} protects the next character) does.
     */
    private static void splitSemicolons(String text, char protector, Set<Map.Entry<String, String>> found) {
        StringBuilder piece = new StringBuilder();
        boolean inBraces = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (protector == '\\' && c == '\\' && i + 1 < text.length()) {
                piece.append(text.charAt(++i));
            } else if (protector == '{' && c == '{' && !inBraces) {
                inBraces = true;
            } else if (protector == '{' && c == '}' && inBraces) {
                if (i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    piece.append('}');
                    i++;
                } else {
                    inBraces = false;
                }
            } else if (c == ';' && !inBraces) {
                add(piece.toString(), found);
                piece.setLength(0);
            } else {
                piece.append(c);
            }
        }
        add(piece.toString(), found);
    }

    private static void add(String piece, Set<Map.Entry<String, String>> found) {
        int equals = piece.indexOf('=');
        if (equals > 0) {
            String key = piece.substring(0, equals).trim();
            if (!key.isEmpty()) {
                found.add(new SimpleImmutableEntry<>(key, piece.substring(equals + 1).trim()));
            }
        }
    }

    /**
     * @return the text with every valid {@code %xx} decoded (as UTF-8) and {@code +} as a space, the
     *     way the drivers' URL decoders read it; invalid sequences stay as they are
     */
    static String percentDecoded(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1)) && isHex(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else if (c == '+') {
                bytes.write(' ');
            } else {
                int codePoint = text.codePointAt(i);
                byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
                i += Character.charCount(codePoint) - 1;
            }
        }
        return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
