package com.sqltables.confluence.macro;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a one-value-per-line corpus ({@code /corpus/injection-values.txt}, {@code /corpus/xss-payloads.txt}):
 * {@code \n \r \t \\} and {@code \\uXXXX} are decoded, any other backslash is kept; lines starting with
 * {@code "# "} are comments; empty lines are skipped.
 */
final class LineCorpus {
    private LineCorpus() {
    }

    static List<String> read(String resource) {
        String text;
        try (InputStream in = LineCorpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No corpus " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) {
                continue;
            }
            values.add(decode(line));
        }
        return values;
    }

    private static String decode(String line) {
        StringBuilder b = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c != '\\' || i + 1 >= line.length()) {
                b.append(c);
                continue;
            }
            char next = line.charAt(i + 1);
            switch (next) {
                case 'n':
                    b.append('\n');
                    i++;
                    break;
                case 'r':
                    b.append('\r');
                    i++;
                    break;
                case 't':
                    b.append('\t');
                    i++;
                    break;
                case '\\':
                    b.append('\\');
                    i++;
                    break;
                case 'u':
                    if (i + 5 < line.length() && line.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                        b.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                        i += 5;
                    } else {
                        b.append(c);
                    }
                    break;
                default:
                    b.append(c);
                    break;
            }
        }
        return b.toString();
    }
}
