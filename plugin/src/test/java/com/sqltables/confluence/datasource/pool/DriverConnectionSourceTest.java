package com.sqltables.confluence.datasource.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import java.util.Properties;
import org.junit.Test;

public class DriverConnectionSourceTest {

    @Test
    public void create_readOnlyPostgres_forcesReadOnlyModeOverTheAdministratorsSetting() {
        DriverConnectionSource source = DriverConnectionSource.create(ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://db.example/sales", "reporter", "pw", "READONLYMODE=ignore\nssl=true", true, 5_000);

        Properties properties = source.driverProperties();

        assertEquals("always", properties.getProperty("readOnlyMode"));
        assertNull("any spelling of the property is replaced", properties.getProperty("READONLYMODE"));
        assertEquals("true", properties.getProperty("readOnly"));
        assertEquals("true", properties.getProperty("ssl"));
        assertEquals("reporter", properties.getProperty("user"));
        assertEquals("pw", properties.getProperty("password"));
    }

    @Test
    public void create_writablePostgres_leavesReadOnlyPropertiesAlone() {
        DriverConnectionSource source = DriverConnectionSource.create(ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://db.example/sales", null, null, null, false, 5_000);

        Properties properties = source.driverProperties();

        assertNull(properties.getProperty("readOnlyMode"));
        assertNull(properties.getProperty("user"));
        assertNull(properties.getProperty("password"));
    }

    @Test
    public void create_readOnlyMariaDb_forcesSingleStatements() {
        DriverConnectionSource source = DriverConnectionSource.create(ConnectionKind.MARIADB,
                "jdbc:mariadb://db.example/shop", "reporter", "pw", "allowMultiQueries=true", true, 5_000);

        assertEquals("false", source.driverProperties().getProperty("allowMultiQueries"));
    }

    @Test
    public void create_connectTimeout_isSetUnlessTheAdministratorChoseOne() {
        DriverConnectionSource chosen = DriverConnectionSource.create(ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://db.example/sales", null, null, "connectTimeout=3", false, 10_000);
        DriverConnectionSource defaulted = DriverConnectionSource.create(ConnectionKind.MARIADB,
                "jdbc:mariadb://db.example/shop", null, null, null, false, 2_500);

        assertEquals("3", chosen.driverProperties().getProperty("connectTimeout"));
        assertEquals("2500", defaulted.driverProperties().getProperty("connectTimeout"));
    }

    @Test
    public void create_mysqlUrl_isHandedToTheMariaDbDriverInItsOwnScheme() {
        DriverConnectionSource source = DriverConnectionSource.create(ConnectionKind.MYSQL,
                "jdbc:mysql://db.example:3306/shop?useSsl=true", null, null, null, true, 5_000);

        assertEquals(JdbcDriverFamily.MARIADB, source.getFamily());
        assertEquals("jdbc:mariadb://db.example:3306/shop?useSsl=true", source.driverUrl());
    }

    @Test
    public void toString_andMaskedUrl_hideThePassword() {
        DriverConnectionSource source = DriverConnectionSource.create(ConnectionKind.SQLSERVER,
                "jdbc:sqlserver://db.example;databaseName=x;password={Se;cr}}et}", "sa", "hunter2", null, false, 5_000);

        assertFalse(source.toString(), source.toString().contains("Se;cr"));
        assertFalse(source.maskedUrl().contains("hunter2"));
        assertEquals("error for ****", source.mask("error for hunter2"));
    }

    @Test
    public void drivers_areLoadedThroughThePluginsClassLoader() throws Exception {
        for (JdbcDriverFamily family : JdbcDriverFamily.values()) {
            assertEquals(JdbcDrivers.driverClassName(family), JdbcDrivers.driver(family).getClass().getName());
        }
        assertFalse("outside OSGi the drivers are shared and stay registered",
                JdbcDrivers.isBundleClassLoader(JdbcDrivers.class.getClassLoader()));
        assertTrue(JdbcDrivers.driver(JdbcDriverFamily.H2).acceptsURL("jdbc:h2:mem:x"));
    }
}
