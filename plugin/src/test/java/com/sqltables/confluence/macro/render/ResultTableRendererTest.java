package com.sqltables.confluence.macro.render;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.query.execution.QueryRequest;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Exact markup of result tables, rendered from real H2 results. */
public class ResultTableRendererTest {
    private static final String STATIC_START = "<div class=\"sql-tables-result\"><table class=\"confluenceTable sql-tables-table\">";
    private static final String END = "</tbody></table></div>";

    private Rendering rendering;

    @Before
    public void setUp() {
        rendering = new Rendering(TestDatabase.H2);
    }

    @After
    public void tearDown() {
        rendering.close();
    }

    private static TableOptions exported() {
        return TableOptions.defaults().withStaticOutput(true);
    }

    @Test
    public void render_interactiveTable_withCaptionAndRowNumbers() throws Exception {
        String html = rendering.render("SELECT * FROM (VALUES (1, 'a', CAST(NULL AS VARCHAR)), (2, 'b', 'c'))"
                + " AS t(\"n\", \"s\", \"z\") ORDER BY 1", TableOptions.defaults().withCaption("Sales").withRowNumbers(true));

        assertEquals("<div class=\"sql-tables-result sql-tables-interactive\">"
                + "<table class=\"confluenceTable sql-tables-table\"><caption>Sales</caption><thead><tr>"
                + "<th class=\"confluenceTh sql-tables-num sql-tables-rownum\" data-sql-tables-type=\"number\">#</th>"
                + "<th class=\"confluenceTh sql-tables-num\" data-sql-tables-type=\"number\">n</th>"
                + "<th class=\"confluenceTh\" data-sql-tables-type=\"text\">s</th>"
                + "<th class=\"confluenceTh\" data-sql-tables-type=\"text\">z</th>"
                + "</tr></thead><tbody>"
                + "<tr><td class=\"confluenceTd sql-tables-num sql-tables-rownum\">1</td>"
                + "<td class=\"confluenceTd sql-tables-num\">1</td><td class=\"confluenceTd\">a</td>"
                + "<td class=\"confluenceTd\"><span class=\"sql-tables-null\">NULL</span></td></tr>"
                + "<tr><td class=\"confluenceTd sql-tables-num sql-tables-rownum\">2</td>"
                + "<td class=\"confluenceTd sql-tables-num\">2</td><td class=\"confluenceTd\">b</td>"
                + "<td class=\"confluenceTd\">c</td></tr>"
                + END, html);
    }

    @Test
    public void render_staticOutput_hasNoHooksForScripts() throws Exception {
        String html = rendering.render("SELECT 1 AS \"n\"", TableOptions.defaults().forOutputType("pdf").withRowNumbers(true));

        assertEquals(STATIC_START + "<thead><tr><th class=\"confluenceTh sql-tables-num sql-tables-rownum\">#</th>"
                + "<th class=\"confluenceTh sql-tables-num\">n</th></tr></thead><tbody>"
                + "<tr><td class=\"confluenceTd sql-tables-num sql-tables-rownum\">1</td>"
                + "<td class=\"confluenceTd sql-tables-num\">1</td></tr>" + END, html);
        assertFalse(html.contains("data-"));
    }

    @Test
    public void render_hostileValuesLabelsAndCaption_areEscapedInert() throws Exception {
        String html = rendering.render("SELECT '<img src=x onerror=alert(1)>' AS \"<script>alert('l')</script>\","
                + " '\"><svg onload=alert(2)>&amp;' AS \"a\"\"b\", 'javascript:alert(3)' AS \"&lt;\"",
                exported().withCaption("</caption><script>alert('c')</script>"));

        assertEquals(STATIC_START + "<caption>&lt;/caption&gt;&lt;script&gt;alert(&#39;c&#39;)&lt;/script&gt;</caption>"
                + "<thead><tr><th class=\"confluenceTh\">&lt;script&gt;alert(&#39;l&#39;)&lt;/script&gt;</th>"
                + "<th class=\"confluenceTh\">a&#34;b</th><th class=\"confluenceTh\">&amp;lt;</th></tr></thead><tbody><tr>"
                + "<td class=\"confluenceTd\">&lt;img src=x onerror=alert(1)&gt;</td>"
                + "<td class=\"confluenceTd\">&#34;&gt;&lt;svg onload=alert(2)&gt;&amp;amp;</td>"
                + "<td class=\"confluenceTd\">javascript:alert(3)</td></tr>" + END, html);
    }

    @Test
    public void render_unicode_isKeptAsIs() throws Exception {
        String text = "Grüße — 日本語 — 😀 👩‍💻 — עברית — مرحبا";

        String html = rendering.render("SELECT '" + text + "' AS \"" + text + "\"", exported());

        assertEquals(STATIC_START + "<thead><tr><th class=\"confluenceTh\">" + text + "</th></tr></thead><tbody><tr>"
                + "<td class=\"confluenceTd\">" + text + "</td></tr>" + END, html);
    }

