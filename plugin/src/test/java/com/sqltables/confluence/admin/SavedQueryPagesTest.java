package com.sqltables.confluence.admin;

import com.sqltables.confluence.audit.AuditEvent;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.SqlRejectedException;
import com.sqltables.confluence.usage.Periods;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The saved-query tab for an authorised administrator, on real stores, templates and texts. */
public class SavedQueryPagesTest {
    private static final String ACTOR = AdminFixture.ADMIN.getStringValue();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;
    private Datasource sales;

    @After
    public void tearDown() {
        fixture.close();
    }

    @Before
    public void setUp() throws IOException {
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
        sales = fixture.service.create(DatasourceSettings.builder().name("sales").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:sales").build(), null, ACTOR);
    }

    private FakeHttp.Request saveForm(String name, String sql) {
        return AdminFixture.post("/queries/save").param("name", name).param("datasourceId", String.valueOf(sales.getId()))
                .param("sqlText", sql).param("description", "");
    }

    @Test
    public void create_withDeclaredParameters_storesThem_dropsEmptyRows_andAudits() throws IOException {
        FakeHttp.Response response = fixture.send(saveForm("by-region", "SELECT * FROM orders WHERE region = :region AND day >= :since")
                .param("param.name.0", "region").param("param.type.0", "TEXT").param("param.default.0", "EU")
                .param("param.url.0", "true")
                .param("param.name.1", "").param("param.type.1", "TEXT").param("param.default.1", "")
                .param("param.name.2", "since").param("param.type.2", "DATE").param("param.default.2", "2024-01-01")
                .param("param.required.2", "true"));

        assertEquals(response.body(), 303, response.status);
        assertEquals(FakeHttp.CONTEXT + AdminRoute.BASE + "/queries?done=created", response.location());
        SavedQuery stored = fixture.savedQueryStore.findByName("by-region").orElseThrow();
        assertEquals(List.of(new QueryParameter("region", ParameterType.TEXT, "EU", false, true),
                new QueryParameter("since", ParameterType.DATE, "2024-01-01", true, false)), stored.getSettings().getParameters());
        assertEquals(ACTOR, stored.getOwnerUserKey());
        AuditEvent event = fixture.auditStore.list(0, 1).getItems().get(0);
        assertEquals("savedquery.create", event.getEntry().getAction());
        assertFalse("the audit names the SQL size, not the SQL", event.getEntry().getDetails().contains("orders"));
    }

    @Test
    public void list_showsRenderCountsOfThisAndLastMonth_fromPersistedUsageCounters() throws IOException {
        SavedQuery counted = fixture.queryAdmin.create(new SavedQuerySettings("counted", sales.getId(), "SELECT 1", null, null), ACTOR);
        SavedQuery unused = fixture.queryAdmin.create(new SavedQuerySettings("unused", sales.getId(), "SELECT 2", null, null), ACTOR);
        InMemoryUsageEvents events = new InMemoryUsageEvents();
        for (int i = 0; i < 3; i++) {
            events.macroRendered(MacroRender.builder().querySource(MacroRender.QuerySource.SAVED)
                    .savedQueryId(counted.getId()).build());
        }
        // What the usage flush does with a drain: counters go to the store, per period.
        for (UsageSnapshot snapshot : events.drain()) {
            fixture.usageCounters.addAll(snapshot.getPeriod(), snapshot.getCounters(), "node-a");
        }
        String lastMonth = Periods.of(YearMonth.now(ZoneOffset.UTC).minusMonths(1));
        fixture.usageCounters.add(lastMonth, InMemoryUsageEvents.savedQueryRendersKey(counted.getId()), 4, "node-b");
        fixture.usageCounters.add("2020-01", InMemoryUsageEvents.savedQueryRendersKey(counted.getId()), 100, "node-b");

        String body = fixture.send(AdminFixture.get("/queries")).body();

        assertTrue(body, body.matches("(?s).*data-query-id=\"" + counted.getId() + "\".*?<td class=\"sql-tables-renders\">7</td>.*"));
        assertTrue(body, body.matches("(?s).*data-query-id=\"" + unused.getId() + "\".*?<td class=\"sql-tables-renders\">0</td>.*"));
        assertTrue(body, body.contains("Renders (this and last month)"));
    }

    @Test
    public void list_showsDatasourceOwnerAndModified_escaped() throws IOException {
        fixture.queryAdmin.create(new SavedQuerySettings("q<b>1", sales.getId(), "SELECT 1", null, null), ACTOR);

        FakeHttp.Response response = fixture.send(AdminFixture.get("/queries"));

        assertEquals(200, response.status);
        assertTrue(response.body(), response.body().contains(">q&lt;b&gt;1</a>"));
        assertTrue(response.body(), response.body().contains("<td>sales</td>"));
        assertTrue(response.body(), response.body().contains("<td>Ada &lt;Admin&gt;</td>"));
    }

    @Test
    public void save_invalidParameter_showsTheMessageOnItsRow_andKeepsTheTypedValues() throws IOException {
        FakeHttp.Response response = fixture.send(saveForm("bad", "SELECT :n")
                .param("param.name.0", "n").param("param.type.0", "INTEGER").param("param.default.0", "twelve<script>"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("data-field=\"parameters[0].defaultValue\">must be"));
        assertTrue(response.body(), response.body().contains("value=\"twelve&lt;script&gt;\""));
        assertFalse(fixture.savedQueryStore.findByName("bad").isPresent());
    }

    @Test
    public void save_sqlOverTheMaximumSize_isRefusedOnTheSqlField() throws IOException {
        String sql = "SELECT 1 -- " + "x".repeat(SavedQueryAdmin.MAX_SQL_LENGTH);

        FakeHttp.Response response = fixture.send(saveForm("huge", sql));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("data-field=\"sqlText\">must be at most 100000 characters"));
    }

    @Test
    public void save_unknownDatasource_isReportedOnTheDatasourceField() throws IOException {
        FakeHttp.Response response = fixture.send(saveForm("orphan", "SELECT 1").param("datasourceId", "999999"));
        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("data-field=\"datasourceId\">"));
    }

