package com.sqltables.confluence.settings.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.Interceptor;
import com.sqltables.confluence.ao.testing.Rendezvous;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.host.ao.HostActiveObjects;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class DefaultSettingsStoreTest {
    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultSettingsStore store;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultSettingsStore(ao);
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    @Test
    public void put_thenGet_roundTripsLongAndMultiLineValues() {
        String value = "line 1\nline 2 ünïcødé\n" + "v".repeat(50_000);
        store.put("report.template", value, "admin");
        assertEquals(Optional.of(value), store.get("report.template"));
        assertEquals(Optional.empty(), store.get("never.set"));
    }

    @Test
    public void put_existingKey_overwrites() {
        store.put("report.recipient", "a@example.com", "admin");
        store.put("report.recipient", "b@example.com", "other");
        assertEquals(Optional.of("b@example.com"), store.get("report.recipient"));
        assertEquals(1, ao.count(AppSettingEntity.class));
    }

    @Test
    public void putNull_andRemove_deleteTheSetting() {
        store.put("a", "1", null);
        store.put("b", "2", null);
        store.put("a", null, null);
        assertEquals(Optional.empty(), store.get("a"));
        assertTrue(store.remove("b"));
        assertFalse(store.remove("b"));
        assertEquals(Map.of(), store.getAll());
    }

    @Test
    public void getAll_returnsEverySettingByKey() {
        store.put("b.key", "2", null);
        store.put("a.key", "", null);
        assertEquals(Map.of("a.key", "", "b.key", "2"), store.getAll());
    }

    @Test
    public void invalidKey_namesTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> store.put("Has Spaces", "x", null));
        assertTrue(e.getFieldErrors().get("key").startsWith("must be 1 to 100 lower-case"));
        assertThrows(ValidationException.class, () -> store.get(""));
        assertThrows(ValidationException.class, () -> store.put("k", "x".repeat(DefaultSettingsStore.MAX_VALUE_LENGTH + 1), null));
    }

    @Test
    public void put_raceCreatingTheSameKey_lastWriterWins_withoutError() throws Exception {
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous looked = new Rendezvous();
            // The other node found no row for the key and waits before inserting one.
            ActiveObjects paused = Interceptor.after(otherNode, "find", 1, looked::arriveAndWait);
            Future<?> late = executor.submit(() -> new DefaultSettingsStore(paused).put("race.key", "late", "node-2"));
            looked.awaitArrival();
            store.put("race.key", "early", "node-1");
            looked.release();
            late.get(60, TimeUnit.SECONDS);
        }
        assertEquals(Optional.of("late"), store.get("race.key"));
        assertEquals(1, ao.count(AppSettingEntity.class));
    }
}
