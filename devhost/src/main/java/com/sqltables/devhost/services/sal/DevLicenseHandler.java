package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.license.LicenseHandler;
import com.sqltables.devhost.services.HostTables;

import javax.sql.DataSource;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server ID, generated once and kept in the host database like Confluence keeps it, in Confluence's
 * format {@code XXXX-XXXX-XXXX-XXXX}. All nodes of a cluster share it.
 */
public final class DevLicenseHandler implements LicenseHandler {
    static final String SERVER_ID_PROPERTY = "confluence.server.id";
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final DataSource database;
    private volatile String serverId;

    public DevLicenseHandler(DataSource database) {
        this.database = database;
    }

    @Override
    public String getServerId() {
        String id = serverId;
        if (id == null) {
            id = loadOrCreate();
            serverId = id;
        }
        return id;
    }

    private String loadOrCreate() {
        try (Connection connection = database.getConnection()) {
            String existing = read(connection);
            if (existing != null) {
                return existing;
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO " + HostTables.PROPERTY + " (NAME, PROPERTY_VALUE) VALUES (?, ?)")) {
                insert.setString(1, SERVER_ID_PROPERTY);
                insert.setString(2, generate());
                insert.executeUpdate();
            } catch (SQLException e) {
                // Another node created it first: theirs wins, as there is only one server ID per cluster.
                if (!HostTables.isDuplicateKey(e)) {
                    throw e;
                }
            }
            return read(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read or store the server ID: " + e.getMessage(), e);
        }
    }

    private static String read(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT PROPERTY_VALUE FROM " + HostTables.PROPERTY + " WHERE NAME = ?")) {
            select.setString(1, SERVER_ID_PROPERTY);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder(19);
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                id.append('-');
            }
            for (int i = 0; i < 4; i++) {
                id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return id.toString();
    }
}
