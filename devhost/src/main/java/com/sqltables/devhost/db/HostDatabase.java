package com.sqltables.devhost.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The dev host's own database: a connection pool over H2 (default) or any JDBC URL given with
 * {@code --db-url}. Confluence's tables are emulated by the {@code DEVHOST_*} tables (see {@link HostSchema});
 * Active Objects tables of the plugin live in the same database.
 */
public final class HostDatabase implements AutoCloseable {
    /** The SQL flavours the host schema knows how to write. */
    public enum Dialect {
        H2("CLOB"), POSTGRESQL("TEXT");

        private final String clobType;

        Dialect(String clobType) {
            this.clobType = clobType;
        }

        /** Column type for long text. */
        public String clobType() {
            return clobType;
        }

        static Dialect of(String jdbcUrl) {
            String lower = jdbcUrl.toLowerCase(Locale.ROOT);
            if (lower.startsWith("jdbc:h2:")) {
                return H2;
            }
            if (lower.startsWith("jdbc:postgresql:")) {
                return POSTGRESQL;
            }
            throw new IllegalArgumentException("Unsupported --db-url " + maskUrl(jdbcUrl)
                    + ": the dev host runs on H2 (jdbc:h2:...) or PostgreSQL (jdbc:postgresql:...)");
        }
    }

    private static final Pattern URL_SECRET = Pattern.compile("(?i)(password|pwd|secret)=([^;&]*)");

    private final HikariDataSource pool;
    private final String url;
    private final Dialect dialect;

    private HostDatabase(HikariDataSource pool, String url, Dialect dialect) {
        this.pool = pool;
        this.url = url;
        this.dialect = dialect;
    }

    /**
     * Opens the pool and checks that a connection can be made.
     *
     * @throws IllegalStateException with the masked URL and the driver's message when the database is unreachable
     */
    public static HostDatabase open(String url, String user, String password, String poolName) {
        Dialect dialect = Dialect.of(url);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setPoolName(poolName);
        config.setMaximumPoolSize(10);
        config.setMinimumIdle(1);
        // Fail fast with the driver's own message instead of Hikari's generic pool timeout.
        config.setInitializationFailTimeout(1);
        config.setConnectionTimeout(10_000);
        try {
            return new HostDatabase(new HikariDataSource(config), url, dialect);
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException("Cannot connect to the host database " + maskUrl(url) + ": "
                    + cause.getMessage(), e);
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL with any password-like parameters replaced by {@code ****}, for logs and pages. */
    public static String maskUrl(String url) {
        return url == null ? null : URL_SECRET.matcher(url).replaceAll("$1=****");
    }

    @Override
    public void close() {
        if (dialect == Dialect.H2) {
            // DB_CLOSE_DELAY=-1 keeps an embedded H2 open until SHUTDOWN; release the file lock for the next start.
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // Already closed by someone else sharing the same embedded database: nothing left to release.
            }
        }
        pool.close();
    }
}
