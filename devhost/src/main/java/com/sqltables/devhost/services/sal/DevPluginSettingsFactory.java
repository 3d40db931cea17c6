package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sqltables.devhost.services.HostTables;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * SAL plugin settings in the host database, cluster-wide like Confluence's Bandana. Accepts exactly what SAL
 * accepts (String, List, Map and Properties; list items and map entries are stored as strings), rejects
 * keys longer than 100 characters as SAL does in developer mode (AMPS runs Confluence in developer mode),
 * and treats {@code put(key, null)} as a removal.
 */
public final class DevPluginSettingsFactory implements PluginSettingsFactory {
    static final String GLOBAL_NAMESPACE = "#global";
    static final int MAX_KEY_LENGTH_DEV_MODE = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource database;

    public DevPluginSettingsFactory(DataSource database) {
        this.database = database;
    }

    @Override
    public PluginSettings createSettingsForKey(String key) {
        return key == null ? createGlobalSettings() : new Settings(key);
    }

    @Override
    public PluginSettings createGlobalSettings() {
        return new Settings(GLOBAL_NAMESPACE);
    }

    private final class Settings implements PluginSettings {
        private final String namespace;

        Settings(String namespace) {
            this.namespace = namespace;
        }

        @Override
        public Object get(String key) {
            checkKey(key, false);
            try (Connection connection = database.getConnection();
                 PreparedStatement select = connection.prepareStatement("SELECT VALUE_TYPE, SETTING_VALUE FROM "
                         + HostTables.PLUGIN_SETTING + " WHERE NAMESPACE = ? AND SETTING_KEY = ?")) {
                select.setString(1, namespace);
                select.setString(2, key);
                try (ResultSet row = select.executeQuery()) {
                    return row.next() ? decode(row.getString(1), row.getString(2)) : null;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read plugin setting '" + key + "': " + e.getMessage(), e);
            }
        }

        @Override
        public Object put(String key, Object value) {
            checkKey(key, true);
            if (value == null) {
                return remove(key);
            }
            String[] encoded = encode(value);
            Object previous = get(key);
            try (Connection connection = database.getConnection()) {
                int updated;
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + HostTables.PLUGIN_SETTING
                        + " SET VALUE_TYPE = ?, SETTING_VALUE = ? WHERE NAMESPACE = ? AND SETTING_KEY = ?")) {
                    update.setString(1, encoded[0]);
                    update.setString(2, encoded[1]);
                    update.setString(3, namespace);
                    update.setString(4, key);
                    updated = update.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HostTables.PLUGIN_SETTING
                            + " (NAMESPACE, SETTING_KEY, VALUE_TYPE, SETTING_VALUE) VALUES (?, ?, ?, ?)")) {
                        insert.setString(1, namespace);
                        insert.setString(2, key);
                        insert.setString(3, encoded[0]);
                        insert.setString(4, encoded[1]);
                        insert.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot store plugin setting '" + key + "': " + e.getMessage(), e);
            }
            return previous;
        }

        @Override
        public Object remove(String key) {
            checkKey(key, false);
            Object previous = get(key);
            if (previous != null) {
                try (Connection connection = database.getConnection();
                     PreparedStatement delete = connection.prepareStatement("DELETE FROM " + HostTables.PLUGIN_SETTING
                             + " WHERE NAMESPACE = ? AND SETTING_KEY = ?")) {
                    delete.setString(1, namespace);
                    delete.setString(2, key);
                    delete.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("Cannot remove plugin setting '" + key + "': " + e.getMessage(), e);
                }
            }
            return previous;
        }
    }

    private static void checkKey(String key, boolean writing) {
        if (key == null) {
            throw new IllegalArgumentException("The plugin settings key cannot be null");
        }
        if (writing && key.length() > MAX_KEY_LENGTH_DEV_MODE) {
            throw new IllegalArgumentException("The plugin settings key cannot be more than " + MAX_KEY_LENGTH_DEV_MODE
                    + " characters in developer mode (key: " + key + ")");
        }
    }

    private static String[] encode(Object value) {
        try {
            if (value instanceof Properties) {
                StringWriter writer = new StringWriter();
                ((Properties) value).store(writer, null);
                return new String[] {"properties", writer.toString()};
            }
            if (value instanceof String) {
                return new String[] {"string", (String) value};
            }
            if (value instanceof List) {
                List<String> items = new ArrayList<>();
                for (Object item : (List<?>) value) {
                    items.add(String.valueOf(item));
                }
                return new String[] {"list", JSON.writeValueAsString(items)};
            }
            if (value instanceof Map) {
                Map<String, String> entries = new LinkedHashMap<>();
                for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                    entries.put(String.valueOf(entry.getKey()), String.valueOf(entry.getValue()));
                }
                return new String[] {"map", JSON.writeValueAsString(entries)};
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalArgumentException("Property type: " + value.getClass() + " not supported (SAL plugin settings take"
                + " String, List, Map or Properties)");
    }

    private static Object decode(String type, String text) {
        try {
            switch (type) {
                case "string":
                    return text;
                case "list":
                    return JSON.readValue(text, new TypeReference<ArrayList<String>>() { });
                case "map":
                    return JSON.readValue(text, new TypeReference<HashMap<String, String>>() { });
                case "properties":
                    Properties properties = new Properties();
                    properties.load(new StringReader(text));
                    return properties;
                default:
                    throw new IllegalStateException("Unknown stored plugin setting type " + type);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored plugin setting is corrupt: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
