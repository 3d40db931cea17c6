package com.sqltables.devhost.datasources;

import com.sqltables.devhost.spi.DatasourceDeclaration;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A datasource as the dev host registers it with the plugin: what an administrator would type into the
 * plugin's datasource form. Built for the demo datasource or from a {@code --datasources} declaration.
 */
public record DatasourceSpec(String name, String description, String kind, String jdbcUrl, String username,
                             String password, String connectionProperties, boolean readOnly, boolean inlineSqlAllowed,
                             Integer maxRows, Integer poolSize, Integer queryTimeoutSeconds,
                             List<String> allowedSpaces, List<String> allowedGroups) {
    public DatasourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        allowedSpaces = List.copyOf(allowedSpaces);
        allowedGroups = List.copyOf(allowedGroups);
    }

    /**
     * Reads a declaration's further properties: {@code kind} (else guessed from the URL), {@code description},
     * {@code readOnly} (default true), {@code inlineSqlAllowed} (default false), {@code maxRows}, {@code poolSize},
     * {@code queryTimeoutSeconds}, {@code connectionProperties}, and comma-separated {@code allowedSpaces} and
     * {@code allowedGroups} (empty: all spaces, everyone; see the plugin's security model).
     *
     * @throws IllegalArgumentException naming the datasource and the property that is wrong
     */
    public static DatasourceSpec fromDeclaration(DatasourceDeclaration d) {
        Map<String, String> p = d.properties();
        String kind = p.containsKey("kind") ? p.get("kind").trim().toUpperCase(Locale.ROOT) : kindOf(d.jdbcUrl(), d.name());
        return new DatasourceSpec(d.name(), p.get("description"), kind, d.jdbcUrl(), d.username(), d.password(),
                p.get("connectionProperties"), bool(p, "readOnly", true, d.name()), bool(p, "inlineSqlAllowed", false, d.name()),
                integer(p, "maxRows", d.name()), integer(p, "poolSize", d.name()), integer(p, "queryTimeoutSeconds", d.name()),
                list(p.get("allowedSpaces")), list(p.get("allowedGroups")));
    }

    /** The plugin's {@code ConnectionKind} for a JDBC URL's sub-protocol. */
    static String kindOf(String jdbcUrl, String name) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        String[][] prefixes = {{"jdbc:postgresql:", "POSTGRESQL"}, {"jdbc:mariadb:", "MARIADB"}, {"jdbc:mysql:", "MYSQL"},
                {"jdbc:sqlserver:", "SQLSERVER"}, {"jdbc:oracle:", "ORACLE"}, {"jdbc:h2:", "H2"}};
        for (String[] prefix : prefixes) {
            if (url.startsWith(prefix[0])) {
                return prefix[1];
            }
        }
        throw new IllegalArgumentException("datasource " + name + ": cannot tell the database from its URL; add a 'kind'"
                + " property (POSTGRESQL, MARIADB, MYSQL, SQLSERVER, ORACLE or H2)");
    }

    private static boolean bool(Map<String, String> p, String key, boolean fallback, String name) {
        String value = p.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        if (!value.trim().equalsIgnoreCase("true") && !value.trim().equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("datasource " + name + ": '" + key + "' must be true or false (was '" + value + "')");
        }
        return Boolean.parseBoolean(value.trim());
    }

    private static Integer integer(Map<String, String> p, String key, String name) {
        String value = p.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("datasource " + name + ": '" + key + "' must be a whole number (was '" + value + "')");
        }
    }

    private static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toList());
    }

    @Override
    public String toString() {
        return "DatasourceSpec[" + name + " " + kind + (password == null ? "" : " password=****") + "]";
    }
}
