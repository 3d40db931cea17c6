package com.sqltables.confluence.usage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import com.atlassian.scheduler.JobRunnerRequest;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.macro.TableIdentity;
import com.sqltables.confluence.settings.ao.DefaultSettingsStore;
import com.sqltables.confluence.usage.ao.ActiveUserStore;
import com.sqltables.confluence.usage.ao.DefaultActiveUserStore;
import com.sqltables.confluence.usage.ao.DefaultRenderedTableStore;
import com.sqltables.confluence.usage.ao.DefaultUsageCounterStore;
import com.sqltables.confluence.usage.ao.RenderedTableStore;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.confluence.usage.event.UsageCounter;
import com.sqltables.host.ao.HostActiveObjects;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.Before;
import org.junit.Test;

/** The flush of in-memory usage counts into the real stores (H2). */
public class UsageFlushJobTest {
    private static final String PERIOD = "2020-01";
    private static final Clock IN_JANUARY = Clock.fixed(Instant.parse("2020-01-15T12:00:00Z"), ZoneOffset.UTC);

    private HostActiveObjects ao;
    private DefaultSettingsStore settings;
    private UsageCounterStore counters;
    private ActiveUserStore activeUsers;
    private RenderedTableStore tables;
    private InMemoryUsageEvents events;
    private UserKeyHasher hasher;
    private UsageFlushJob job;

    @Before
    public void setUp() {
        TestDatabase.H2.clean();
        ao = TestDatabase.H2.activeObjects();
        settings = new DefaultSettingsStore(ao);
        counters = new DefaultUsageCounterStore(ao);
        activeUsers = new DefaultActiveUserStore(ao);
        events = new InMemoryUsageEvents(IN_JANUARY);
        hasher = new UserKeyHasher(settings);
        tables = new DefaultRenderedTableStore(ao);
        job = new UsageFlushJob(events, counters, activeUsers, tables, hasher);
    }

    private void render(String viewer) {
        events.macroRendered(MacroRender.builder().querySource(MacroRender.QuerySource.INLINE).cacheUse(MacroRender.CacheUse.HIT)
                .viewerUserKey(viewer).build());
    }

    @Test
    public void rendering_writesNothing_untilTheFlush() {
        UsageCounterStore untouchedCounters = mock(UsageCounterStore.class);
        ActiveUserStore untouchedUsers = mock(ActiveUserStore.class);
        RenderedTableStore untouchedTables = mock(RenderedTableStore.class);
        new UsageFlushJob(events, untouchedCounters, untouchedUsers, untouchedTables, hasher);
        render("alice-key");
        verifyNoInteractions(untouchedCounters, untouchedUsers, untouchedTables);
        assertEquals(0, counters.total(PERIOD, UsageCounter.RENDERS.key()));
    }

