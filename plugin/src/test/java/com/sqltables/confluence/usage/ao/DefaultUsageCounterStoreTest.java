package com.sqltables.confluence.usage.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.Interceptor;
import com.sqltables.confluence.ao.testing.Rendezvous;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.usage.CompactionResult;
import com.sqltables.host.ao.HostActiveObjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Usage counters on the real ORM. The concurrency tests are the proof that no increment is lost or
 * counted twice: several writers add while several compactors merge, on one and on two entity managers
 * (two "cluster nodes"), and the total must equal exactly what was added, at the end and whenever read.
 */
@RunWith(Parameterized.class)
public class DefaultUsageCounterStoreTest {
    private static final String PERIOD = "2026-11";
    private static final String RENDERS = "macro.render";
    private static final int ADDS_PER_WRITER = 150;

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultUsageCounterStore store;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultUsageCounterStore(ao);
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    @Test
    public void add_andTotal_sumPerCounterAndPeriod() {
        store.add(PERIOD, RENDERS, 3, "node-1");
        store.add(PERIOD, RENDERS, 4, "node-2");
        store.add(PERIOD, "query.run", 1, null);
        store.add("2026-12", RENDERS, 100, "node-1");
        store.add(PERIOD, RENDERS, 0, "node-1");

        assertEquals(7, store.total(PERIOD, RENDERS));
        assertEquals(0, store.total(PERIOD, "never.added"));
        assertEquals(Map.of(RENDERS, 7L, "query.run", 1L), store.totals(PERIOD));
        assertEquals(3, ao.count(UsageDeltaEntity.class, "PERIOD_KEY = ?", PERIOD));
    }

    @Test
    public void addAll_writesEveryCounterInOneTransaction() {
        Map<String, Long> deltas = new LinkedHashMap<>();
        deltas.put("a", 1L);
        deltas.put("b", -2L);
        deltas.put("c", 0L);
        store.addAll(PERIOD, deltas, "node-1");
        assertEquals(Map.of("a", 1L, "b", -2L), store.totals(PERIOD));
    }

    @Test
    public void addAll_oneInvalidKey_writesNothing() {
        Map<String, Long> deltas = new LinkedHashMap<>();
        deltas.put("fine", 1L);
        deltas.put("not fine!", 1L);
        ValidationException e = assertThrows(ValidationException.class, () -> store.addAll(PERIOD, deltas, null));
        assertTrue(e.getFieldErrors().containsKey("counterKey"));
        assertEquals(Map.of(), store.totals(PERIOD));
    }

