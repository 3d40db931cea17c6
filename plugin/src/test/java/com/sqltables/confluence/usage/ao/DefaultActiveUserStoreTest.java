package com.sqltables.confluence.usage.ao;

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
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
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
public class DefaultActiveUserStoreTest {
    private static final String PERIOD = "2026-11";

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultActiveUserStore store;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultActiveUserStore(ao);
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }

    @Test
    public void record_countsEachUserOncePerPeriod() {
        assertTrue(store.record(PERIOD, hash(1)));
        assertFalse(store.record(PERIOD, hash(1)));
        assertTrue(store.record(PERIOD, hash(2)));
        assertTrue(store.record("2026-12", hash(1)));

        assertEquals(2, store.count(PERIOD));
        assertEquals(1, store.count("2026-12"));
        assertEquals(0, store.count("2027-01"));
    }

    @Test
    public void record_somethingThatIsNotAKeyedHash_isRejected() {
        ValidationException e = assertThrows(ValidationException.class, () -> store.record(PERIOD, "jsmith"));
        assertTrue(e.getFieldErrors().get("userHash").contains("never a user name"));
        assertThrows(ValidationException.class, () -> store.record(PERIOD, hash(0xabcdef).toUpperCase(java.util.Locale.ROOT)));
        assertThrows(ValidationException.class, () -> store.record("11/2026", hash(1)));
        assertEquals(0, store.count(PERIOD));
    }

    @Test
    public void purge_removesOnlyThatPeriod() {
        store.record(PERIOD, hash(1));
        store.record(PERIOD, hash(2));
        store.record("2026-12", hash(1));
        assertEquals(2, store.purge(PERIOD));
        assertEquals(0, store.count(PERIOD));
        assertEquals(1, store.count("2026-12"));
        assertTrue("a purged user can be recorded again", store.record(PERIOD, hash(1)));
    }

    @Test
    public void record_raceOnTheSameUser_countsItOnce_andNeitherCallerFails() throws Exception {
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous checked = new Rendezvous();
            // The other node has seen the user missing and waits before inserting.
            ActiveObjects paused = Interceptor.after(otherNode, "count", 1, checked::arriveAndWait);
            Future<Boolean> late = executor.submit(() -> new DefaultActiveUserStore(paused).record(PERIOD, hash(7)));
            checked.awaitArrival();
            assertTrue(store.record(PERIOD, hash(7)));
            checked.release();

            assertFalse("the unique constraint turned the late insert into 'already recorded'", late.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, store.count(PERIOD));
    }

    @Test
    public void record_concurrentlyFromTwoEntityManagers_countsDistinctUsers() throws Exception {
        int users = 40;
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            List<DefaultActiveUserStore> nodes = List.of(store, new DefaultActiveUserStore(otherNode));
            CyclicBarrier start = new CyclicBarrier(4);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                DefaultActiveUserStore node = nodes.get(t % 2);
                results.add(executor.submit((Callable<Integer>) () -> {
                    start.await(60, TimeUnit.SECONDS);
                    int added = 0;
                    for (int u = 0; u < users; u++) {
                        added += node.record(PERIOD, hash(u)) ? 1 : 0;
                    }
                    return added;
                }));
            }
            int added = 0;
            for (Future<Integer> result : results) {
                added += result.get(300, TimeUnit.SECONDS);
            }
            assertEquals("exactly one caller saw each user as new", users, added);
        }
        assertEquals(users, store.count(PERIOD));
    }
}