    @Test
    public void edit_staleRevision_isRefusedAs409() throws IOException {
        SavedQuery query = fixture.queryAdmin.create(new SavedQuerySettings("q", sales.getId(), "SELECT 1", null, null), ACTOR);
        String id = String.valueOf(query.getId());
        String opened = String.valueOf(query.getRevision());
        assertEquals(303, fixture.send(saveForm("q", "SELECT 2").param("id", id).param("revision", opened)).status);

        FakeHttp.Response second = fixture.send(saveForm("q", "SELECT 3").param("id", id).param("revision", opened));

        assertEquals(409, second.status);
        assertTrue(second.body().contains("Someone else saved this query after you opened it."));
        assertEquals("SELECT 2", fixture.savedQueryStore.get(query.getId()).orElseThrow().getSettings().getSqlText());
    }

    @Test
    public void editForm_showsTheStoredValues_andEmptyRowsForNewParameters() throws IOException {
        SavedQuery query = fixture.queryAdmin.create(new SavedQuerySettings("q", sales.getId(), "SELECT :a", "d",
                List.of(new QueryParameter("a", ParameterType.BOOLEAN, "true", true, false))), ACTOR);

        String body = fixture.send(AdminFixture.get("/queries/edit").param("id", String.valueOf(query.getId()))).body();

        assertTrue(body, body.contains("name=\"param.name.0\" value=\"a\""));
        assertTrue(body, body.contains("<option value=\"BOOLEAN\" selected>"));
        assertTrue(body, body.contains("name=\"param.name.3\" value=\"\""));
        assertTrue(body, body.contains("at most 100,000 characters"));
    }

    @Test
    public void delete_removesIt_andAuditsIt() throws IOException {
        SavedQuery query = fixture.queryAdmin.create(new SavedQuerySettings("q", sales.getId(), "SELECT 1", null, null), ACTOR);

        FakeHttp.Response response = fixture.send(AdminFixture.post("/queries/delete").param("id", String.valueOf(query.getId())));

        assertEquals(303, response.status);
        assertFalse(fixture.savedQueryStore.get(query.getId()).isPresent());
        assertEquals("savedquery.delete", fixture.auditStore.list(0, 1).getItems().get(0).getEntry().getAction());
        assertEquals(404, fixture.send(AdminFixture.post("/queries/delete").param("id", String.valueOf(query.getId()))).status);
    }

