package com.sqltables.confluence.macro;

import static com.sqltables.confluence.macro.MacroFixture.ANALYST;
import static com.sqltables.confluence.macro.MacroFixture.FINANCE;
import static com.sqltables.confluence.macro.MacroFixture.OUTSIDER;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import com.sqltables.confluence.macro.render.TableTexts;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The result cache, the refresh link and the usage events through the whole macro, and the promise
 * that rendering never writes to Confluence's database.
 */
public class SqlTableMacroCacheAndUsageTest {
    private static final String REFRESH_4242 = "<p class=\"sql-tables-refresh\">"
            + "<a href=\"?pageId=4242&amp;sqlt_refresh=1\" rel=\"nofollow\">Refresh</a></p>";

    private MacroFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = new MacroFixture();
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    private String bigSales(MacroFixture.Render render) {
        return render.query("Big sales").param("cacheSeconds", "60").run();
    }

    private Map<String, Long> counters() {
        List<UsageSnapshot> snapshots = fixture.usage.drain();
        assertEquals(1, snapshots.size());
        return snapshots.get(0).getCounters();
    }

    @Test
    public void cache_secondRenderWithinCacheSeconds_doesNotQueryAgain() throws Exception {
        String first = bigSales(fixture.render());
        fixture.sampleSql("INSERT INTO sales VALUES (6, 'EU', 700, DATE '2024-04-01', 'new')");
        assertEquals(first, bigSales(fixture.render()));
        fixture.advanceSeconds(60);
        String later = bigSales(fixture.render());
        assertTrue(later, later.contains(">6</td>"));
        Map<String, Long> counters = counters();
        assertEquals(Long.valueOf(2), counters.get("macro.cache.miss"));
        assertEquals(Long.valueOf(1), counters.get("macro.cache.hit"));
    }

    @Test
    public void cache_withoutCacheSeconds_queriesEveryTime() throws Exception {
        fixture.render().query("Big sales").run();
        fixture.sampleSql("INSERT INTO sales VALUES (6, 'EU', 700, DATE '2024-04-01', 'new')");
        assertTrue(fixture.render().query("Big sales").run().contains(">6</td>"));
        assertFalse(counters().containsKey("macro.cache.hit"));
    }

    @Test
    public void cache_isKeyedByValuesRowCapAndPresentation() throws Exception {
        String eu = fixture.render().query("Sales in region").param("cacheSeconds", "60").run();
        String us = fixture.render().query("Sales in region").param("cacheSeconds", "60").url("sqlp_region=US").run();
        assertNotEquals(eu, us);
        String capped = fixture.render().query("Sales in region").param("cacheSeconds", "60").param("maxRows", "1").run();
        assertNotEquals(eu, capped);
        String pdf = fixture.render().output("pdf").query("Sales in region").param("cacheSeconds", "60").run();
        assertFalse(pdf, pdf.contains("sql-tables-interactive"));
        assertEquals(Long.valueOf(4), counters().get("macro.cache.miss"));
    }

    @Test
    public void cache_sharedBetweenViewers_stillChecksEachViewer() {
        bigSales(fixture.render().viewer(ANALYST));
        String refused = bigSales(fixture.render().viewer(OUTSIDER));
        assertTrue(refused, refused.contains("You are not allowed to see data"));
    }

    @Test
    public void cache_changedDatasource_neverServesTheOldResult() throws Exception {
        bigSales(fixture.render());
        fixture.datasources.update(fixture.sales.getId(), fixture.sales.getRevision(),
                fixture.sales.getSettings().toBuilder().maxRows(1).build(), null);
        // Renders see a changed datasource once their remembered definition is old enough.
        fixture.advanceSeconds(Definitions.MAX_AGE_SECONDS);
        String html = bigSales(fixture.render());
        assertTrue(html, html.contains("Only the first 1 rows are shown."));
    }

    @Test
    public void cache_previewAlwaysQueries() throws Exception {
        bigSales(fixture.render());
        fixture.sampleSql("INSERT INTO sales VALUES (6, 'EU', 700, DATE '2024-04-01', 'new')");
        assertTrue(bigSales(fixture.render().output("preview")).contains(">6</td>"));
    }

