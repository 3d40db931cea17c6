package com.sqltables.devhost.plugins.testing;

import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.SmtpSettings;
import com.sqltables.devhost.spi.UserDirectory;
import org.h2.jdbcx.JdbcDataSource;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A host environment for plugin-system tests: a data directory, a real database, the demo users. */
public final class TestEnvironment implements HostEnvironment {
    public static final DevUser ADMIN = new DevUser("key-admin", "admin", "Administrator", "admin@example.com",
            Set.of("confluence-administrators", "confluence-users"), true);
    public static final DevUser AUTHOR = new DevUser("key-author", "author", "Page Author", "author@example.com",
            Set.of("confluence-users"), false);
    public static final DevUser VIEWER = new DevUser("key-viewer", "viewer", "Viewer", "viewer@example.com",
            Set.of("confluence-users"), false);
    public static final DevUser OUTSIDER = new DevUser("key-outsider", "outsider", "Outsider", "outsider@example.com",
            Set.of(), false);

    private final Path dataDir;
    private final String nodeId;
    private final DataSource database;
    private final String databaseUrl;
    private volatile SmtpSettings smtp;

    public TestEnvironment(Path dataDir, String nodeId, DataSource database, String databaseUrl) {
        this.dataDir = dataDir;
        this.nodeId = nodeId;
        this.database = database;
        this.databaseUrl = databaseUrl;
    }

    /** A fresh in-memory H2 database, kept while the JVM lives (two environments can share it by URL). */
    public static String newH2MemoryUrl() {
        return "jdbc:h2:mem:devhost-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    public static DataSource h2(String url) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        source.setPassword("");
        return source;
    }

    public static TestEnvironment h2(Path dataDir) {
        String url = newH2MemoryUrl();
        return new TestEnvironment(dataDir, "node-1", h2(url), url);
    }

    public TestEnvironment withSmtp(SmtpSettings settings) {
        this.smtp = settings;
        return this;
    }

    @Override
    public Path dataDir() {
        return dataDir;
    }

    @Override
    public String nodeId() {
        return nodeId;
    }

    @Override
    public String baseUrl() {
        return "http://localhost:1990/confluence";
    }

    @Override
    public DataSource database() {
        return database;
    }

    @Override
    public String databaseUrl() {
        return databaseUrl;
    }

    @Override
    public UserDirectory users() {
        return new UserDirectory() {
            private final List<DevUser> all = List.of(ADMIN, AUTHOR, VIEWER, OUTSIDER);

            @Override
            public Optional<DevUser> byUsername(String username) {
                return all.stream().filter(u -> u.username().equals(username)).findFirst();
            }

            @Override
            public Optional<DevUser> byKey(String userKey) {
                return all.stream().filter(u -> u.key().equals(userKey)).findFirst();
            }

            @Override
            public Optional<DevUser> authenticate(String username, String password) {
                return byUsername(username).filter(u -> u.username().equals(password));
            }

            @Override
            public List<DevUser> all() {
                return all;
            }

            @Override
            public int countLicensedUsers() {
                return (int) all.stream().filter(u -> u.systemAdmin() || u.groups().contains("confluence-users")).count();
            }
        };
    }

    @Override
    public SmtpSettings smtp() {
        return smtp;
    }

    @Override
    public String productVersion() {
        return "8.5.16";
    }

    @Override
    public String buildNumber() {
        return "9012";
    }
}
