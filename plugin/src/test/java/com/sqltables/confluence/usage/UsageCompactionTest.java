package com.sqltables.confluence.usage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;

import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.status.RunOutcome;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.settings.ao.DefaultSettingsStore;
import com.sqltables.confluence.testing.MovableClock;
import com.sqltables.confluence.usage.ao.DefaultActiveUserStore;
import com.sqltables.confluence.usage.ao.DefaultRenderedTableStore;
import com.sqltables.confluence.usage.ao.DefaultUsageCounterStore;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.usage.ao.UsageDeltaEntity;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.confluence.usage.event.UsageCounter;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import com.sqltables.host.ao.HostActiveObjects;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;
import org.junit.runners.Parameterized;

/**
 * The flush job's compaction of the usage counters, on the real ORM and databases: rows stay bounded
 * however many flushes there are, and every total stays exactly what was rendered, also while two nodes
 * flush and compact the same periods at the same time.
 *
 * <p>What was rendered is tallied by a second {@link InMemoryUsageEvents} that receives the same
 * renders and is drained once at the end: the expected totals never go through the database.
 */
@RunWith(Parameterized.class)
public class UsageCompactionTest {
    private static final String JANUARY = "2020-01";
    private static final String FEBRUARY = "2020-02";

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private final MovableClock clock = new MovableClock("2020-01-15T12:00:00Z");
    private HostActiveObjects ao;
    private DefaultSettingsStore settings;
    private UsageCounterStore counters;
    private InMemoryUsageEvents tally;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        settings = new DefaultSettingsStore(ao);
        counters = new DefaultUsageCounterStore(ao);
        tally = new InMemoryUsageEvents(clock);
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    private UsageFlushJob job(InMemoryUsageEvents events, HostActiveObjects nodeAo, int compactEvery) {
        return new UsageFlushJob(events, new DefaultUsageCounterStore(nodeAo), new DefaultActiveUserStore(nodeAo),
                new DefaultRenderedTableStore(nodeAo), new UserKeyHasher(new DefaultSettingsStore(nodeAo)), clock,
                compactEvery, 0);
    }

    /** The i-th render of a run: outcomes, cache uses, options, viewers and saved queries vary. */
    private static MacroRender render(int i) {
        MacroRender.Outcome[] outcomes = MacroRender.Outcome.values();
        MacroRender.CacheUse[] cacheUses = MacroRender.CacheUse.values();
        return MacroRender.builder()
                .querySource(i % 3 == 0 ? MacroRender.QuerySource.INLINE : MacroRender.QuerySource.SAVED)
                .savedQueryId(i % 3 == 0 ? null : (long) (i % 4))
                .cacheUse(cacheUses[i % cacheUses.length])
                .outcome(outcomes[i % outcomes.length])
                .rowNumbers(i % 2 == 0)
                .urlParameters(i % 5)
                .viewerUserKey(i % 7 == 0 ? null : "user-" + (i % 11))
                .build();
    }

    private void renderOn(InMemoryUsageEvents node, int i) {
        MacroRender render = render(i);
        node.macroRendered(render);
        tally.macroRendered(render);
    }

    /** @return per period, what was rendered since the last call */
    private Map<String, Map<String, Long>> rendered() {
        Map<String, Map<String, Long>> periods = new TreeMap<>();
        for (UsageSnapshot snapshot : tally.drain()) {
            periods.put(snapshot.getPeriod(), new TreeMap<>(snapshot.getCounters()));
        }
        return periods;
    }

    private int rows(String period) {
        return ao.count(UsageDeltaEntity.class, UsageDeltaEntity.COLUMN_PERIOD_KEY + " = ?", period);
    }

    private static JobRunnerResponse run(UsageFlushJob job) {
        JobRunnerResponse response = job.runJob(mock(JobRunnerRequest.class));
        assertEquals(response.getMessage(), RunOutcome.SUCCESS, response.getRunOutcome());
        return response;
    }

    @Test
    public void manyFlushes_compactedEveryFifthRun_keepRowsBounded_andTotalsExact() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(clock);
        UsageFlushJob job = job(events, ao, 5);
        int rendered = 0;
        for (int run = 0; run < 40; run++) {
            for (int i = 0; i < 1 + run % 6; i++) {
                renderOn(events, rendered++);
            }
            JobRunnerResponse response = run(job);
            int keys = counters.totals(JANUARY).size();
            if (run % 5 == 0) {
                assertTrue(response.getMessage(), response.getMessage().contains("compacted 2019-12 0 -> 0 rows, 2020-01"));
                assertEquals("right after a compaction: one row per counter (run " + run + ")", keys, rows(JANUARY));
            } else {
                assertTrue("at most one row per counter and flush since the last compaction (run " + run + ")",
                        rows(JANUARY) <= keys * (1 + run % 5));
            }
        }