    @Test
    public void refreshLink_isOfferedToLoggedInViewersOfCachedTables() {
        String html = bigSales(fixture.render().url("pageId=4242"));
        assertTrue(html, html.endsWith("<p class=\"sql-tables-refresh\"><a href=\"?pageId=4242&amp;sqlt_refresh=1\""
                + " rel=\"nofollow\">Refresh</a></p>"));
        assertFalse(fixture.render().query("Big sales").url("pageId=4242").run().contains("sql-tables-refresh"));
        assertFalse(fixture.render().query("Open count").viewer(null).param("cacheSeconds", "60").run()
                .contains("sql-tables-refresh"));
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }

    private String openCount(MacroFixture.Render render) {
        return render.query("Open count").param("cacheSeconds", "60").url("pageId=4242").run();
    }

    @Test
    public void refreshLink_onCachedHits_onceForLoggedInViewers_neverForAnonymousOnes() {
        String anonymousMiss = openCount(fixture.render().viewer(null));
        assertEquals(0, occurrences(anonymousMiss, "sql-tables-refresh"));
        String loggedInHit = openCount(fixture.render());
        assertEquals(1, occurrences(loggedInHit, "sql-tables-refresh"));
        assertEquals(anonymousMiss + REFRESH_4242, loggedInHit);
        // Hits after the link was kept with the table: still exactly once, and never for anonymous viewers.
        assertEquals(loggedInHit, openCount(fixture.render()));
        assertEquals(anonymousMiss, openCount(fixture.render().viewer(null)));
        assertEquals(loggedInHit, openCount(fixture.render().viewer(FINANCE)));
        assertEquals(Long.valueOf(4), counters().get("macro.cache.hit"));
    }

    @Test
    public void refreshLink_onCachedHits_pointsAtEachViewersOwnPageAddress() {
        String first = openCount(fixture.render());
        String other = fixture.render().query("Open count").param("cacheSeconds", "60").url("pageId=4242&x=<b>").run();
        assertEquals(1, occurrences(other, "sql-tables-refresh"));
        assertTrue(other, other.endsWith("<a href=\"?pageId=4242&amp;x=&lt;b&gt;&amp;sqlt_refresh=1\" rel=\"nofollow\">"
                + "Refresh</a></p>"));
        assertEquals(first, openCount(fixture.render()));
    }

    @Test
    public void refreshLink_onCachedHits_isInEachViewersLanguage() {
        String english = openCount(fixture.render());
        assertTrue(english, english.endsWith(">Refresh</a></p>"));
        fixture.i18n.translate(SqlTableService.KEY_PREFIX + "refresh", "Aktualisieren & neu laden");
        String german = openCount(fixture.render());
        assertEquals(1, occurrences(german, "sql-tables-refresh"));
        assertTrue(german, german.endsWith(">Aktualisieren &amp; neu laden</a></p>"));
        assertEquals(Long.valueOf(1), counters().get("macro.cache.hit"));
    }

    @Test
    public void cachedTable_isKeptPerLanguage_soEachViewerGetsTableTextsInTheirOwn() {
        String english = numberedSales(fixture.render());
        assertTrue(english, english.contains(">#</th>"));
        fixture.i18n.translate(TableTexts.KEY_LANGUAGE, "de");
        fixture.i18n.translate(TableTexts.KEY_ROW_NUMBER, "Nr.");
        String german = numberedSales(fixture.render());
        assertTrue(german, german.contains(">Nr.</th>"));
        fixture.i18n.translate(TableTexts.KEY_LANGUAGE, "en");
        fixture.i18n.translate(TableTexts.KEY_ROW_NUMBER, "#");
        assertEquals(english, numberedSales(fixture.render()));
        Map<String, Long> counters = counters();
        assertEquals(Long.valueOf(2), counters.get("macro.cache.miss"));
        assertEquals(Long.valueOf(1), counters.get("macro.cache.hit"));
    }