    @Test
    public void add_invalidPeriod_namesTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> store.add("2026-13", RENDERS, 1, null));
        assertTrue(e.getFieldErrors().get("period").startsWith("must be a period such as 2026-11"));
        assertThrows(ValidationException.class, () -> store.total("Nov 2026", RENDERS));
    }

    @Test
    public void compact_mergesRowsIntoOnePerCounter_keepingTotals() {
        for (int i = 0; i < 25; i++) {
            store.add(PERIOD, RENDERS, 2, "node-" + (i % 3));
            store.add(PERIOD, "query.run", 1, "node-1");
        }
        store.add("2026-10", RENDERS, 5, "node-1");
        store.add("2026-10", RENDERS, 5, "node-1");

        CompactionResult result = store.compact(PERIOD, "compactor");

        assertEquals(new CompactionResult(PERIOD, 50, 2, 0), result);
        assertEquals(Map.of(RENDERS, 50L, "query.run", 25L), store.totals(PERIOD));
        assertEquals("other periods are left alone", 2, ao.count(UsageDeltaEntity.class, "PERIOD_KEY = ?", "2026-10"));
        assertEquals(new CompactionResult(PERIOD, 2, 2, 0), store.compact(PERIOD, "compactor"));
    }

    @Test
    public void compact_moreRowsThanOneBatch_mergesThemAll() {
        Map<String, Long> one = Map.of(RENDERS, 1L);
        List<Map<String, Object>> rows = new ArrayList<>();
        int count = DefaultUsageCounterStore.COMPACTION_BATCH * 2 + 7;
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("COUNTER_KEY", RENDERS);
            row.put("PERIOD_KEY", PERIOD);
            row.put("DELTA", 1L);
            row.put("CREATED", new java.util.Date());
            rows.add(row);
        }
        ao.create(UsageDeltaEntity.class, rows);
        store.addAll(PERIOD, one, null);

        CompactionResult result = store.compact(PERIOD, "compactor");

        assertEquals(1, result.getRowsAfter());
        assertEquals(count + 1, store.total(PERIOD, RENDERS));
    }

    @Test
    public void compact_racingAnotherNodeOnTheSameRows_rollsBackAndLosesNothing() throws Exception {
        for (int i = 0; i < 10; i++) {
            store.add(PERIOD, RENDERS, 1, "node-1");
        }
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous read = new Rendezvous();
            // The other node has read the 10 rows and summed them; it waits before deleting them.
            ActiveObjects paused = Interceptor.before(otherNode, "deleteWithSQL", 1, read::arriveAndWait);
            Future<CompactionResult> late = executor.submit(() -> new DefaultUsageCounterStore(paused).compact(PERIOD, "node-2"));
            read.awaitArrival();
            assertEquals(new CompactionResult(PERIOD, 10, 1, 0), store.compact(PERIOD, "node-1"));
            store.add(PERIOD, RENDERS, 1, "node-1");
            read.release();

            CompactionResult lateResult = late.get(60, TimeUnit.SECONDS);
            assertEquals("the late node's batch found its rows gone and rolled back", 1, lateResult.getConflicts());
        }
        assertEquals(11, store.total(PERIOD, RENDERS));
        assertEquals(2, ao.count(UsageDeltaEntity.class, "PERIOD_KEY = ?", PERIOD));
    }

    @Test
    public void concurrentAddsFromTwoThreads_whileCompacting_loseNothing() throws Exception {
        long total = runConcurrently(store, store, store, store);
        assertEquals(total, store.total(PERIOD, RENDERS));
        store.compact(PERIOD, "final");
        assertEquals(total, store.total(PERIOD, RENDERS));
        assertEquals(1, ao.count(UsageDeltaEntity.class, "PERIOD_KEY = ?", PERIOD));
    }

    @Test
    public void concurrentAddsFromTwoEntityManagers_whileBothCompact_loseNothing() throws Exception {
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            DefaultUsageCounterStore nodeTwo = new DefaultUsageCounterStore(otherNode);
            long total = runConcurrently(store, nodeTwo, store, nodeTwo);
            assertEquals(total, nodeTwo.total(PERIOD, RENDERS));
            nodeTwo.compact(PERIOD, "final");
        }
        assertEquals(2L * sumOfDeltas(), store.total(PERIOD, RENDERS));
        assertEquals(1, ao.count(UsageDeltaEntity.class, "PERIOD_KEY = ?", PERIOD));
    }

    /**
     * Two writers add 1, 2, 3, 1, 2, 3, … while two compactors merge as fast as they can and a reader
     * checks that the total never goes down (every delta is positive, so a lost or doubly-counted row
     * during a compaction would show as a dip or a jump past what was written).
     *
     * @return the exact amount written
     */
    private long runConcurrently(DefaultUsageCounterStore writerOne, DefaultUsageCounterStore writerTwo,
                                 DefaultUsageCounterStore compactorOne, DefaultUsageCounterStore compactorTwo)
            throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger compactions = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(5);
        List<Future<?>> writers = new ArrayList<>();
        for (DefaultUsageCounterStore writer : List.of(writerOne, writerTwo)) {
            writers.add(executor.submit((Callable<Void>) () -> {
                start.await(60, TimeUnit.SECONDS);
                for (int i = 0; i < ADDS_PER_WRITER; i++) {
                    writer.add(PERIOD, RENDERS, 1 + i % 3, Thread.currentThread().getName());
                }
                return null;
            }));
        }
        List<Future<?>> background = new ArrayList<>();
        for (DefaultUsageCounterStore compactor : List.of(compactorOne, compactorTwo)) {
            background.add(executor.submit((Callable<Void>) () -> {
                start.await(60, TimeUnit.SECONDS);
                while (writing.get()) {
                    compactor.compact(PERIOD, Thread.currentThread().getName());
                    compactions.incrementAndGet();
                }
                return null;
            }));
        }
        long expected = 2L * sumOfDeltas();
        Future<Long> reader = executor.submit(() -> {
            start.await(60, TimeUnit.SECONDS);
            long last = 0;
            while (writing.get()) {
                long now = writerOne.total(PERIOD, RENDERS);
                if (now < last || now > expected) {
                    throw new AssertionError("total went from " + last + " to " + now + " (at most " + expected + " written)");
                }
                last = now;
            }
            return last;
        });
        for (Future<?> writer : writers) {
            writer.get(300, TimeUnit.SECONDS);
        }
        writing.set(false);
        for (Future<?> compactor : background) {
            compactor.get(300, TimeUnit.SECONDS);
        }
        reader.get(300, TimeUnit.SECONDS);
        assertTrue("the compactors ran", compactions.get() > 0);
        return expected;
    }

    private static long sumOfDeltas() {
        long sum = 0;
        for (int i = 0; i < ADDS_PER_WRITER; i++) {
            sum += 1 + i % 3;
        }
        return sum;
    }

    @Test
    public void deletePeriod_removesOnlyThatPeriod() {
        store.add(PERIOD, RENDERS, 1, null);
        store.add(PERIOD, "query.run", 1, null);
        store.add("2026-12", RENDERS, 1, null);
        assertEquals(2, store.deletePeriod(PERIOD));
        assertEquals(Map.of(), store.totals(PERIOD));
        assertEquals(1, store.total("2026-12", RENDERS));
    }
}
