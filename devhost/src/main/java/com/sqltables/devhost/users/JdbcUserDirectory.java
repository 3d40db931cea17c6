package com.sqltables.devhost.users;

import com.sqltables.devhost.db.Jdbc;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.UserDirectory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users and groups in the {@code DEVHOST_USER}, {@code DEVHOST_GROUP} and {@code DEVHOST_MEMBERSHIP} tables.
 * Usernames are case-insensitive, as in Confluence. Successful password checks are remembered for a few
 * minutes (keyed by a digest of name, password and stored hash) because REST clients send HTTP basic
 * credentials with every request and a PBKDF2 check per request would dominate response times.
 */
public final class JdbcUserDirectory implements UserDirectory {
    private static final long AUTH_CACHE_MILLIS = 5 * 60 * 1000L;
    private static final String USER_COLUMNS = "USER_KEY, USERNAME, FULL_NAME, EMAIL";

    private final Jdbc jdbc;
    private final PasswordHasher hasher;
    private final Map<String, Long> recentlyAuthenticated = new ConcurrentHashMap<>();
    private volatile String unknownUserHash;

    public JdbcUserDirectory(Jdbc jdbc, PasswordHasher hasher) {
        this.jdbc = jdbc;
        this.hasher = hasher;
    }

    @Override
    public Optional<DevUser> byUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.withConnection(c -> loadOne(c, "LOWER_USERNAME = ?", username.toLowerCase(Locale.ROOT)));
    }

    @Override
    public Optional<DevUser> byKey(String userKey) {
        if (userKey == null) {
            return Optional.empty();
        }
        return jdbc.withConnection(c -> loadOne(c, "USER_KEY = ?", userKey));
    }

    @Override
    public Optional<DevUser> authenticate(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<String> stored = jdbc.queryOne("SELECT PASSWORD_HASH FROM DEVHOST_USER WHERE LOWER_USERNAME = ?",
                rs -> rs.getString(1), username.toLowerCase(Locale.ROOT));
        if (stored.isEmpty()) {
            // Spend the same time as for a known user, so response times do not reveal which names exist.
            if (unknownUserHash == null) {
                unknownUserHash = hasher.hash("no such user");
            }
            hasher.matches(password, unknownUserHash);
            return Optional.empty();
        }
        String cacheKey = digest(username.toLowerCase(Locale.ROOT) + '\0' + password + '\0' + stored.get());
        Long until = recentlyAuthenticated.get(cacheKey);
        long now = System.currentTimeMillis();
        if (until == null || until < now) {
            if (!hasher.matches(password, stored.get())) {
                return Optional.empty();
            }
            recentlyAuthenticated.put(cacheKey, now + AUTH_CACHE_MILLIS);
        }
        return byUsername(username);
    }

    @Override
    public List<DevUser> all() {
        return jdbc.withConnection(c -> {
            List<String> keys = Jdbc.query(c, "SELECT USER_KEY FROM DEVHOST_USER ORDER BY LOWER_USERNAME",
                    rs -> rs.getString(1));
            List<DevUser> users = new java.util.ArrayList<>();
            for (String key : keys) {
                loadOne(c, "USER_KEY = ?", key).ifPresent(users::add);
            }
            return users;
        });
    }

    @Override
    public int countLicensedUsers() {
        return jdbc.queryOne("SELECT COUNT(DISTINCT USER_KEY) FROM DEVHOST_MEMBERSHIP WHERE GROUP_NAME IN (?, ?)",
                rs -> rs.getInt(1), Groups.USERS, Groups.ADMINISTRATORS).orElse(0);
    }

    /** Creates the group unless it exists. */
    public static void ensureGroup(Connection c, String group) throws SQLException {
        if (Jdbc.queryOne(c, "SELECT 1 FROM DEVHOST_GROUP WHERE GROUP_NAME = ?", rs -> 1, group).isEmpty()) {
            Jdbc.update(c, "INSERT INTO DEVHOST_GROUP (GROUP_NAME) VALUES (?)", group);
        }
    }

    /**
     * Creates the user with the given groups unless a user of that name exists (then nothing changes).
     *
     * @return whether the user was created
     */
    public boolean ensureUser(Connection c, String username, String fullName, String email, String password,
                              Set<String> groups) throws SQLException {
        String lower = username.toLowerCase(Locale.ROOT);
        if (Jdbc.queryOne(c, "SELECT 1 FROM DEVHOST_USER WHERE LOWER_USERNAME = ?", rs -> 1, lower).isPresent()) {
            return false;
        }
        // Opaque keys like Confluence's user keys (which are not the username either).
        String key = UUID.randomUUID().toString().replace("-", "");
        Jdbc.update(c, "INSERT INTO DEVHOST_USER (USER_KEY, USERNAME, LOWER_USERNAME, FULL_NAME, EMAIL, PASSWORD_HASH, "
                + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?)", key, username, lower, fullName, email,
                hasher.hash(password), Instant.now());
        for (String group : groups) {
            ensureGroup(c, group);
            Jdbc.update(c, "INSERT INTO DEVHOST_MEMBERSHIP (USER_KEY, GROUP_NAME) VALUES (?, ?)", key, group);
        }
        return true;
    }

    private static Optional<DevUser> loadOne(Connection c, String where, Object param) throws SQLException {
        Optional<String[]> row = Jdbc.queryOne(c, "SELECT " + USER_COLUMNS + " FROM DEVHOST_USER WHERE " + where,
                JdbcUserDirectory::row, param);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        String[] r = row.get();
        Set<String> groups = new LinkedHashSet<>(Jdbc.query(c,
                "SELECT GROUP_NAME FROM DEVHOST_MEMBERSHIP WHERE USER_KEY = ? ORDER BY GROUP_NAME",
                rs -> rs.getString(1), r[0]));
        return Optional.of(new DevUser(r[0], r[1], r[2], r[3], groups, groups.contains(Groups.ADMINISTRATORS)));
    }

    private static String[] row(ResultSet rs) throws SQLException {
        return new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)};
    }

    private static String digest(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