    private static String numberedSales(MacroFixture.Render render) {
        return render.query("Big sales").param("cacheSeconds", "60").param("rowNumbers", "true").run();
    }

    @Test
    public void refresh_reloadsAnEntryOldEnough_andIgnoresRepeatsSoon_after() throws Exception {
        bigSales(fixture.render());
        fixture.sampleSql("INSERT INTO sales VALUES (6, 'EU', 700, DATE '2024-04-01', 'new')");
        fixture.advanceSeconds(ResultCache.MIN_REFRESH_AGE_SECONDS - 1);
        assertFalse(bigSales(fixture.render().url("sqlt_refresh=1")).contains(">6</td>"));
        fixture.advanceSeconds(1);
        assertTrue(bigSales(fixture.render().url("sqlt_refresh=1")).contains(">6</td>"));
        Map<String, Long> counters = counters();
        assertEquals(Long.valueOf(1), counters.get("macro.cache.refresh"));
        assertEquals(Long.valueOf(1), counters.get("macro.cache.hit"));
    }

    @Test
    public void refresh_byAnAnonymousViewer_isIgnored() throws Exception {
        fixture.render().query("Open count").viewer(null).param("cacheSeconds", "60").run();
        fixture.sampleSql("INSERT INTO sales VALUES (6, 'EU', 700, DATE '2024-04-01', 'new')");
        fixture.advanceSeconds(30);
        String html = fixture.render().query("Open count").viewer(null).param("cacheSeconds", "60")
                .url("sqlt_refresh=1").run();
        assertTrue(html, html.contains(">" + MacroFixture.SALES_ROWS + "</td>"));
    }

