package com.sqltables.confluence.datasource.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Masks secrets in text that may reach a log line, an error box or a JSON answer: JDBC URLs
 * ({@code password=…}, {@code //user:password@host}, Oracle's {@code user/password@}) and driver
 * messages that repeat them. Pass the datasource's password when you have it: it is then masked
 * wherever it appears, whatever the driver wrapped around it.
 */
public final class Secrets {
    /** What a secret is replaced with. */
    public static final String MASK = "****";

    /**
     * {@code name=value} or {@code name: value} where the name ends like a secret's. The value is a
     * {@code {…}} (SQL Server), quoted, or unquoted up to the next separator.
     */
    private static final Pattern NAMED_SECRET = Pattern.compile(
            "(?i)(\\b[A-Za-z0-9_.\\-]*(?:password|passwd|pwd|secret|token)[0-9]*\\s*[=:]\\s*)"
                    + "(\\{(?:[^}]|\\}\\})*\\}|\"[^\"]*\"|'[^']*'|[^\\s;&,)\"']+)");
    private static final Pattern USER_INFO = Pattern.compile("(//[^/:@\\s]*):([^@/\\s]*)@");
    private static final Pattern ORACLE_USER_PASSWORD =
            Pattern.compile("(?i)(jdbc:oracle:[a-z]+:[^/@\\s:]+)/([^@\\s]*)@");

    private Secrets() {
    }

    /**
     * @param text any text, e.g. a JDBC URL or an exception message; may be {@code null}
     * @return the text with secret-looking values replaced by {@value #MASK}
     */
    public static String mask(String text) {
        return mask(text, List.of());
    }

    /**
     * @param text any text; may be {@code null}
     * @param secrets values to mask wherever they appear (and their URL-encoded forms), e.g. the
     *     datasource's decrypted password; {@code null} and empty entries are ignored
     * @return the masked text
     */
    public static String mask(String text, String... secrets) {
        return mask(text, Arrays.asList(secrets));
    }

    /** As {@link #mask(String, String...)}. */
    public static String mask(String text, Collection<String> secrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String masked = text;
        // Longest first, so that a secret containing another is masked whole.
        List<String> ordered = secrets.stream().filter(s -> s != null && !s.isEmpty())
                .sorted(Comparator.comparingInt(String::length).reversed()).collect(Collectors.toList());
        for (String secret : ordered) {
            masked = masked.replace(secret, MASK);
            String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
            if (!encoded.equals(secret)) {
                masked = masked.replace(encoded, MASK);
                masked = masked.replace(encoded.replace("+", "%20"), MASK);
            }
        }
        masked = replaceGroup(NAMED_SECRET, masked, 2);
        masked = replaceGroup(USER_INFO, masked, 2);
        return replaceGroup(ORACLE_USER_PASSWORD, masked, 2);
    }

    private static String replaceGroup(Pattern pattern, String text, int group) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length());
        int last = 0;
        do {
            b.append(text, last, m.start(group)).append(MASK);
            last = m.end(group);
        } while (m.find());
        return b.append(text, last, text.length()).toString();
    }

    /**
     * @return the throwable's message and those of its causes, masked and joined with {@code ": "};
     *     for error boxes and log lines that must not carry a stack trace or a secret
     */
    public static String describe(Throwable failure, String... secrets) {
        StringBuilder b = new StringBuilder();
        List<String> seen = new ArrayList<>();
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 10; t = t.getCause(), depth++) {
            String message = t.getMessage();
            if (message != null && !message.isEmpty() && seen.stream().noneMatch(m -> m.contains(message))) {
                seen.add(message);
                // Masked one by one, so that a value never runs into the next message.
                b.append(b.length() == 0 ? "" : ": ").append(mask(message, secrets));
            }
        }
        return b.length() == 0 ? failure.getClass().getSimpleName() : b.toString();
    }
}
