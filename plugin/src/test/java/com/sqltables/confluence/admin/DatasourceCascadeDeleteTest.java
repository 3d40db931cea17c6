package com.sqltables.confluence.admin;

import com.sqltables.confluence.audit.AuditEvent;
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
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** Deleting a datasource that saved queries use: refused with the reasons, or deleted with them once confirmed. */
public class DatasourceCascadeDeleteTest {
    private static final String ACTOR = AdminFixture.ADMIN.getStringValue();

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;
    private Datasource sales;
    private SavedQuery first;
    private SavedQuery hostile;

    @After
    public void tearDown() {
        fixture.close();
    }

    @Before
    public void setUp() throws IOException {
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
        sales = fixture.service.create(DatasourceSettings.builder().name("sales<i>").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:cascade").build(), null, ACTOR);
        first = fixture.queryAdmin.create(new SavedQuerySettings("monthly", sales.getId(), "SELECT 1", null, null), ACTOR);
        hostile = fixture.queryAdmin.create(new SavedQuerySettings("<img src=x onerror=alert(1)>", sales.getId(),
                "SELECT 2", null, null), ACTOR);
    }

    private FakeHttp.Request cascade(String queryIds) {
        return AdminFixture.post("/datasources/delete").param("id", String.valueOf(sales.getId()))
                .param("confirm", "cascade").param("queryIds", queryIds);
    }

    @Test
    public void delete_inUse_isRefusedWithReasons_andOffersTheCascadeWithTheQueriesListedEscaped() throws IOException {
        int auditBefore = fixture.auditCount();

        FakeHttp.Response response = fixture.send(AdminFixture.post("/datasources/delete").param("id", String.valueOf(sales.getId())));

        assertEquals(409, response.status);
        String body = response.body();
        assertTrue(body, body.contains("is used by 2 saved queries"));
        // The refusal says "delete them first"; the offer must read as the alternative to it, not contradict it.
        assertTrue(body, body.contains("Or delete the datasource together with the 2 saved queries that use it:"));
        assertTrue(body, body.contains("name=\"confirm\" value=\"cascade\""));
        assertTrue(body, body.contains("name=\"queryIds\" value=\"" + first.getId() + "," + hostile.getId() + "\"")
                || body.contains("name=\"queryIds\" value=\"" + hostile.getId() + "," + first.getId() + "\""));
        assertTrue(body, body.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertFalse(body, body.contains("<img src=x") || body.contains("sales<i>"));
        assertTrue(body, body.contains("Delete the datasource and 2 saved queries"));
        assertTrue(fixture.datasourceStore.get(sales.getId()).isPresent());
        assertEquals(2, fixture.savedQueryStore.listForDatasource(sales.getId()).size());
        assertEquals(auditBefore, fixture.auditCount());
    }

    @Test
    public void cascade_confirmed_deletesQueriesAndDatasource_andAuditsEach() throws IOException {
        int auditBefore = fixture.auditCount();

        FakeHttp.Response response = fixture.send(cascade(first.getId() + "," + hostile.getId()));

        assertEquals(response.body(), 303, response.status);
        assertEquals(FakeHttp.CONTEXT + AdminRoute.BASE + "/datasources?done=deleted", response.location());
        assertFalse(fixture.datasourceStore.get(sales.getId()).isPresent());
        assertTrue(fixture.savedQueryStore.list().isEmpty());
        assertEquals(auditBefore + 3, fixture.auditCount());
        List<AuditEvent> events = fixture.auditStore.list(0, 3).getItems();
        List<String> actions = events.stream().map(e -> e.getEntry().getAction()).sorted().collect(Collectors.toList());
        assertEquals(List.of("datasource.delete", "savedquery.delete", "savedquery.delete"), actions);
        for (AuditEvent event : events) {
            assertEquals(ACTOR, event.getEntry().getActorUserKey());
            assertFalse("no SQL in the audit", event.getEntry().getDetails().contains("SELECT"));
        }
        assertTrue(events.stream().anyMatch(e -> e.getEntry().getDetails().contains("savedQueriesDeleted=2")));
    }

    @Test
    public void cascade_whenAQueryWasAddedAfterConfirming_deletesNothing_andAsksAgain() throws IOException {
        String confirmed = first.getId() + "," + hostile.getId();
        SavedQuery late = fixture.queryAdmin.create(new SavedQuerySettings("added-meanwhile", sales.getId(), "SELECT 3",
                null, null), ACTOR);
        int auditBefore = fixture.auditCount();

        FakeHttp.Response response = fixture.send(cascade(confirmed));

        assertEquals(409, response.status);
        assertTrue(response.body(), response.body().contains("changed since the deletion was confirmed"));
        assertTrue(response.body(), response.body().contains("added-meanwhile"));
        assertTrue(fixture.datasourceStore.get(sales.getId()).isPresent());
        assertEquals(3, fixture.savedQueryStore.listForDatasource(sales.getId()).size());
        assertTrue(fixture.savedQueryStore.get(late.getId()).isPresent());
        assertEquals(auditBefore, fixture.auditCount());
    }

    @Test
    public void cascade_withForgedOrEmptyIds_deletesNothing() throws IOException {
        for (String ids : new String[] {"", "abc", String.valueOf(first.getId()), first.getId() + ",999999"}) {
            assertEquals(ids, 409, fixture.send(cascade(ids)).status);
        }
        assertTrue(fixture.datasourceStore.get(sales.getId()).isPresent());
        assertEquals(2, fixture.savedQueryStore.list().size());
    }

    @Test
    public void cascade_ofUnusedDatasource_withNoIds_deletesIt() throws IOException {
        Datasource unused = fixture.service.create(DatasourceSettings.builder().name("unused").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:unused").build(), null, ACTOR);

        FakeHttp.Response response = fixture.send(AdminFixture.post("/datasources/delete").param("id", String.valueOf(unused.getId()))
                .param("confirm", "cascade").param("queryIds", ""));

        assertEquals(303, response.status);
        assertFalse(fixture.datasourceStore.get(unused.getId()).isPresent());
    }
}