    @Test
    public void preview_runsTheUnsavedSqlWithDefaults_andReturnsTheFirstRowsAsJson() throws Exception {
        Datasource db = fixture.service.create(DatasourceSettings.builder().name("preview-db").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:preview;DB_CLOSE_DELAY=-1").username("sa").readOnly(true).build(), null, ACTOR);
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:preview;DB_CLOSE_DELAY=-1", "sa", "");
             java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS t");
            st.execute("CREATE TABLE t(n INT, label VARCHAR(50))");
            st.execute("INSERT INTO t SELECT x, CASE WHEN x = 1 THEN '<b>one</b>' ELSE NULL END FROM SYSTEM_RANGE(1, 30)");
        }

        FakeHttp.Response response = fixture.send(AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", String.valueOf(db.getId()))
                .param("sqlText", "SELECT n, label FROM t WHERE n >= :min ORDER BY n")
                .param("param.name.0", "min").param("param.type.0", "INTEGER").param("param.default.0", "1"));

        assertEquals(response.body(), 200, response.status);
        assertTrue(response.body(), response.body().startsWith("{\"success\":true,\"columns\":[\"N\",\"LABEL\"],"
                + "\"rows\":[[\"1\",\"\\u003Cb\\u003Eone\\u003C/b\\u003E\"],[\"2\",null]"));
        assertTrue(response.body(), response.body().endsWith("\"truncated\":true}"));
        assertFalse(fixture.savedQueryStore.findByName("p").isPresent());
    }

    @Test
    public void preview_writeOnAReadOnlyDatasource_isRefusedBeforeItRuns() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", String.valueOf(sales.getId())).param("sqlText", "DELETE FROM t"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains(
                "\"message\":\"Only SELECT statements may run; this is a DELETE statement.\""));
        assertFalse("the reason is sent once, not again as a field error", response.body().contains("fieldErrors"));
    }

    @Test
    public void preview_refusedSql_isWordedInTheAdministratorsLanguage() throws IOException {
        fixture.i18n.translate(SqlRejectedException.KEY_PREFIX + "with.write",
                "WITH {0} AS ({1} \u2026) \u00e4ndert Daten; nur lesende WITH-Abfragen d\u00fcrfen laufen.");
        FakeHttp.Response response = fixture.send(AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", String.valueOf(sales.getId()))
                .param("sqlText", "WITH gone AS (DELETE FROM t RETURNING id) SELECT * FROM gone"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("\"message\":\"WITH gone AS (DELETE \u2026) \u00e4ndert Daten;"
                + " nur lesende WITH-Abfragen d\u00fcrfen laufen.\""));
    }

    @Test
    public void preview_missingRequiredParameter_namesIt() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", String.valueOf(sales.getId())).param("sqlText", "SELECT :region")
                .param("param.name.0", "region").param("param.type.0", "TEXT").param("param.required.0", "true"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("\"message\":\"Parameter \\u0027region\\u0027 is required.\""));
        assertTrue(response.body(), response.body().contains("\"fieldErrors\":{\"region\":\"is required\"}"));
    }

    @Test
    public void preview_parameterProblem_isWordedInTheAdministratorsLanguage() throws IOException {
        fixture.i18n.translate(ParameterException.KEY_PREFIX + "error", "Parameter {0}: {1}.");
        fixture.i18n.translate(ParameterException.KEY_PREFIX + "required", "fehlt");
        FakeHttp.Response response = fixture.send(AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", String.valueOf(sales.getId())).param("sqlText", "SELECT :region")
                .param("param.name.0", "region").param("param.type.0", "TEXT").param("param.required.0", "true"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("\"message\":\"Parameter region: fehlt.\""));
        assertTrue(response.body(), response.body().contains("\"fieldErrors\":{\"region\":\"fehlt\"}"));
    }
}
