package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.security.ConnectionProperties;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import com.sqltables.confluence.datasource.security.Secrets;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that opens connections straight from a bundled {@link Driver} — never through
 * {@code DriverManager} — with the datasource's URL and properties plus what the app adds: user and
 * password, a connect timeout, an application name, and for read-only datasources the properties of
 * {@link ReadOnlySupport} (which override the administrator's). The password lives only in the
 * properties held here; {@link #toString()} shows the masked URL.
 */
public final class DriverConnectionSource implements DataSource {
    static final String APPLICATION_NAME = "SQL Tables for Confluence";

    private final JdbcDriverFamily family;
    private final String driverUrl;
    private final Properties properties;
    private final String password;
    private volatile int loginTimeoutSeconds;

    private DriverConnectionSource(JdbcDriverFamily family, String driverUrl, Properties properties, String password) {
        this.family = family;
        this.driverUrl = driverUrl;
        this.properties = properties;
        this.password = password;
    }

    /**
     * @param kind the datasource's kind; picks the driver
     * @param jdbcUrl the URL, already checked by {@code JdbcUrlPolicy}
     * @param username the user, or {@code null}
     * @param password the plain password, or {@code null}
     * @param connectionProperties the extra properties text, already checked, or {@code null}
     * @param readOnly whether to add the read-only properties
     * @param connectTimeoutMs how long opening a connection may take; used unless the properties set
     *     the driver's own timeout
     */
    public static DriverConnectionSource create(ConnectionKind kind, String jdbcUrl, String username, String password,
                                                String connectionProperties, boolean readOnly, int connectTimeoutMs) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        JdbcDriverFamily family = JdbcDriverFamily.of(kind);
        Properties properties = ConnectionProperties.toProperties(connectionProperties);
        addDefaults(family, properties, connectTimeoutMs);
        if (readOnly) {
            for (Map.Entry<String, String> forced : ReadOnlySupport.of(family).getForcedProperties().entrySet()) {
                putReplacing(properties, forced.getKey(), forced.getValue());
            }
        }
        if (username != null) {
            putReplacing(properties, "user", username);
        }
        if (password != null) {
            putReplacing(properties, "password", password);
        }
        return new DriverConnectionSource(family, driverUrl(family, jdbcUrl), properties, password);
    }

    /**
     * MariaDB Connector/J 3 answers {@code jdbc:mysql:} URLs only when they carry
     * {@code permitMysqlScheme}; a MySQL datasource is served by the same driver, so we hand it the
     * {@code jdbc:mariadb:} form of the same URL.
     */
    private static String driverUrl(JdbcDriverFamily family, String jdbcUrl) {
        if (family == JdbcDriverFamily.MARIADB && jdbcUrl.startsWith("jdbc:mysql:")) {
            return "jdbc:mariadb:" + jdbcUrl.substring("jdbc:mysql:".length());
        }
        return jdbcUrl;
    }

    private static void addDefaults(JdbcDriverFamily family, Properties properties, int connectTimeoutMs) {
        int seconds = Math.max(1, (connectTimeoutMs + 999) / 1000);
        switch (family) {
            case POSTGRESQL:
                putIfAbsent(properties, "connectTimeout", Integer.toString(seconds));
                putIfAbsent(properties, "loginTimeout", Integer.toString(seconds));
                putIfAbsent(properties, "ApplicationName", APPLICATION_NAME);
                break;
            case MARIADB:
                putIfAbsent(properties, "connectTimeout", Integer.toString(connectTimeoutMs));
                break;
            case SQLSERVER:
                putIfAbsent(properties, "loginTimeout", Integer.toString(seconds));
                putIfAbsent(properties, "applicationName", APPLICATION_NAME);
                break;
            case ORACLE:
                putIfAbsent(properties, "oracle.net.CONNECT_TIMEOUT", Integer.toString(connectTimeoutMs));
                break;
            default:
                break;
        }
    }

    private static void putIfAbsent(Properties properties, String name, String value) {
        if (findKey(properties, name) == null) {
            properties.setProperty(name, value);
        }
    }

    /** Drivers differ in whether property names ignore case, so any spelling of the name is replaced. */
    private static void putReplacing(Properties properties, String name, String value) {
        for (String existing = findKey(properties, name); existing != null; existing = findKey(properties, name)) {
            properties.remove(existing);
        }
        properties.setProperty(name, value);
    }

    private static String findKey(Properties properties, String name) {
        for (String key : properties.stringPropertyNames()) {
            if (key.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return key;
            }
        }
        return null;
    }

    /** @return the URL handed to the driver */
    String driverUrl() {
        return driverUrl;
    }

    /** @return a copy of the properties handed to the driver (password included) */
    Properties driverProperties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /** @return the driver family this source connects with */
    public JdbcDriverFamily getFamily() {
        return family;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(properties);
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        Properties copy = new Properties();
        copy.putAll(properties);
        if (username != null) {
            putReplacing(copy, "user", username);
        }
        if (password != null) {
            putReplacing(copy, "password", password);
        }
        return connect(copy);
    }

    private Connection connect(Properties connectProperties) throws SQLException {
        Driver driver = JdbcDrivers.driver(family);
        // Some drivers look up their own helpers (SSL, authentication, encoders) through the context
        // class loader; the pool's and Confluence's threads have other loaders.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(JdbcDrivers.pluginClassLoader());
        try {
            Connection connection = driver.connect(driverUrl, connectProperties);
            if (connection == null) {
                throw new SQLException("The " + family.getDisplayName() + " driver does not accept the URL "
                        + maskedUrl(), "08001");
            }
            return connection;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** @return the URL with any secret in it masked, for messages and logs */
    public String maskedUrl() {
        return Secrets.mask(driverUrl, password);
    }

    /** @return the text with this source's password and any secret-looking values masked */
    public String mask(String text) {
        return Secrets.mask(text, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // Driver logging goes through the drivers' own loggers.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeoutSeconds = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeoutSeconds;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no java.util.logging parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    /** Shown by the pool's configuration log: the masked URL only. */
    @Override
    public String toString() {
        return "DriverConnectionSource{" + family.getDisplayName() + ", " + maskedUrl() + "}";
    }
}
