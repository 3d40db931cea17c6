package com.sqltables.confluence.macro;

import static com.sqltables.confluence.macro.InertHtml.assertInert;
import static com.sqltables.confluence.macro.MacroFixture.ANALYST;
import static com.sqltables.confluence.macro.MacroFixture.FINANCE;
import static com.sqltables.confluence.macro.MacroFixture.OUTSIDER;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.atlassian.confluence.macro.Macro;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.SqlRejectedException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * {@link SqlTableMacro#execute} end to end on real stores, pools, executor and renderer (see
 * {@link MacroFixture}): saved queries with parameters, inline SQL, the access rules, values from the
 * page URL and the page context, and the messages of every kind of failure.
 */
public class SqlTableMacroTest {
    private static final Pattern CELL = Pattern.compile("<td class=\"confluenceTd[^\"]*\">(.*?)</td>");
    private static final Pattern HEADER = Pattern.compile("<th class=\"confluenceTh[^\"]*\"[^>]*>(.*?)</th>");

    private MacroFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = new MacroFixture();
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    private static List<String> cells(String html) {
        return all(CELL, html);
    }

    private static List<String> headers(String html) {
        return all(HEADER, html);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static void assertError(String html, String title, String message) {
        assertTrue(html, html.startsWith("<div class=\"aui-message aui-message-error sql-tables-error\">"));
        assertTrue(html, html.contains("<strong>" + title + "</strong>"));
        assertTrue(html, html.contains("<p>" + message + "</p>"));
        assertInert(html);
    }

    @Test
    public void macro_isABlockMacroWithAPlainTextBody() {
        assertEquals(Macro.BodyType.PLAIN_TEXT, fixture.macro.getBodyType());
        assertEquals(Macro.OutputType.BLOCK, fixture.macro.getOutputType());
    }

    @Test
    public void savedQuery_withMacroParameter_rendersTheTable() {
        String html = fixture.render().query("Revenue since").param("parameters", "since=2024-01-01").run();
        assertTrue(html, html.startsWith("<div class=\"sql-tables-result sql-tables-interactive\">"));
        assertTrue(html, html.contains("<table class=\"confluenceTable sql-tables-table\">"));
        assertEquals(List.of("REGION", "TOTAL"), headers(html));
        assertEquals(List.of("APAC", "5000000.00", "EU", "1234.50", "US", "100.49"), cells(html));
        assertInert(html);
    }

    @Test
    public void savedQuery_parameterNameIgnoresCase() {
        String html = fixture.render().query("revenue SINCE").param("parameters", "SINCE = 2024-03-01").run();
        assertEquals(List.of("APAC", "5000000.00", "US", "0.50"), cells(html));
    }

    @Test
    public void savedQuery_missingRequiredParameter_namesIt() {
        assertError(fixture.render().query("Revenue since").run(), "SQL table: please check the query parameters",
                "Parameter &#39;since&#39; is required.");
    }

    @Test
    public void savedQuery_wrongType_namesTheParameterAndTheValue() {
        String html = fixture.render().query("Revenue since").param("parameters", "since=last week").run();
        assertError(html, "SQL table: please check the query parameters",
                "Parameter &#39;since&#39; must be a date such as 2026-11-30 (was &#39;last week&#39;).");
    }

    @Test
    public void savedQuery_defaultValue_isUsedWithoutAValue() {
        assertEquals(List.of("1", "EU", "1234.50", "3", "EU", "10.00"),
                cells(fixture.render().query("Sales in region").run()));
    }

    @Test
    public void savedQuery_unknownName_saysSo() {
        assertError(fixture.render().query("Nope").run(), "SQL table: not found",
                "There is no saved query named &#39;Nope&#39;.");
    }

    @Test
    public void savedQuery_datasourceParameterNamingAnotherDatasource_isRefused() {
        String html = fixture.render().query("Sales in region").param("datasource", "Open").run();
        assertError(html, "SQL table: please check the macro settings", "Macro parameter &#39;datasource&#39; names"
                + " &#39;Open&#39;, but saved query &#39;Sales in region&#39; runs on datasource &#39;Sales&#39;:"
                + " remove the datasource parameter.");
    }

    @Test
    public void savedQuery_datasourceParameterNamingItsDatasource_isAccepted() {
        assertEquals(6, cells(fixture.render().query("Sales in region").param("datasource", "sales").run()).size());
    }

    @Test
    public void urlValue_forAUrlSettableParameter_winsOverTheMacroValue() {
        String html = fixture.render().query("Sales in region").param("parameters", "region=EU")
                .url("pageId=4242&sqlp_region=US").run();
        assertEquals(List.of("2", "US", "99.99", "5", "US", "0.50"), cells(html));
    }

    @Test
    public void urlValue_forAParameterNotUrlSettable_isIgnored() {
        String html = fixture.render().query("Big sales").url("sqlp_minimum=0").run();
        assertEquals(List.of("1", "4"), cells(html));
    }

    @Test
    public void urlValue_forAnUndeclaredName_isIgnoredByInlineSql() {
        String sql = "SELECT id FROM sales WHERE region = :region ORDER BY id";
        String html = fixture.render().sql("Sales", sql).param("parameters", "region=APAC").url("sqlp_region=EU").run();
        assertEquals(List.of("4"), cells(html));
    }

    @Test
    public void contextValues_comeFromThePageAndViewer() {
        String html = fixture.render().query("Context").space("SALES").viewer(FINANCE).lastModifier(ANALYST).run();
        // FINANCE is not in the Sales datasource's groups.
        assertError(html, "SQL table: not allowed", "You are not allowed to see data from datasource &#39;Sales&#39;.");
        html = fixture.render().query("Context").space("SALES").run();
        assertEquals(List.of("SALES", "4242", "analyst"), cells(html));
    }

    @Test
    public void contextValues_cannotBeSetByTheMacroOrTheUrl() {
        String html = fixture.render().query("Context").param("parameters", "pageId=1").run();
        assertError(html, "SQL table: please check the macro settings",
                "Macro parameter &#39;parameters&#39; sets &#39;pageId&#39;, which the page provides: remove it.");
        html = fixture.render().query("Context").url("sqlp_currentUser=admin&sqlp_pageId=1").run();
        assertEquals(List.of("SALES", "4242", "analyst"), cells(html));
    }

    @Test
    public void contextValues_withoutPageOrSpace_areNull() {
        String html = fixture.render().query("Context").space(null).withoutPage().run();
        String nullCell = "<span class=\"sql-tables-null\">NULL</span>";
        assertEquals(List.of(nullCell, nullCell, "analyst"), cells(html));
    }

    @Test
    public void inlineSql_lastEditorInAnAllowedGroup_runs() {
        String html = fixture.render().sql("Sales", "SELECT id, note FROM sales WHERE id < 3 ORDER BY id").run();
        assertEquals(List.of("1", "first", "2", "<span class=\"sql-tables-null\">NULL</span>"), cells(html));
    }

    @Test
    public void inlineSql_lastEditorNotInAnAllowedGroup_isRefusedForEveryViewer() {
        String html = fixture.render().sql("Sales", "SELECT * FROM canary").lastModifier(OUTSIDER).viewer(ANALYST).run();
        assertError(html, "SQL table: not allowed", "The SQL in this macro was last saved by someone who may not"
                + " write SQL for datasource &#39;Sales&#39;. It runs once a user allowed to write SQL for it saves"
                + " the page.");
    }

    @Test
    public void inlineSql_unknownLastEditor_isRefused() {
        String html = fixture.render().sql("Sales", "SELECT * FROM canary").lastModifier(null).run();
        assertTrue(html, html.contains("last saved by someone who may not write SQL"));
    }

    @Test
    public void inlineSql_datasourceForSavedQueriesOnly_isRefused() {
        String html = fixture.render().sql("Finance", "SELECT 1").viewer(FINANCE).lastModifier(FINANCE).space("FIN")
                .run();
        assertError(html, "SQL table: not allowed", "Datasource &#39;Finance&#39; runs saved queries only: choose one"
                + " with the &#39;query&#39; parameter instead of writing SQL into the macro.");
    }

    @Test
    public void inlineSql_datasourceWithoutGroups_letsNobodyWriteSql() {
        String html = fixture.render().sql("Open", "SELECT 1").run();
        assertTrue(html, html.contains("last saved by someone who may not write SQL for datasource &#39;Open&#39;"));
    }

    @Test
    public void inlineSql_notInTheSavedPage_isRefused() {
        // Storage format rendered "in the context of" a page by someone else, e.g. through Confluence's
        // REST conversion: the page's last editor never wrote this SQL.
        String html = fixture.render().sql("Sales", "SELECT * FROM canary")
                .storedBody(TestPage.storageWithSql("SELECT id FROM sales")).run();
        assertError(html, "SQL table: not allowed", "The SQL in this macro is not part of the saved page, so nobody"
                + " can vouch for it: it runs only from a saved page.");
    }

    @Test
    public void inlineSql_cutFromALongerStoredStatement_isRefused() {
        String html = fixture.render().sql("Sales", "SELECT id FROM sales")
                .storedBody(TestPage.storageWithSql("SELECT id FROM sales WHERE region = 'EU'")).run();
        assertTrue(html, html.contains("not part of the saved page"));
    }

    @Test
    public void inlineSql_withoutSavedContent_isRefused() {
        String html = fixture.render().sql("Sales", "SELECT 1").withoutPage().run();
        assertTrue(html, html.contains("last saved by someone who may not write SQL"));
    }

    @Test
    public void inlineSql_inThePreview_isJudgedByTheUserPreviewing() {
        String sql = "SELECT COUNT(*) AS n FROM sales";
        String allowed = fixture.render().output("preview").sql("Sales", sql).lastModifier(OUTSIDER).viewer(ANALYST)
                .storedBody("<p>old version</p>").run();
        assertEquals(List.of(String.valueOf(MacroFixture.SALES_ROWS)), cells(allowed));
        String refused = fixture.render().output("preview").sql("Sales", sql).lastModifier(ANALYST).viewer(OUTSIDER)
                .run();
        assertTrue(refused, refused.contains("SQL table: not allowed"));
    }

    @Test
    public void inlineSql_writeOnAReadOnlyDatasource_isRefusedAndChangesNothing() throws Exception {
        String html = fixture.render().sql("Sales", "DELETE FROM canary").run();
        assertTrue(html, html.contains("<strong>SQL table: the SQL was refused</strong>"));
        assertInert(html);
        html = fixture.render().sql("Sales", "SELECT 1; DROP TABLE canary").run();
        assertTrue(html, html.contains("<strong>SQL table: the SQL was refused</strong>"));
        assertEquals(1, fixture.sampleCount("canary"));
    }

    @Test
    public void inlineSql_questionMarkPlaceholder_isRefusedWithItsPosition() {
        String html = fixture.render().sql("Sales", "SELECT id FROM sales WHERE id = ?").run();
        assertError(html, "SQL table: the SQL was refused", "The ? at line 1, column 33 is not supported: use a named"
                + " parameter such as :region instead.");
    }

    @Test
    public void inlineSql_undeclaredParameters_areRequiredText() {
        String html = fixture.render().sql("Sales", "SELECT id FROM sales WHERE region = :region").run();
        assertError(html, "SQL table: please check the query parameters", "Parameter &#39;region&#39; is required.");
    }

    @Test
    public void inlineSql_databaseError_isShownWithoutInternals() {
        String html = fixture.render().sql("Sales", "SELECT no_such_column FROM sales").run();
        assertTrue(html, html.contains("<strong>SQL table: the query failed</strong>"));
        assertTrue(html, html.contains("NO_SUCH_COLUMN"));
        assertFalse(html, html.contains("at org.h2"));
        assertFalse(html, html.contains("jdbc:h2"));
        assertInert(html);
    }

    @Test
    public void datasource_usedInASpaceItDoesNotAllow_isRefused() {
        String html = fixture.render().query("Finance count").viewer(FINANCE).space("SALES").run();
        assertError(html, "SQL table: not allowed",
                "Datasource &#39;Finance&#39; may not be used in space &#39;SALES&#39;. A Confluence administrator can"
                        + " allow it.");
        assertEquals(List.of(String.valueOf(MacroFixture.SALES_ROWS)),
                cells(fixture.render().query("Finance count").viewer(FINANCE).space("FIN").run()));
    }

    @Test
    public void datasource_viewerInNoAllowedGroup_isRefused() {
        String html = fixture.render().query("Finance count").viewer(ANALYST).space("FIN").run();
        assertError(html, "SQL table: not allowed", "You are not allowed to see data from datasource &#39;Finance&#39;.");
    }

    @Test
    public void datasource_anonymousViewer_isAskedToLogInWhereGroupsAreListed() {
        String html = fixture.render().query("Sales in region").viewer(null).run();
        assertTrue(html, html.contains("Log in to see this table"));
        assertEquals(List.of(String.valueOf(MacroFixture.SALES_ROWS)),
                cells(fixture.render().query("Open count").viewer(null).run()));
    }

    @Test
    public void datasource_unknownName_saysSo() {
        assertError(fixture.render().sql("Nope", "SELECT 1").run(), "SQL table: not found",
                "There is no datasource named &#39;Nope&#39;.");
    }

    @Test
    public void macroParameters_malformed_giveAnErrorBox() {
        String html = fixture.render().query("Sales in region").param("maxRows", "lots").run();
        assertError(html, "SQL table: please check the macro settings",
                "Macro parameter &#39;maxRows&#39; must be a whole number from 1 to 1000000 (was &#39;lots&#39;).");
    }

    @Test
    public void macroParameterError_isWordedInTheReadersLanguage() {
        fixture.i18n.translate(MacroParameterException.KEY_PREFIX + "error", "Makroparameter \u201e{0}\u201c {1}.");
        fixture.i18n.translate(MacroParameterException.KEY_PREFIX + "whole.number",
                "muss eine ganze Zahl von {0} bis {1} sein (war \u201e{2}\u201c)");
        String html = fixture.render().query("Sales in region").param("maxRows", "lots").run();
        assertError(html, "SQL table: please check the macro settings",
                "Makroparameter \u201emaxRows\u201c muss eine ganze Zahl von 1 bis 1000000 sein (war \u201elots\u201c).");
    }

    @Test
    public void queryParameterError_isWordedInTheReadersLanguage() {
        fixture.i18n.translate(ParameterException.KEY_PREFIX + "error", "Parameter \u201e{0}\u201c {1}.");
        fixture.i18n.translate(ParameterException.KEY_PREFIX + "invalid", "muss {0} sein (war {1})");
        fixture.i18n.translate(ParameterException.KEY_PREFIX + "type.date", "ein Datum wie 2026-11-30");
        String html = fixture.render().query("Revenue since").param("parameters", "since=last week").run();
        assertError(html, "SQL table: please check the query parameters",
                "Parameter \u201esince\u201c muss ein Datum wie 2026-11-30 sein (war &#39;last week&#39;).");
    }

    @Test
    public void sqlRefusal_isWordedInTheReadersLanguage_withTheStatementKindInside() {
        fixture.i18n.translate(SqlRejectedException.KEY_PREFIX + "not.select",
                "Nur SELECT-Anweisungen d\u00fcrfen laufen; dies ist {0}.");
        fixture.i18n.translate(SqlRejectedException.KEY_PREFIX + "statement.a", "eine {0}-Anweisung");
        String html = fixture.render().sql("Sales", "DELETE FROM canary").run();
        assertError(html, "SQL table: the SQL was refused",
                "Nur SELECT-Anweisungen d\u00fcrfen laufen; dies ist eine DELETE-Anweisung.");
    }

    @Test
    public void sqlRefusal_isWordedInTheReadersLanguage_withThePositionInside() {
        fixture.i18n.translate(SqlRejectedException.KEY_PREFIX + "question.mark",
                "Das ? bei {0} geht nicht: nimm einen benannten Parameter wie :region.");
        fixture.i18n.translate(SqlRejectedException.KEY_PREFIX + "position", "Zeile {0}, Spalte {1}");
        String html = fixture.render().sql("Sales", "SELECT id FROM sales WHERE id = ?").run();
        assertError(html, "SQL table: the SQL was refused",
                "Das ? bei Zeile 1, Spalte 33 geht nicht: nimm einen benannten Parameter wie :region.");
    }

    @Test
    public void queryFailure_isWordedInTheReadersLanguageWithTheDatabasesOwnMessage() {
        fixture.i18n.translate("com.sqltables.confluence.query.failure.sql.state", "Die Datenbank meldet: {0} [{1}]");
        String html = fixture.render().sql("Sales", "SELECT no_such_column FROM sales").run();
        assertTrue(html, html.contains("<p>Die Datenbank meldet: "));
        assertTrue(html, html.contains("NO_SUCH_COLUMN"));
        assertTrue(html, html.contains("[42S22]</p>"));
        assertInert(html);
    }

    @Test
    public void maxRows_lowersTheCapAndSaysSo() {
        String html = fixture.render().query("All sales").param("maxRows", "2").run();
        assertEquals(2, html.split("<tr>", -1).length - 2);
        assertTrue(html, html.contains("<p class=\"sql-tables-notice\">Only the first 2 rows are shown.</p>"));
    }

    @Test
    public void maxRows_aboveTheDatasourceCap_neverRaisesIt() throws Exception {
        fixture.datasources.update(fixture.sales.getId(), fixture.sales.getRevision(),
                fixture.sales.getSettings().toBuilder().maxRows(3).build(), null);
        String html = fixture.render().query("All sales").param("maxRows", "100").run();
        assertEquals(3, html.split("<tr>", -1).length - 2);
        assertTrue(html, html.contains("Only the first 3 rows are shown."));
    }

    @Test
    public void captionAndRowNumbers_areRendered() {
        String html = fixture.render().query("Big sales").param("caption", "Big ones").param("rowNumbers", "true").run();
        assertTrue(html, html.contains("<caption>Big ones</caption>"));
        assertEquals(List.of("#", "ID"), headers(html));
        assertEquals(List.of("1", "1", "2", "4"), cells(html));
    }

    @Test
    public void formatting_numbersDatesAndAlignment_areApplied() {
        String html = fixture.render().query("All sales").param("maxRows", "2").param("numberFormat", "#,##0.00")
                .param("dateFormat", "dd.MM.yyyy").param("align", "region=center | note=right").run();
        assertEquals(List.of("1.00", "EU", "1,234.50", "15.01.2024", "first",
                "2.00", "US", "99.99", "01.02.2024", "<span class=\"sql-tables-null\">NULL</span>"), cells(html));
        assertTrue(html, html.startsWith("<div class=\"sql-tables-aligned sql-tables-align-c2-center"
                + " sql-tables-align-c5-right\"><div class=\"sql-tables-result"));
        assertTrue(html, html.contains("<td class=\"confluenceTd sql-tables-num\">1,234.50</td>"));
        assertTrue(html, html.endsWith("</div></div>"));
        assertInert(html);
    }

    @Test
    public void formatting_alignmentCountsTheRowNumberColumn() {
        String html = fixture.render().query("Big sales").param("rowNumbers", "true").param("align", "id=left").run();
        assertTrue(html, html.startsWith("<div class=\"sql-tables-aligned sql-tables-align-c2-left\">"));
    }

    @Test
    public void exportOutputTypes_getTheStaticTableWithoutStylesOrLinks() {
        for (String type : new String[] {"pdf", "word", "html_export", "email", "feed"}) {
            String html = fixture.render().output(type).query("Big sales").param("cacheSeconds", "60").run();
            assertTrue(type + ": " + html, html.startsWith("<div class=\"sql-tables-result\">"));
            assertFalse(type, html.contains("data-sql-tables-type"));
            assertFalse(type, html.contains("sql-tables-refresh"));
            assertEquals(List.of("1", "4"), cells(html));
        }
        org.mockito.Mockito.verify(fixture.pageBuilder, org.mockito.Mockito.never()).assembler();
    }

    @Test
    public void pageView_requiresTheStyleSheet() {
        fixture.render().query("Big sales").run();
        org.mockito.Mockito.verify(fixture.pageBuilder.assembler().resources())
                .requireWebResource("com.sqltables.confluence:sql-table-resources");
    }
}