    @Test
    public void render_noRows_saysSoAcrossAllColumns() throws Exception {
        String html = rendering.render("SELECT 1 AS \"a\", 2 AS \"b\" FROM SYSTEM_RANGE(1, 1) WHERE 1 = 0",
                exported().withRowNumbers(true));

        assertTrue(html, html.endsWith("</tr></thead><tbody>"
                + "<tr><td class=\"confluenceTd sql-tables-empty\" colspan=\"3\">No rows.</td></tr>" + END));
    }

    @Test
    public void render_capped_showsTheNoticeAfterTheTable() throws Exception {
        String html = rendering.render(QueryRequest.builder(rendering.datasource(),
                "SELECT X AS \"n\" FROM SYSTEM_RANGE(1, 10)").maxRows(2).build(), exported());

        assertEquals(STATIC_START + "<thead><tr><th class=\"confluenceTh sql-tables-num\">n</th></tr></thead><tbody>"
                + "<tr><td class=\"confluenceTd sql-tables-num\">1</td></tr>"
                + "<tr><td class=\"confluenceTd sql-tables-num\">2</td></tr></tbody></table>"
                + "<p class=\"sql-tables-notice\">Only the first 2 rows are shown.</p></div>", html);
    }

    @Test
    public void render_statementWithoutResult_showsANoticeInsteadOfATable() throws Exception {
        String html = rendering.render("SET @sql_tables_unused = 1", exported());

        assertEquals("<div class=\"sql-tables-result\"><p class=\"sql-tables-notice\">The statement returned no"
                + " result.</p></div>", html);
    }

    @Test
    public void render_longText_isCutAtTheCapWithANote() throws Exception {
        try (Rendering capped = new Rendering(TestDatabase.H2, b -> b, new ResultTableRenderer(5))) {
            String html = capped.render("SELECT CAST('<abcdefgh' AS CLOB) AS \"c\", CAST('<abcd' AS CLOB) AS \"d\"",
                    exported());

            assertTrue(html, html.contains("<td class=\"confluenceTd\">&lt;abcd<span class=\"sql-tables-cut\">"
                    + "… (cut after 5 characters)</span></td><td class=\"confluenceTd\">&lt;abcd</td>"));
        }
    }

    @Test
    public void render_intoAnyAppendable_writesTheSameMarkup() throws Exception {
        String sql = "SELECT X AS \"n\", 'v' || X AS \"v\" FROM SYSTEM_RANGE(1, 3)";
        StringWriter writer = new StringWriter();
        rendering.executor().execute(QueryRequest.builder(rendering.datasource(), sql).build(),
                new ResultTableRenderer().sink(writer, TableOptions.defaults(), TableTexts.english()));

        assertEquals(rendering.render(sql, TableOptions.defaults()), writer.toString());
    }

    @Test
    public void render_allocationPerRow_staysFlatAsRowsGrow() throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (Rendering large = new Rendering(TestDatabase.H2, b -> b.maxRows(100_000), new ResultTableRenderer())) {
            long perRowSmall = allocatedPerRow(threads, large, 2_000);
            long perRowLarge = allocatedPerRow(threads, large, 20_000);

            assertTrue(perRowSmall + " bytes per row for 2,000 rows, " + perRowLarge + " for 20,000",
                    perRowLarge < perRowSmall * 3 / 2);
        }
    }

    /** Bytes the render thread allocates per row (the embedded database's share included), after a warm-up. */
    private static long allocatedPerRow(com.sun.management.ThreadMXBean threads, Rendering rendering, int rows)
            throws Exception {
        QueryRequest request = QueryRequest.builder(rendering.datasource(), "SELECT X AS \"n\", 'text ' || X AS \"t\","
                + " CAST(X AS DECIMAL(12,2)) / 3 AS \"d\", DATEADD(DAY, X, DATE '2026-01-01') AS \"day\","
                + " CASE WHEN MOD(X, 2) = 0 THEN NULL ELSE X > 5 END AS \"b\" FROM SYSTEM_RANGE(1, " + rows + ")").build();
        TableOptions options = TableOptions.defaults().withRowNumbers(true);
        rendering.render(request, options);
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        rendering.render(request, options);
        return (threads.getThreadAllocatedBytes(thread) - before) / rows;
    }

    @Test
    public void size_isHumanReadableWithoutLocaleFormatting() {
        assertEquals("0 bytes", HtmlTableSink.size(0));
        assertEquals("1 byte", HtmlTableSink.size(1));
        assertEquals("1023 bytes", HtmlTableSink.size(1023));
        assertEquals("12 KB", HtmlTableSink.size(12 * 1024 + 100));
        assertEquals("3.4 MB", HtmlTableSink.size((long) (3.4 * 1024 * 1024)));
        assertEquals("2.0 GB", HtmlTableSink.size(2L * 1024 * 1024 * 1024));
    }

    @Test
    public void staticOutputTypes_areTheExportsAndMessages() {
        for (String type : new String[] {"pdf", "word", "html_export", "email", "feed", "PDF"}) {
            assertTrue(type, TableOptions.isStaticOutputType(type));
        }
        for (String type : new String[] {"display", "preview", null}) {
            assertFalse(type, TableOptions.isStaticOutputType(type));
        }
    }
}
