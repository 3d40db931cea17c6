package com.sqltables.confluence.macro;

import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;

/** Each render of a saved query counts for that query's id — refused ones too; inline SQL counts for none. */
public class SavedQueryRenderUsageTest {
    private MacroFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = new MacroFixture();
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    public void renders_countPerSavedQueryId_byKeyWithoutTheName() {
        long bigSales = fixture.queries.findByName("Big sales").orElseThrow().getId();
        long financeCount = fixture.queries.findByName("Finance count").orElseThrow().getId();

        fixture.render().query("Big sales").run();
        fixture.render().query("Big sales").param("cacheSeconds", "60").run();
        fixture.render().viewer(MacroFixture.OUTSIDER).query("Finance count").run();
        fixture.render().sql("Sales", "SELECT COUNT(*) FROM sales").run();
        fixture.render().query("No such query").run();

        List<UsageSnapshot> snapshots = fixture.usage.drain();
        assertEquals(1, snapshots.size());
        Map<String, Long> counters = snapshots.get(0).getCounters();
        assertEquals(Long.valueOf(2), counters.get(InMemoryUsageEvents.savedQueryRendersKey(bigSales)));
        assertEquals(Long.valueOf(1), counters.get(InMemoryUsageEvents.savedQueryRendersKey(financeCount)));
        assertEquals(2, counters.keySet().stream().filter(k -> k.startsWith(InMemoryUsageEvents.SAVED_QUERY_RENDERS_PREFIX)).count());
        assertFalse(counters.keySet().toString(), counters.keySet().toString().toLowerCase().contains("big sales"));
        assertNull(counters.get(InMemoryUsageEvents.savedQueryRendersKey(-1)));
    }
}
