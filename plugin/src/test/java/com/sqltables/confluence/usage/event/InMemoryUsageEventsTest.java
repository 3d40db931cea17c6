package com.sqltables.confluence.usage.event;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.testing.MovableClock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.Test;

public class InMemoryUsageEventsTest {

    private static MacroRender savedQueryHit(String viewer) {
        return MacroRender.builder().querySource(MacroRender.QuerySource.SAVED).macroParameters(2).urlParameters(1)
                .cacheUse(MacroRender.CacheUse.HIT).rowNumbers(true).numberFormat(true).output(MacroRender.Output.PAGE)
                .outcome(MacroRender.Outcome.SUCCESS).viewerUserKey(viewer).build();
    }

    @Test
    public void macroRendered_countsWhatTheRenderUsed() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        events.macroRendered(savedQueryHit("key-1"));
        events.macroRendered(MacroRender.builder().querySource(MacroRender.QuerySource.INLINE)
                .output(MacroRender.Output.EXPORT).outcome(MacroRender.Outcome.TIMEOUT)
                .cacheUse(MacroRender.CacheUse.MISS).contextParameters(1).build());
        List<UsageSnapshot> snapshots = events.drain();
        assertEquals(1, snapshots.size());
        UsageSnapshot snapshot = snapshots.get(0);
        assertEquals("2026-11", snapshot.getPeriod());
        assertEquals(Map.ofEntries(
                Map.entry("macro.renders", 2L),
                Map.entry("macro.query.saved", 1L),
                Map.entry("macro.query.inline", 1L),
                Map.entry("macro.params.macro", 1L),
                Map.entry("macro.params.url", 1L),
                Map.entry("macro.params.context", 1L),
                Map.entry("macro.cache.hit", 1L),
                Map.entry("macro.cache.miss", 1L),
                Map.entry("macro.option.rowNumbers", 1L),
                Map.entry("macro.option.numberFormat", 1L),
                Map.entry("macro.output.page", 1L),
                Map.entry("macro.output.export", 1L),
                Map.entry("macro.outcome.success", 1L),
                Map.entry("macro.outcome.timeout", 1L)), snapshot.getCounters());
        assertEquals(Set.of("key-1"), snapshot.getActiveUserKeys());
    }

    @Test
    public void drain_resetsTheCounts() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        events.macroRendered(savedQueryHit("key-1"));
        assertEquals(1, events.drain().size());
        assertTrue(events.drain().isEmpty());
        events.macroRendered(savedQueryHit("key-1"));
        assertEquals(Long.valueOf(1), events.drain().get(0).getCounters().get("macro.renders"));
    }

    @Test
    public void macroRendered_sameViewerTwice_isOneActiveUser() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        events.macroRendered(savedQueryHit("key-1"));
        events.macroRendered(savedQueryHit("key-1"));
        events.macroRendered(savedQueryHit(null));
        assertEquals(Set.of("key-1"), events.drain().get(0).getActiveUserKeys());
    }

    @Test
    public void macroRendered_acrossAMonthEnd_countsEachMonthApart() {
        MovableClock clock = new MovableClock("2026-11-30T23:59:59Z");
        InMemoryUsageEvents events = new InMemoryUsageEvents(clock);
        events.macroRendered(savedQueryHit("key-1"));
        clock.set("2026-12-01T00:00:00Z");
        events.macroRendered(savedQueryHit("key-2"));
        events.macroRendered(savedQueryHit("key-2"));
        List<UsageSnapshot> snapshots = events.drain();
        assertEquals(2, snapshots.size());
        assertEquals("2026-11", snapshots.get(0).getPeriod());
        assertEquals(Long.valueOf(1), snapshots.get(0).getCounters().get("macro.renders"));
        assertEquals("2026-12", snapshots.get(1).getPeriod());
        assertEquals(Long.valueOf(2), snapshots.get(1).getCounters().get("macro.renders"));
        assertEquals(Set.of("key-2"), snapshots.get(1).getActiveUserKeys());
    }

    @Test
    public void macroRendered_null_isIgnored() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        events.macroRendered(null);
        assertTrue(events.drain().isEmpty());
    }

    @Test
    public void counterKeys_fitTheCounterStore() {
        Set<String> keys = new HashSet<>();
        for (UsageCounter counter : UsageCounter.values()) {
            assertTrue(counter.key(), counter.key().matches("[A-Za-z0-9._:-]{1,100}"));
            assertTrue("duplicate " + counter.key(), keys.add(counter.key()));
        }
        for (MacroRender.Outcome outcome : MacroRender.Outcome.values()) {
            assertEquals("OUTCOME_" + outcome.name(), UsageCounter.of(outcome).name());
        }
    }

    @Test
    public void drain_whileRendersContinue_losesAndDoublesNothing() throws Exception {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        ExecutorService executor = Executors.newFixedThreadPool(4);
        AtomicBoolean drained = new AtomicBoolean();
        try {
            List<Future<?>> renders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                renders.add(executor.submit(() -> {
                    for (int i = 0; i < 25_000; i++) {
                        events.macroRendered(savedQueryHit("key-" + thread + "-" + (i % 100)));
                    }
                }));
            }
            long renderTotal = 0;
            Set<String> users = new HashSet<>();
            while (!drained.get()) {
                boolean done = renders.stream().allMatch(Future::isDone);
                for (UsageSnapshot snapshot : events.drain()) {
                    renderTotal += snapshot.getCounters().getOrDefault("macro.renders", 0L);
                    users.addAll(snapshot.getActiveUserKeys());
                }
                drained.set(done);
            }
            for (Future<?> render : renders) {
                render.get(30, TimeUnit.SECONDS);
            }
            for (UsageSnapshot snapshot : events.drain()) {
                renderTotal += snapshot.getCounters().getOrDefault("macro.renders", 0L);
                users.addAll(snapshot.getActiveUserKeys());
            }
            assertEquals(100_000L, renderTotal);
            assertEquals(400, users.size());
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    public void toString_leavesTheViewerOut() {
        assertFalse(savedQueryHit("secret-key").toString().contains("secret-key"));
    }

    private static MacroRender table(String tableKey, MacroRender.Output output) {
        return MacroRender.builder().tableKey(tableKey).output(output).build();
    }

    @Test
    public void macroRendered_tables_countOncePerPeriod_whereTheOutputShowsUse() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        events.macroRendered(table("aa01", MacroRender.Output.PAGE));
        events.macroRendered(table("aa01", MacroRender.Output.PAGE));
        events.macroRendered(table("aa01", MacroRender.Output.EXPORT));
        events.macroRendered(table("bb02", MacroRender.Output.EXPORT));
        events.macroRendered(table("cc03", MacroRender.Output.NOTIFICATION));
        events.macroRendered(table("dd04", MacroRender.Output.PREVIEW));
        events.macroRendered(table("ee05", MacroRender.Output.DIFF));
        events.macroRendered(table(null, MacroRender.Output.PAGE));
        UsageSnapshot snapshot = events.drain().get(0);
        assertEquals(Set.of("aa01", "bb02", "cc03"), snapshot.getTableKeys());
        assertEquals(Long.valueOf(8), snapshot.getCounters().get("macro.renders"));
        assertTrue("drained", events.drain().isEmpty());
    }

    @Test
    public void macroRendered_moreTablesThanTheCap_countsTheRestAsDropped() {
        InMemoryUsageEvents events = new InMemoryUsageEvents(new MovableClock("2026-11-03T10:00:00Z"));
        for (int i = 0; i < InMemoryUsageEvents.MAX_TABLES + 3; i++) {
            events.macroRendered(table(Integer.toHexString(i), MacroRender.Output.PAGE));
        }
        events.macroRendered(table("0", MacroRender.Output.PAGE));
        UsageSnapshot snapshot = events.drain().get(0);
        assertEquals(InMemoryUsageEvents.MAX_TABLES, snapshot.getTableKeys().size());
        assertEquals(Long.valueOf(3), snapshot.getCounters().get(UsageCounter.TABLES_DROPPED.key()));
        assertEquals("a drain frees the room", Set.of("ffff"), drainTables(events, "ffff"));
    }

    private static Set<String> drainTables(InMemoryUsageEvents events, String tableKey) {
        events.macroRendered(table(tableKey, MacroRender.Output.PAGE));
        return events.drain().get(0).getTableKeys();
    }

    @Test
    public void toString_leavesTheTableOut() {
        assertFalse(table("feedc0de", MacroRender.Output.PAGE).toString().contains("feedc0de"));
    }
}
