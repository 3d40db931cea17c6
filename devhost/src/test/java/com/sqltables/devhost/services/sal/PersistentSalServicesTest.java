package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.pluginsettings.PluginSettings;
import com.sqltables.devhost.plugins.testing.TestEnvironment;
import com.sqltables.devhost.services.HostTables;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Services that keep state in the host database, tested across a restart (a new H2 connection to the same file). */
public class PersistentSalServicesTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final List<DataSource> opened = new ArrayList<>();

    /** Databases stay open until shut down (DB_CLOSE_DELAY=-1): shut down what a test left open. */
    @After
    public void shutdownDatabases() {
        for (DataSource database : new ArrayList<>(opened)) {
            try {
                shutdown(database);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private DataSource fileDatabase() {
        DataSource database = TestEnvironment.h2("jdbc:h2:file:" + temp.getRoot().toPath().resolve("host") + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1");
        HostTables.ensure(database);
        opened.add(database);
        return database;
    }

    private void shutdown(DataSource database) throws Exception {
        try (var connection = database.getConnection(); var statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        opened.remove(database);
    }

    @Test
    public void pluginSettings_persistAllSalValueTypesAcrossRestart() throws Exception {
        DataSource before = fileDatabase();
        PluginSettings global = new DevPluginSettingsFactory(before).createGlobalSettings();
        Properties properties = new Properties();
        properties.setProperty("a", "1");
        global.put("text", "hello");
        global.put("list", List.of("x", "y", 3));
        global.put("map", Map.of("k", "v"));
        global.put("props", properties);
        new DevPluginSettingsFactory(before).createSettingsForKey("SPACE").put("text", "space value");
        shutdown(before);

        DataSource after = fileDatabase();
        PluginSettings reopened = new DevPluginSettingsFactory(after).createGlobalSettings();

        assertEquals("hello", reopened.get("text"));
        assertEquals(List.of("x", "y", "3"), reopened.get("list"));
        assertEquals(Map.of("k", "v"), reopened.get("map"));
        assertEquals(properties, reopened.get("props"));
        assertEquals("space value", new DevPluginSettingsFactory(after).createSettingsForKey("SPACE").get("text"));
        assertNull(new DevPluginSettingsFactory(after).createSettingsForKey("OTHER").get("text"));
        shutdown(after);
    }

    @Test
    public void pluginSettings_putReturnsPreviousAndNullRemoves() {
        PluginSettings settings = new DevPluginSettingsFactory(fileDatabase()).createGlobalSettings();

        assertNull(settings.put("k", "one"));
        assertEquals("one", settings.put("k", "two"));
        assertEquals("two", settings.put("k", null));
        assertNull(settings.get("k"));
        assertNull(settings.remove("k"));
    }

    @Test
    public void pluginSettings_refuseWhatSalRefuses() {
        PluginSettings settings = new DevPluginSettingsFactory(fileDatabase()).createGlobalSettings();

        expectIllegalArgument(() -> settings.put("k", 42));
        expectIllegalArgument(() -> settings.put("k".repeat(101), "too long a key in developer mode"));
        expectIllegalArgument(() -> settings.get(null));
        settings.put("k".repeat(100), "exactly 100 characters is fine");
    }

    private static void expectIllegalArgument(Runnable action) {
        try {
            action.run();
            fail("SAL refuses this");
        } catch (IllegalArgumentException expected) {
            // As SAL.
        }
    }

    @Test
    public void serverId_hasConfluenceFormatAndSurvivesRestart() throws Exception {
        DataSource before = fileDatabase();
        String id = new DevLicenseHandler(before).getServerId();
        shutdown(before);

        DataSource after = fileDatabase();
        assertTrue(id, id.matches("[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}"));
        assertEquals(id, new DevLicenseHandler(after).getServerId());
        shutdown(after);
    }

    @Test
    public void serverId_twoNodesCreatingAtOnceAgreeOnOne() throws Exception {
        DataSource database = fileDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<String> node = () -> {
                start.await();
                return new DevLicenseHandler(database).getServerId();
            };
            ids.add(pool.submit(node));
        }
        start.countDown();
        Set<String> distinct = ConcurrentHashMap.newKeySet();
        for (Future<String> id : ids) {
            distinct.add(id.get());
        }
        pool.shutdown();

        assertEquals(1, distinct.size());
    }
}
