package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bundled JDBC drivers, loaded through the plugin's own class loader. Inside Confluence the drivers
 * sit in the plugin bundle, where {@link DriverManager} cannot reliably see them (it checks the caller's
 * class loader, which for pool threads and render threads is not ours), so we never go through it.
 */
public final class JdbcDrivers {
    private static final Logger log = LoggerFactory.getLogger(JdbcDrivers.class);
    private static final Map<JdbcDriverFamily, String> CLASS_NAMES;

    static {
        Map<JdbcDriverFamily, String> names = new EnumMap<>(JdbcDriverFamily.class);
        names.put(JdbcDriverFamily.POSTGRESQL, "org.postgresql.Driver");
        names.put(JdbcDriverFamily.MARIADB, "org.mariadb.jdbc.Driver");
        names.put(JdbcDriverFamily.SQLSERVER, "com.microsoft.sqlserver.jdbc.SQLServerDriver");
        names.put(JdbcDriverFamily.ORACLE, "oracle.jdbc.OracleDriver");
        names.put(JdbcDriverFamily.H2, "org.h2.Driver");
        CLASS_NAMES = Collections.unmodifiableMap(names);
    }

    private static final Map<JdbcDriverFamily, Driver> LOADED = new EnumMap<>(JdbcDriverFamily.class);

    private JdbcDrivers() {
    }

    /** @return the driver class bundled for the family */
    public static String driverClassName(JdbcDriverFamily family) {
        return CLASS_NAMES.get(family);
    }

    /**
     * @return the family's driver, loaded (once) through the plugin's class loader
     * @throws SQLException if the driver class is missing from the bundle or cannot be created
     */
    public static Driver driver(JdbcDriverFamily family) throws SQLException {
        synchronized (LOADED) {
            Driver driver = LOADED.get(family);
            if (driver == null) {
                String className = driverClassName(family);
                try {
                    Class<?> type = Class.forName(className, true, pluginClassLoader());
                    driver = (Driver) type.getDeclaredConstructor().newInstance();
                } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
                    throw new SQLException("The " + family.getDisplayName() + " driver (" + className
                            + ") is not available in this installation of SQL Tables: " + e, "08001", e);
                }
                LOADED.put(family, driver);
            }
            return driver;
        }
    }

    static ClassLoader pluginClassLoader() {
        return JdbcDrivers.class.getClassLoader();
    }

    /** Bundle class loaders implement {@code org.osgi.framework.BundleReference}; checked by name, no import. */
    static boolean isBundleClassLoader(ClassLoader loader) {
        for (Class<?> type = loader == null ? null : loader.getClass(); type != null; type = type.getSuperclass()) {
            for (Class<?> implemented : type.getInterfaces()) {
                if (implemented.getName().equals("org.osgi.framework.BundleReference")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Takes our drivers back out of {@link DriverManager}, where their static initialisers registered
     * them, so that an uninstalled or updated plugin leaves no class loader behind. Only inside an OSGi
     * bundle, where the drivers are the plugin's own: on a shared class path (tests, a dev host without
     * OSGi) other code uses them too.
     */
    public static void deregisterOwnDrivers() {
        ClassLoader ours = pluginClassLoader();
        if (!isBundleClassLoader(ours)) {
            return;
        }
        for (Driver driver : Collections.list(DriverManager.getDrivers())) {
            if (driver.getClass().getClassLoader() == ours) {
                try {
                    DriverManager.deregisterDriver(driver);
                } catch (SQLException | SecurityException e) {
                    log.debug("Could not deregister JDBC driver {}: {}", driver.getClass().getName(), e.toString());
                }
            }
        }
        synchronized (LOADED) {
            LOADED.clear();
        }
    }
}
