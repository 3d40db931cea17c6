package com.sqltables.confluence.admin;

import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Every admin URL and method, refused for anonymous users, non-admins, admins without WebSudo, and
 * state changes without a valid XSRF token (or, for JSON, without the header) — each time with nothing
 * changed. A route added to {@link AdminRoute} without a case here fails {@link #everyRoute_hasACase}.
 */
public class AdminSecurityTest {
    private static final String EXISTING = "Existing-secret-name";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;
    private Datasource existing;
    private SavedQuery existingQuery;

    @After
    public void tearDown() {
        fixture.close();
    }

    @Before
    public void setUp() throws IOException {
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
        existing = fixture.service.create(DatasourceSettings.builder().name(EXISTING).connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:existing").build(), "pw", AdminFixture.ADMIN.getStringValue());
        existingQuery = fixture.queryAdmin.create(new SavedQuerySettings(EXISTING + "-query", existing.getId(), "SELECT 1",
                null, null), AdminFixture.ADMIN.getStringValue());
    }

    /** A request per route that would change something (or show admin data) if it were let through. */
    private Map<AdminRoute, Supplier<FakeHttp.Request>> requests() {
        Map<AdminRoute, Supplier<FakeHttp.Request>> requests = new EnumMap<>(AdminRoute.class);
        String id = String.valueOf(existing.getId());
        requests.put(AdminRoute.DATASOURCES, () -> AdminFixture.get("/datasources"));
        requests.put(AdminRoute.DATASOURCE_NEW, () -> AdminFixture.get("/datasources/new"));
        requests.put(AdminRoute.DATASOURCE_EDIT, () -> AdminFixture.get("/datasources/edit").param("id", id));
        requests.put(AdminRoute.DATASOURCE_SAVE, () -> AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), "Injected"));
        requests.put(AdminRoute.DATASOURCE_DELETE, () -> AdminFixture.post("/datasources/delete").param("id", id));
        requests.put(AdminRoute.DATASOURCE_TEST, () -> AdminFixture.datasourceForm(AdminFixture.post("/datasources/test"), "Probe")
                .param("id", id).param("jdbcUrl", existing.getSettings().getJdbcUrl()));
        String queryId = String.valueOf(existingQuery.getId());
        requests.put(AdminRoute.QUERIES, () -> AdminFixture.get("/queries"));
        requests.put(AdminRoute.QUERY_NEW, () -> AdminFixture.get("/queries/new"));
        requests.put(AdminRoute.QUERY_EDIT, () -> AdminFixture.get("/queries/edit").param("id", queryId));
        requests.put(AdminRoute.QUERY_SAVE, () -> AdminFixture.post("/queries/save").param("name", "injected-query")
                .param("datasourceId", id).param("sqlText", "SELECT 2"));
        requests.put(AdminRoute.QUERY_DELETE, () -> AdminFixture.post("/queries/delete").param("id", queryId));
        requests.put(AdminRoute.QUERY_PREVIEW, () -> AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", id).param("sqlText", "SELECT '" + EXISTING + "' AS leaked"));
        requests.put(AdminRoute.AUDIT, () -> AdminFixture.get("/audit"));
        requests.put(AdminRoute.SETTINGS, () -> AdminFixture.get("/settings"));
        requests.put(AdminRoute.SETTINGS_SAVE, () -> AdminFixture.post("/settings/save").param("decision", "ENABLED"));
        requests.put(AdminRoute.SETTINGS_REPORT_DOWNLOAD, () -> AdminFixture.get("/settings/usage-report.json"));
        return requests;
    }

    @Test
    public void everyRoute_hasACase() {
        assertEquals(EnumSet.allOf(AdminRoute.class), requests().keySet());
    }

    @Test
    public void anonymous_isSentToLogin_orGets401ForJson_andNothingChanges() throws IOException {
        fixture.currentUser = null;
        for (Map.Entry<AdminRoute, Supplier<FakeHttp.Request>> e : requests().entrySet()) {
            FakeHttp.Response response = refusedWithoutChange(e.getKey(), e.getValue().get());
            if (e.getKey().getKind() == AdminRoute.Kind.JSON) {
                assertEquals(e.getKey() + " status", 401, response.status);
            } else {
                assertEquals(e.getKey() + " status", 302, response.status);
                assertTrue(e.getKey() + " goes to login: " + response.location(),
                        response.location().startsWith(FakeHttp.CONTEXT + "/login.action?os_destination="));
            }
        }
    }

    @Test
    public void nonAdmin_gets403_andNothingChanges() throws IOException {
        fixture.currentUser = AdminFixture.USER;
        for (Map.Entry<AdminRoute, Supplier<FakeHttp.Request>> e : requests().entrySet()) {
            FakeHttp.Response response = refusedWithoutChange(e.getKey(), e.getValue().get());
            assertEquals(e.getKey() + " status", 403, response.status);
        }
    }

    @Test
    public void adminWithoutWebSudo_isSentToWebSudo_orGets403ForJson_andNothingChanges() throws IOException {
        fixture.webSudo = false;
        for (Map.Entry<AdminRoute, Supplier<FakeHttp.Request>> e : requests().entrySet()) {
            FakeHttp.Response response = refusedWithoutChange(e.getKey(), e.getValue().get());
            if (e.getKey().getKind() == AdminRoute.Kind.JSON) {
                assertEquals(e.getKey() + " status", 403, response.status);
            } else {
                assertEquals(e.getKey() + " goes to WebSudo", FakeHttp.CONTEXT + "/authenticate.action", response.location());
            }
        }
    }

    @Test
    public void stateChanges_withoutOrWithWrongXsrfToken_get403_andNothingChanges() throws IOException {
        for (Map.Entry<AdminRoute, Supplier<FakeHttp.Request>> e : requests().entrySet()) {
            if (!e.getKey().isStateChanging()) {
                continue;
            }
            FakeHttp.Request missing = e.getValue().get();
            missing.parameters.remove("atl_token");
            assertEquals(e.getKey() + " without token", 403, refusedWithoutChange(e.getKey(), missing).status);
            FakeHttp.Request wrong = e.getValue().get().param("atl_token", "forged");
            assertEquals(e.getKey() + " with a wrong token", 403, refusedWithoutChange(e.getKey(), wrong).status);
        }
    }

    @Test
    public void jsonEndpoints_withoutTheTokenHeader_get403() throws IOException {
        for (Map.Entry<AdminRoute, Supplier<FakeHttp.Request>> e : requests().entrySet()) {
            if (e.getKey().getKind() != AdminRoute.Kind.JSON) {
                continue;
            }
            FakeHttp.Request request = e.getValue().get();
            request.headers.clear();
            FakeHttp.Response response = refusedWithoutChange(e.getKey(), request);
            assertEquals(403, response.status);
            assertTrue(response.contentType.startsWith("application/json"));
        }
    }

    @Test
    public void stateChangingRoutes_requestedWithGet_areNotFound_andChangeNothing() throws IOException {
        for (Map.Entry<AdminRoute, Supplier<FakeHttp.Request>> e : requests().entrySet()) {
            if (!e.getKey().isStateChanging()) {
                continue;
            }
            FakeHttp.Request post = e.getValue().get();
            FakeHttp.Request get = new FakeHttp.Request("GET", post.path);
            get.parameters.putAll(post.parameters);
            assertEquals(e.getKey() + " by GET", 404, refusedWithoutChange(e.getKey(), get).status);
        }
    }

    @Test
    public void unknownPaths_areCheckedLikePages() throws IOException {
        fixture.currentUser = AdminFixture.USER;
        assertEquals(403, refusedWithoutChange(null, AdminFixture.get("/nothing-here")).status);
        fixture.currentUser = AdminFixture.ADMIN;
        FakeHttp.Request post = AdminFixture.post("/nothing-here");
        post.parameters.remove("atl_token");
        assertEquals(403, refusedWithoutChange(null, post).status);
        assertEquals(404, refusedWithoutChange(null, AdminFixture.get("/nothing-here")).status);
    }

    /** The control: the very same requests, properly authorised, do change state — so the refusals above mean something. */
    @Test
    public void sameRequests_fromAnAdminWithWebSudoAndToken_doChangeState() throws IOException {
        Map<AdminRoute, Supplier<FakeHttp.Request>> requests = requests();
        FakeHttp.Response previewed = fixture.send(requests.get(AdminRoute.QUERY_PREVIEW).get());
        assertTrue(previewed.body(), previewed.body().contains(EXISTING));
        FakeHttp.Response tested = fixture.send(requests.get(AdminRoute.DATASOURCE_TEST).get());
        assertEquals(tested.body(), 200, tested.status);
        FakeHttp.Response created = fixture.send(requests.get(AdminRoute.DATASOURCE_SAVE).get());
        assertEquals(303, created.status);
        assertTrue(fixture.datasourceStore.findByName("Injected").isPresent());
        assertEquals(303, fixture.send(requests.get(AdminRoute.QUERY_SAVE).get()).status);
        assertTrue(fixture.savedQueryStore.findByName("injected-query").isPresent());
        assertEquals(303, fixture.send(requests.get(AdminRoute.QUERY_DELETE).get()).status);
        assertFalse(fixture.savedQueryStore.get(existingQuery.getId()).isPresent());
        fixture.queryAdmin.delete(fixture.savedQueryStore.findByName("injected-query").orElseThrow().getId(), "admin");
        FakeHttp.Response deleted = fixture.send(requests.get(AdminRoute.DATASOURCE_DELETE).get());
        assertEquals(303, deleted.status);
        assertFalse(fixture.datasourceStore.get(existing.getId()).isPresent());
        assertEquals(303, fixture.send(requests.get(AdminRoute.SETTINGS_SAVE).get()).status);
        assertEquals(com.sqltables.confluence.report.ReportDecision.ENABLED, fixture.consent.get().getDecision());
        for (AdminRoute page : List.of(AdminRoute.DATASOURCES, AdminRoute.DATASOURCE_NEW, AdminRoute.QUERIES,
                AdminRoute.AUDIT, AdminRoute.SETTINGS, AdminRoute.SETTINGS_REPORT_DOWNLOAD)) {
            assertEquals(page.toString(), 200, fixture.send(requests.get(page).get()).status);
        }
    }

    /**
     * The cascade deletion is a variant of {@link AdminRoute#DATASOURCE_DELETE} that deletes the most: it gets
     * every refusal the routes get, and the control proves the same request works when authorised.
     */
    @Test
    public void cascadeDelete_isRefusedForEveryoneButAnAuthorisedAdmin_andNothingChanges() throws IOException {
        AdminRoute route = AdminRoute.DATASOURCE_DELETE;
        Supplier<FakeHttp.Request> cascade = () -> AdminFixture.post("/datasources/delete")
                .param("id", String.valueOf(existing.getId())).param("confirm", AdminServlet.CASCADE)
                .param("queryIds", String.valueOf(existingQuery.getId()));

        fixture.currentUser = null;
        assertEquals(302, refusedWithoutChange(route, cascade.get()).status);
        fixture.currentUser = AdminFixture.USER;
        assertEquals(403, refusedWithoutChange(route, cascade.get()).status);
        fixture.currentUser = AdminFixture.ADMIN;
        fixture.webSudo = false;
        assertEquals(FakeHttp.CONTEXT + "/authenticate.action", refusedWithoutChange(route, cascade.get()).location());
        fixture.webSudo = true;
        FakeHttp.Request missing = cascade.get();
        missing.parameters.remove("atl_token");
        assertEquals(403, refusedWithoutChange(route, missing).status);
        assertEquals(403, refusedWithoutChange(route, cascade.get().param("atl_token", "forged")).status);
        FakeHttp.Request get = new FakeHttp.Request("GET", "/datasources/delete");
        get.parameters.putAll(cascade.get().parameters);
        assertEquals(404, refusedWithoutChange(route, get).status);

        assertEquals(303, fixture.send(cascade.get()).status);
        assertFalse(fixture.datasourceStore.get(existing.getId()).isPresent());
        assertFalse(fixture.savedQueryStore.get(existingQuery.getId()).isPresent());
    }

    private FakeHttp.Response refusedWithoutChange(AdminRoute route, FakeHttp.Request request) throws IOException {
        List<Datasource> before = new ArrayList<>(fixture.datasourceStore.list());
        List<SavedQuery> queriesBefore = new ArrayList<>(fixture.savedQueryStore.list());
        int auditBefore = fixture.auditCount();
        com.sqltables.confluence.report.ReportDecision decisionBefore = fixture.consent.get().getDecision();
        FakeHttp.Response response = fixture.send(request);
        assertEquals(route + ": usage report decision changed", decisionBefore, fixture.consent.get().getDecision());
        assertEquals(route + ": datasources changed", before, fixture.datasourceStore.list());
        assertEquals(route + ": saved queries changed", queriesBefore, fixture.savedQueryStore.list());
        assertEquals(route + ": audit log changed", auditBefore, fixture.auditCount());
        assertFalse(route + " leaked admin data: " + response.body(), response.body().contains(EXISTING));
        return response;
    }
}