        assertEquals(rendered(), Map.of(JANUARY, counters.totals(JANUARY)));
        assertEquals((long) rendered, counters.total(JANUARY, UsageCounter.RENDERS.key()));
    }

    @Test
    public void rendersFlushedAfterTheMonthTurns_areCompactedInThePreviousMonth() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(clock);
        UsageFlushJob job = job(events, ao, 3);
        clock.set("2020-01-31T23:57:00Z");
        int rendered = 0;
        for (int run = 0; run < 3; run++) {
            for (int i = 0; i < 10; i++) {
                renderOn(events, rendered++);
            }
            run(job);
        }
        renderOn(events, rendered++);
        clock.set("2020-02-01T00:00:30Z");
        renderOn(events, rendered);
        Map<String, Map<String, Long>> byPeriod = rendered();
        Map<String, Long> january = byPeriod.get(JANUARY);
        Map<String, Long> february = byPeriod.get(FEBRUARY);
        assertTrue("two flushes since the last compaction", rows(JANUARY) > counters.totals(JANUARY).size());

        JobRunnerResponse response = run(job);

        assertTrue(response.getMessage(), response.getMessage().contains("compacted 2020-01 "));
        assertEquals(january, counters.totals(JANUARY));
        assertEquals(january.size(), rows(JANUARY));
        assertEquals(february, counters.totals(FEBRUARY));
        assertEquals(february.size(), rows(FEBRUARY));
    }

    @Test
    public void twoNodes_flushingAndCompactingAtOnce_keepTotalsExact() throws Exception {
        int runs = 12;
        int rendersPerRun = 25;
        // Creates the hashing secret before the nodes race for it (a race the flush does not test).
        new UserKeyHasher(settings).hash("warm-up");
        try (HostActiveObjects otherAo = database.newActiveObjects()) {
            InMemoryUsageEvents nodeOne = new InMemoryUsageEvents(clock);
            InMemoryUsageEvents nodeTwo = new InMemoryUsageEvents(clock);
            List<UsageFlushJob> jobs = List.of(job(nodeOne, ao, 1), job(nodeTwo, otherAo, 1));
            List<InMemoryUsageEvents> nodes = List.of(nodeOne, nodeTwo);
            CyclicBarrier start = new CyclicBarrier(3);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Future<?>> workers = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                InMemoryUsageEvents node = nodes.get(n);
                UsageFlushJob job = jobs.get(n);
                int offset = n * runs * rendersPerRun;
                workers.add(executor.submit((Callable<Void>) () -> {
                    start.await(60, TimeUnit.SECONDS);
                    for (int run = 0; run < runs; run++) {
                        for (int i = 0; i < rendersPerRun; i++) {
                            renderOn(node, offset + run * rendersPerRun + i);
                        }
                        // Every run compacts (compactEvery 1), so both nodes compact the same rows at once.
                        run(job);
                    }
                    return null;
                }));
            }
            // Every render adds to macro.renders: a compaction that lost or doubled rows would show as a dip or
            // as more than was rendered.
            Future<Long> reader = executor.submit(() -> {
                start.await(60, TimeUnit.SECONDS);
                long last = 0;
                while (running.get()) {
                    long now = counters.total(JANUARY, UsageCounter.RENDERS.key());
                    if (now < last || now > 2L * runs * rendersPerRun) {
                        throw new AssertionError("macro.renders went from " + last + " to " + now);
                    }
                    last = now;
                }
                return last;
            });
            try {
                for (Future<?> worker : workers) {
                    worker.get(300, TimeUnit.SECONDS);
                }
            } finally {
                running.set(false);
            }
            reader.get(60, TimeUnit.SECONDS);
            run(jobs.get(1));
        }

        Map<String, Long> expected = rendered().get(JANUARY);
        assertEquals(2L * runs * rendersPerRun, (long) expected.get(UsageCounter.RENDERS.key()));
        assertEquals(expected, new TreeMap<>(counters.totals(JANUARY)));
        assertEquals("the last run compacted everything", expected.size(), rows(JANUARY));
    }

}