    @Test
    public void flush_writesCounters_andActiveUsersAsKeyedHashes() throws Exception {
        render("alice-key");
        render("bob-key");
        render("alice-key");
        assertEquals(1, job.flush());

        assertEquals(3, counters.total(PERIOD, UsageCounter.RENDERS.key()));
        assertEquals(3, counters.total(PERIOD, UsageCounter.QUERY_INLINE.key()));
        assertEquals(3, counters.total(PERIOD, UsageCounter.CACHE_HIT.key()));
        assertEquals(2, activeUsers.count(PERIOD));
        // Stored as the keyed hash: recording the hash again finds it present.
        assertFalse(activeUsers.record(PERIOD, hasher.hash("alice-key")));
        // ... and the user key itself is nowhere in the database's active-user table.
        try (Connection c = TestDatabase.H2.openJdbc(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM " + table(c, "%ACTIVE_USER%"))) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    String value = String.valueOf(rows.getObject(i));
                    assertFalse(value, value.contains("alice") || value.contains("bob"));
                }
            }
        }
    }

    @Test
    public void flush_writesTablesAsKeyedHashes_neverTheirIdentity() throws Exception {
        String salesTable = TableIdentity.of(987654321L, Map.of("query", "Quarterly sales"), null);
        String inlineTable = TableIdentity.of(987654321L, Map.of("datasource", "Sales"), "SELECT 1");
        for (String[] render : new String[][] {{"alice-key", salesTable}, {"bob-key", salesTable}, {"alice-key", inlineTable}}) {
            events.macroRendered(MacroRender.builder().viewerUserKey(render[0]).tableKey(render[1]).build());
        }
        job.flush();

        assertEquals("3 renders of 2 tables by 2 users", 2, tables.count(PERIOD));
        assertEquals(2, activeUsers.count(PERIOD));
        assertFalse("stored as the keyed hash", tables.record(PERIOD, hasher.hashTable(salesTable)));
        assertTrue("not as the plain digest", tables.record(PERIOD, salesTable));
        tables.purge(PERIOD);
        job.flush();
        events.macroRendered(MacroRender.builder().tableKey(salesTable).build());
        job.flush();
        try (Connection c = TestDatabase.H2.openJdbc(); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT * FROM " + table(c, "%RENDERED_TABLE%"))) {
            int columns = rows.getMetaData().getColumnCount();
            int count = 0;
            while (rows.next()) {
                count++;
                for (int i = 1; i <= columns; i++) {
                    String value = String.valueOf(rows.getObject(i));
                    assertFalse(value, value.contains(salesTable) || value.contains("987654321") || value.contains("sales"));
                }
            }
            assertEquals(1, count);
        }
    }

    @Test
    public void secondFlush_addsToTheFirst_andAnEmptyFlushWritesNothing() {
        render("alice-key");
        job.flush();
        render("alice-key");
        render("carol-key");
        job.flush();
        assertEquals(0, job.flush());
        assertEquals(3, counters.total(PERIOD, UsageCounter.RENDERS.key()));
        assertEquals(2, activeUsers.count(PERIOD));
    }

    @Test
    public void twoNodesFlushing_loseNothing() {
        InMemoryUsageEvents otherNode = new InMemoryUsageEvents(IN_JANUARY);
        UsageFlushJob otherJob = new UsageFlushJob(otherNode, counters, activeUsers, tables, new UserKeyHasher(settings));
        render("alice-key");
        otherNode.macroRendered(MacroRender.builder().viewerUserKey("alice-key").build());
        job.flush();
        otherJob.flush();
        assertEquals(2, counters.total(PERIOD, UsageCounter.RENDERS.key()));
        assertEquals("the same user seen on two nodes counts once", 1, activeUsers.count(PERIOD));
    }

    @Test
    public void destroy_flushesWhatWasCountedSinceTheLastRun() {
        render("alice-key");
        job.destroy();
        assertEquals(1, counters.total(PERIOD, UsageCounter.RENDERS.key()));
    }

    @Test
    public void runJob_flushes_andReportsSuccess() {
        render("alice-key");
        assertEquals(com.atlassian.scheduler.status.RunOutcome.SUCCESS, job.runJob(mock(JobRunnerRequest.class)).getRunOutcome());
        assertEquals(1, counters.total(PERIOD, UsageCounter.RENDERS.key()));
    }

    @Test
    public void hasher_createsItsSecretOnce_andEveryInstanceUsesIt() {
        String first = hasher.hash("alice-key");
        String secret = settings.get(UserKeyHasher.SECRET_SETTING).orElseThrow();
        assertEquals(first, new UserKeyHasher(settings).hash("alice-key"));
        assertEquals(secret, settings.get(UserKeyHasher.SECRET_SETTING).orElseThrow());
        assertTrue(first.matches("[0-9a-f]{64}"));
        assertNotEquals(first, hasher.hash("bob-key"));
        settings.put(UserKeyHasher.SECRET_SETTING, java.util.Base64.getEncoder().encodeToString(new byte[32]), null);
        assertNotEquals("another installation's secret gives another hash", first, new UserKeyHasher(settings).hash("alice-key"));
    }

    private static String table(Connection c, String namePattern) throws Exception {
        try (ResultSet found = c.getMetaData().getTables(null, null, namePattern, null)) {
            assertTrue(namePattern, found.next());
            return found.getString("TABLE_NAME");
        }
    }
}
