package com.sqltables.confluence.usage.event;

import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Renders are counted per saved query id (never its name) and drained with the other counters. */
public class SavedQueryRenderCountingTest {
    private final InMemoryUsageEvents events =
            new InMemoryUsageEvents(Clock.fixed(Instant.parse("2026-11-15T10:00:00Z"), ZoneOffset.UTC));

    private static MacroRender render(Long savedQueryId, MacroRender.Outcome outcome) {
        return MacroRender.builder().querySource(savedQueryId == null ? MacroRender.QuerySource.INLINE
                : MacroRender.QuerySource.SAVED).savedQueryId(savedQueryId).outcome(outcome).build();
    }

    @Test
    public void drain_countsRendersPerSavedQueryId_anyOutcome() {
        events.macroRendered(render(7L, MacroRender.Outcome.SUCCESS));
        events.macroRendered(render(7L, MacroRender.Outcome.ACCESS_DENIED));
        events.macroRendered(render(12L, MacroRender.Outcome.SUCCESS));
        events.macroRendered(render(null, MacroRender.Outcome.SUCCESS));

        List<UsageSnapshot> drained = events.drain();

        assertEquals(1, drained.size());
        Map<String, Long> counters = drained.get(0).getCounters();
        assertEquals(Long.valueOf(2), counters.get("savedquery.renders.7"));
        assertEquals(Long.valueOf(1), counters.get("savedquery.renders.12"));
        assertEquals(Long.valueOf(4), counters.get(UsageCounter.RENDERS.key()));
    }

    @Test
    public void drain_twice_resetsSavedQueryCounts() {
        events.macroRendered(render(7L, MacroRender.Outcome.SUCCESS));
        events.drain();

        assertTrue(events.drain().isEmpty());
        events.macroRendered(render(7L, MacroRender.Outcome.SUCCESS));
        assertEquals(Long.valueOf(1), events.drain().get(0).getCounters().get("savedquery.renders.7"));
    }

    @Test
    public void savedQueryRendersKey_isAValidCounterKeyAndNoReportCounter() {
        String key = InMemoryUsageEvents.savedQueryRendersKey(9_000_000_000L);
        assertTrue(key, key.matches("[A-Za-z0-9._:-]{1,100}"));
        for (UsageCounter counter : UsageCounter.values()) {
            assertFalse(counter.key().startsWith(InMemoryUsageEvents.SAVED_QUERY_RENDERS_PREFIX));
        }
    }
}
