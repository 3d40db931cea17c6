package com.sqltables.devhost.datasources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sqltables.devhost.spi.DatasourceDeclaration;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the {@code --datasources FILE} given to the dev host. Two formats, chosen by the file name:
 *
 * <p><b>{@code *.json}</b> — an array, or an object with a {@code datasources} array, of objects with
 * {@code name}, {@code url} (JDBC), optional {@code username}, {@code password} and any further properties:
 * <pre>{@code [ {"name": "sales", "url": "jdbc:postgresql://db:5432/sales", "username": "report",
 *     "password": "secret", "readOnly": true} ]}</pre>
 *
 * <p><b>anything else</b> — Java properties, one key per line, {@code datasource.<name>.<property>}:
 * <pre>
 * datasource.sales.url=jdbc:postgresql://db:5432/sales
 * datasource.sales.username=report
 * datasource.sales.password=secret
 * datasource.sales.readOnly=true
 * </pre>
 *
 * <p>Names are 1–64 letters, digits, {@code -} or {@code _}, unique ignoring case. Every problem is reported
 * with the file and the datasource, never with the password.
 */
public final class DatasourceFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");
    private static final Pattern PROPERTY_KEY = Pattern.compile("datasource\\.([^.]+)\\.(.+)");
    private static final String URL = "url";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";

    private DatasourceFile() {
    }

    /**
     * @throws IllegalArgumentException with a message naming the file and what is wrong
     */
    public static List<DatasourceDeclaration> read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--datasources " + file + ": no such file");
        }
        try {
            List<Map<String, String>> raw = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? readJson(file) : readProperties(file);
            return validate(file, raw);
        } catch (IOException e) {
            throw new IllegalArgumentException("--datasources " + file + ": cannot read: " + e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> readProperties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, Map<String, String>> byName = new LinkedHashMap<>();
        for (String key : new java.util.TreeSet<>(properties.stringPropertyNames())) {
            Matcher m = PROPERTY_KEY.matcher(key);
            if (!m.matches()) {
                throw new IllegalArgumentException("--datasources " + file + ": key '" + key
                        + "' is not of the form datasource.<name>.<property>");
            }
            byName.computeIfAbsent(m.group(1), n -> new LinkedHashMap<>(Map.of("name", n)))
                    .put(m.group(2), properties.getProperty(key).trim());
        }
        return new ArrayList<>(byName.values());
    }

    private static List<Map<String, String>> readJson(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("--datasources " + file + ": not valid JSON: " + e.getOriginalMessage()
                    + " at line " + e.getLocation().getLineNr(), e);
        }
        JsonNode array = root != null && root.isObject() ? root.get("datasources") : root;
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("--datasources " + file
                    + ": expected a JSON array of datasources, or an object with a \"datasources\" array");
        }
        List<Map<String, String>> result = new ArrayList<>();
        int index = 0;
        for (JsonNode entry : array) {
            if (!entry.isObject()) {
                throw new IllegalArgumentException("--datasources " + file + ": entry " + index + " is not an object");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : entry.properties()) {
                if (field.getValue().isContainerNode()) {
                    throw new IllegalArgumentException("--datasources " + file + ": entry " + index + ", property '"
                            + field.getKey() + "' must be a string, number or boolean");
                }
                values.put(field.getKey(), field.getValue().isNull() ? null : field.getValue().asText());
            }
            result.add(values);
            index++;
        }
        return result;
    }

    private static List<DatasourceDeclaration> validate(Path file, List<Map<String, String>> raw) {
        List<DatasourceDeclaration> result = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map<String, String> values : raw) {
            Map<String, String> rest = new LinkedHashMap<>(values);
            String name = rest.remove("name");
            String where = "--datasources " + file + ": datasource '" + (name == null ? "?" : name) + "'";
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(where + ": the name must be 1-64 letters, digits, '-' or '_'");
            }
            if (seen.put(name.toLowerCase(Locale.ROOT), name) != null) {
                throw new IllegalArgumentException(where + ": declared twice");
            }
            String url = rest.remove(URL);
            if (url == null || !url.startsWith("jdbc:")) {
                throw new IllegalArgumentException(where + ": 'url' must be a JDBC URL (jdbc:...)");
            }
            String username = rest.remove(USERNAME);
            String password = rest.remove(PASSWORD);
            result.add(new DatasourceDeclaration(name, url, username, password, rest));
        }
        return result;
    }
}
