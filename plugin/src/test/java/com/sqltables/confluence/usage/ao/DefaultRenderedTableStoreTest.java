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
import java.util.Collection;
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

/** The set of rendered tables on H2, PostgreSQL and MariaDB, apart from the set of active users. */
@RunWith(Parameterized.class)
public class DefaultRenderedTableStoreTest {
    private static final String PERIOD = "2026-11";

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultRenderedTableStore store;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultRenderedTableStore(ao);
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
    public void record_countsEachTableOncePerPeriod() {
        assertTrue(store.record(PERIOD, hash(1)));
        assertFalse(store.record(PERIOD, hash(1)));
        assertTrue(store.record(PERIOD, hash(2)));
        assertTrue(store.record("2026-12", hash(1)));

        assertEquals(2, store.count(PERIOD));
        assertEquals(1, store.count("2026-12"));
        assertEquals(0, store.count("2027-01"));
    }

    @Test
    public void record_isApartFromTheActiveUsers() {
        DefaultActiveUserStore users = new DefaultActiveUserStore(ao);
        users.record(PERIOD, hash(1));
        assertTrue("the same hash as a user is still a new table", store.record(PERIOD, hash(1)));
        assertEquals(1, store.count(PERIOD));
        assertEquals(1, store.purge(PERIOD));
        assertEquals("purging tables leaves the users", 1, users.count(PERIOD));
    }

    @Test
    public void record_somethingThatIsNotAKeyedHash_isRejected() {
        ValidationException e = assertThrows(ValidationException.class, () -> store.record(PERIOD, "Quarterly sales"));
        assertTrue(e.getFieldErrors().get("tableHash").contains("never a page id, title, SQL text or name"));
        assertThrows(ValidationException.class, () -> store.record(PERIOD, "4242"));
        assertThrows(ValidationException.class, () -> store.record(PERIOD, "SELECT 1 FROM sales WHERE a = 1"));
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
        assertTrue("a purged table can be recorded again", store.record(PERIOD, hash(1)));
    }

    @Test
    public void record_raceOnTheSameTable_countsItOnce_andNeitherCallerFails() throws Exception {
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous checked = new Rendezvous();
            // The other node has seen the table missing and waits before inserting.
            ActiveObjects paused = Interceptor.after(otherNode, "count", 1, checked::arriveAndWait);
            Future<Boolean> late = executor.submit(() -> new DefaultRenderedTableStore(paused).record(PERIOD, hash(7)));
            checked.awaitArrival();
            assertTrue(store.record(PERIOD, hash(7)));
            checked.release();

            assertFalse("the unique constraint turned the late insert into 'already recorded'", late.get(60, TimeUnit.SECONDS));
        }
        assertEquals(1, store.count(PERIOD));
    }
}
