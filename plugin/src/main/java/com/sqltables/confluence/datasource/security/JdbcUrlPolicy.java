package com.sqltables.confluence.datasource.security;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.ConnectionKind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a datasource's JDBC URL and extra connection properties are safe to hand to a
 * driver inside Confluence. Allowed: only the bundled drivers' URL prefixes; refused, naming the
 * property: every URL or connection property known to let the URL's author load classes, run code or
 * SQL, read or write files on the Confluence server, use Confluence's own identity, or weaken the
 * read-only protection — and any password written into the URL or properties, which are stored
 * unencrypted. H2 is allowed in memory only ({@code jdbc:h2:mem:}). Reasons and sources per property
 * are in {@code docs/JDBC-URL-HARDENING.md}.
 *
 * <p>The checks read properties in each driver's syntax, ignore case, decode {@code %xx}, and also
 * split at every separator any driver uses, so a property hidden by another driver's syntax is found.
 */
public final class JdbcUrlPolicy {
    /** Field names reported in {@link ValidationException#getFieldErrors()}, as in the datasource settings. */
    public static final String URL_FIELD = "jdbcUrl";
    public static final String PROPERTIES_FIELD = "connectionProperties";

    /** {@code //user:password@host}, as MySQL and some other drivers accept. */
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("//[^/?;@\\s]*:[^/?;@\\s]*@");
    /** {@code jdbc:oracle:thin:user/password@…}. */
    private static final Pattern ORACLE_PASSWORD = Pattern.compile("[^@/()\\s]+/[^@\\s]*@.*", Pattern.DOTALL);

    private JdbcUrlPolicy() {
    }

    /**
     * Checks a URL against the datasource's kind: the URL must belong to the kind's driver.
     *
     * @param kind the datasource's kind, or {@code null} to accept any bundled driver
     * @param jdbcUrl the URL as it will be given to the driver
     * @param connectionProperties the extra properties text ({@code key=value} lines), or {@code null}
     * @throws ValidationException naming {@value #URL_FIELD} and/or {@value #PROPERTIES_FIELD}, with the
     *     offending property and why it is refused
     */
    public static void validate(ConnectionKind kind, String jdbcUrl, String connectionProperties) {
        FieldErrors errors = new FieldErrors();
        Optional<JdbcDriverFamily> family = checkUrl(errors, kind, jdbcUrl);
        if (family.isPresent()) {
            checkProperties(errors, family.get(), connectionProperties);
        }
        errors.throwIfAny();
    }

    /** As {@link #validate(ConnectionKind, String, String)}, with the driver taken from the URL. */
    public static void validate(String jdbcUrl, String connectionProperties) {
        validate(null, jdbcUrl, connectionProperties);
    }

    /**
     * Properties the pool must pass to the driver on top of (and overriding) the datasource's own,
     * because the driver's default is unsafe: MariaDB Connector/J 3.x allows {@code LOAD DATA LOCAL
     * INFILE} unless told otherwise.
     *
     * @return property name → value; empty when the driver's defaults are safe
     */
    public static Map<String, String> enforcedProperties(JdbcDriverFamily family) {
        if (family == JdbcDriverFamily.MARIADB) {
            return Map.of("allowLocalInfile", "false", "allowMultiQueries", "false");
        }
        return Map.of();
    }

    private static Optional<JdbcDriverFamily> checkUrl(FieldErrors errors, ConnectionKind kind, String url) {
        if (url == null || url.trim().isEmpty()) {
            errors.add(URL_FIELD, "is required");
            return Optional.empty();
        }
        for (int i = 0; i < url.length(); i++) {
            if (Character.isISOControl(url.charAt(i))) {
                errors.add(URL_FIELD, "must be a single line without control characters");
                return Optional.empty();
            }
        }
        Optional<JdbcDriverFamily> family = JdbcDriverFamily.forUrl(url);
        if (!family.isPresent()) {
            errors.add(URL_FIELD, "must start with one of " + allPrefixes() + " (the bundled drivers)");
            return Optional.empty();
        }
        if (kind != null && JdbcDriverFamily.of(kind) != family.get()) {
            JdbcDriverFamily expected = JdbcDriverFamily.of(kind);
            errors.add(URL_FIELD, "must start with " + String.join(" or ", expected.getPrefixes()) + " for a "
                    + expected.getDisplayName() + " datasource");
            return Optional.empty();
        }
        String rest = url.substring(family.get().prefixOf(url).length());
        Optional<String> structural = structuralProblem(family.get(), url, rest);
        if (structural.isPresent()) {
            errors.add(URL_FIELD, structural.get());
            return family;
        }
        for (Map.Entry<String, String> property : UrlProperties.of(family.get(), url)) {
            Optional<String> problem =
                    DangerousProperties.problem(family.get(), property.getKey(), property.getValue());
            if (problem.isPresent()) {
                errors.add(URL_FIELD, describe(property.getKey(), problem.get()));
                return family;
            }
        }
        // H2 runs scripts only through INIT (refused above); a RUNSCRIPT hidden in any other value is
        // still a sign of an attempt, and refusing it costs nothing.
        if (family.get() == JdbcDriverFamily.H2
                && UrlProperties.percentDecoded(url).toUpperCase(Locale.ROOT).contains("RUNSCRIPT")) {
            errors.add(URL_FIELD, describe("RUNSCRIPT", DangerousProperties.SQL));
        }
        return family;
    }

    private static Optional<String> structuralProblem(JdbcDriverFamily family, String url, String rest) {
        if (USER_INFO_PASSWORD.matcher(rest).find()
                || family == JdbcDriverFamily.ORACLE && ORACLE_PASSWORD.matcher(rest).matches()) {
            return Optional.of("contains a password: " + DangerousProperties.SECRET);
        }
        if (family == JdbcDriverFamily.H2) {
            if (!rest.startsWith("mem:")) {
                return Optional.of("may only name an in-memory H2 database (jdbc:h2:mem:…): a file database lets the"
                        + " datasource read and write files on the Confluence server, and an H2 server (tcp:, ssl:)"
                        + " can send Java objects that Confluence would deserialize");
            }
        }
        if (family == JdbcDriverFamily.ORACLE && rest.trim().toLowerCase(Locale.ROOT).startsWith("@config-")) {
            return Optional.of("must not use an Oracle configuration provider (@config-…): "
                    + DangerousProperties.PROVIDER);
        }
        return Optional.empty();
    }

    private static void checkProperties(FieldErrors errors, JdbcDriverFamily family, String text) {
        List<Map.Entry<String, String>> entries;
        try {
            entries = ConnectionProperties.entries(text);
        } catch (IllegalArgumentException e) {
            errors.add(PROPERTIES_FIELD, "must be key=value lines (a \\u escape is malformed)");
            return;
        }
        for (Map.Entry<String, String> entry : entries) {
            Optional<String> problem = DangerousProperties.problem(family, entry.getKey(), entry.getValue());
            if (problem.isPresent()) {
                errors.add(PROPERTIES_FIELD, describe(entry.getKey(), problem.get()));
                return;
            }
        }
    }

    private static String describe(String property, String reason) {
        String shown = property.length() > 60 ? property.substring(0, 60) + "…" : property;
        return "must not set " + shown + ": " + reason;
    }

    private static String allPrefixes() {
        StringBuilder b = new StringBuilder();
        for (JdbcDriverFamily family : JdbcDriverFamily.values()) {
            for (String prefix : family.getPrefixes()) {
                b.append(b.length() == 0 ? "" : ", ").append(prefix);
            }
        }
        return b.toString();
    }
}