    @Test
    public void usageEvents_describeEachRender() {
        fixture.render().query("Sales in region").param("rowNumbers", "true").param("caption", "c")
                .url("sqlp_region=US").run();
        fixture.render().query("Revenue since").param("parameters", "since=2024-01-01").param("numberFormat", "0.0")
                .param("cacheSeconds", "60").run();
        fixture.render().query("Revenue since").param("parameters", "since=2024-01-01").param("numberFormat", "0.0")
                .param("cacheSeconds", "60").output("pdf").viewer(ANALYST).run();
        fixture.render().sql("Sales", "SELECT :pageId AS p").run();
        fixture.render().query("Finance count").viewer(FINANCE).space("OTHER").run();
        fixture.render().query("Nope").viewer(null).run();
        fixture.render().query("Big sales").param("maxRows", "x").run();
        fixture.render().query("Big sales").param("maxRows", "1").param("dateFormat", "yyyy")
                .param("align", "id=left").output("preview").run();
        List<UsageSnapshot> snapshots = fixture.usage.drain();
        assertEquals(1, snapshots.size());
        Map<String, Long> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("macro.renders", 8L),
                Map.entry("macro.query.saved", 6L),
                Map.entry("macro.query.inline", 1L),
                Map.entry("macro.params.macro", 2L),
                Map.entry("macro.params.url", 1L),
                Map.entry("macro.params.context", 1L),
                Map.entry("macro.cache.miss", 2L),
                Map.entry("macro.option.rowNumbers", 1L),
                Map.entry("macro.option.caption", 1L),
                Map.entry("macro.option.numberFormat", 2L),
                Map.entry("macro.option.dateFormat", 1L),
                Map.entry("macro.option.align", 1L),
                Map.entry("macro.option.maxRows", 1L),
                Map.entry("macro.output.page", 6L),
                Map.entry("macro.output.export", 1L),
                Map.entry("macro.output.preview", 1L),
                Map.entry("macro.outcome.success", 5L),
                Map.entry("macro.outcome.accessDenied", 1L),
                Map.entry("macro.outcome.notFound", 1L),
                Map.entry("macro.outcome.macroParameter", 1L)));
        Map<String, Long> counters = new TreeMap<>(snapshots.get(0).getCounters());
        // Per saved query id (SavedQueryRenderUsageTest): every saved-query render but the unknown one.
        long perQuery = counters.entrySet().stream()
                .filter(e -> e.getKey().startsWith(InMemoryUsageEvents.SAVED_QUERY_RENDERS_PREFIX))
                .mapToLong(Map.Entry::getValue).sum();
        counters.keySet().removeIf(k -> k.startsWith(InMemoryUsageEvents.SAVED_QUERY_RENDERS_PREFIX));
        assertEquals(expected, counters);
        assertEquals(5L, perQuery);
        // User keys only (hashed later by the usage report), never user names.
        assertEquals(Set.of(ANALYST.getStringValue(), FINANCE.getStringValue()),
                snapshots.get(0).getActiveUserKeys());
    }

    @Test
    public void usageEvents_identifyEachTableOnItsPage_notPreviewsDiffsOrUnsavedContent() {
        fixture.render().query("Big sales").run();
        fixture.render().query("Big sales").viewer(FINANCE).run();
        fixture.render().query("Big sales").viewer(null).output("pdf").run();
        fixture.render().query("Big sales").param("caption", "Second table").run();
        fixture.render().query("Big sales").page(77).run();
        fixture.render().query("Big sales").param("maxRows", "x").page(78).run();
        fixture.render().query("Open count").output("email").page(79).run();
        fixture.render().query("Open count").output("preview").run();
        fixture.render().query("Open count").output("diff").run();
        fixture.render().query("Open count").withoutPage().run();

        List<UsageSnapshot> snapshots = fixture.usage.drain();
        assertEquals(1, snapshots.size());
        Set<String> tables = snapshots.get(0).getTableKeys();
        // The same macro seen by two viewers and exported is one table; another caption, another page, a
        // broken macro and a notification are four more; previews, diffs and unsaved content do not count.
        assertEquals(tables.toString(), 5, tables.size());
        for (String table : tables) {
            assertTrue(table, table.matches("[0-9a-f]{32}"));
        }
        assertTrue(tables.contains(TableIdentity.of(4242L, Map.of("query", "Big sales"), null)));
        assertFalse(tables.contains(TableIdentity.of(4242L, Map.of("query", "Open count"), null)));
    }

    @Test
    public void usageEvents_countTimeoutsAndDatabaseErrors() throws Exception {
        fixture.render().sql("Sales", "SELECT no_such_column FROM sales").run();
        assertEquals(Long.valueOf(1), counters().get("macro.outcome.queryFailed"));
        fixture.render().sql("Sales", "DELETE FROM sales").run();
        assertEquals(Long.valueOf(1), counters().get("macro.outcome.sqlRejected"));
        fixture.render().query("Revenue since").run();
        assertEquals(Long.valueOf(1), counters().get("macro.outcome.queryParameter"));
    }

    @Test
    public void rendering_neverWritesToConfluencesDatabase() throws Exception {
        Map<String, List<String>> before = appTables();
        for (int i = 0; i < 3; i++) {
            fixture.render().query("Sales in region").run();
            bigSales(fixture.render());
            fixture.render().sql("Sales", "SELECT COUNT(*) FROM sales").run();
            fixture.render().sql("Sales", "SELECT nope FROM sales").run();
            fixture.render().query("Finance count").run();
            fixture.render().query("Nope").run();
            fixture.render().query("Big sales").param("maxRows", "x").run();
            fixture.render().output("pdf").query("All sales").run();
            fixture.render().output("preview").sql("Sales", "SELECT 1").run();
        }
        assertFalse(fixture.usage.drain().isEmpty());
        assertEquals(before, appTables());
    }

    /** @return every row of every app table, as text, by table */
    private static Map<String, List<String>> appTables() throws Exception {
        Map<String, List<String>> contents = new TreeMap<>();
        try (Connection c = TestDatabase.H2.openJdbc(); Statement s = c.createStatement()) {
            for (String table : TestDatabase.H2.existingAppTables()) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    ResultSetMetaData meta = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.append(rs.getString(i)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                contents.put(table, rows);
            }
        }
        assertTrue(contents.toString(), contents.size() >= 8);
        return contents;
    }
}
