package com.sqltables.confluence.admin;

import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.util.List;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The datasource form's Permissions section, and its warning when SQL in pages is allowed to nobody. */
public class DatasourcePermissionsSectionTest {
    private static final String ACTOR = AdminFixture.ADMIN.getStringValue();
    private static final String WARNING_ID = "id=\"ds-inline-no-groups\"";

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

    private String editPage(boolean inlineSql, List<String> groups) throws IOException {
        Datasource ds = fixture.service.create(DatasourceSettings.builder().name("ds-" + inlineSql + groups.size())
                .connectionKind(ConnectionKind.H2).jdbcUrl("jdbc:h2:mem:perm").inlineSqlAllowed(inlineSql)
                .allowedSpaces(List.of("OPS")).allowedGroups(groups).build(), null, ACTOR);
        FakeHttp.Response response = fixture.send(AdminFixture.get("/datasources/edit").param("id", String.valueOf(ds.getId())));
        assertEquals(200, response.status);
        return response.body();
    }

    @Test
    public void newForm_hasAPermissionsSection_withHelpForSpacesGroupsAndInlineSql() throws IOException {
        String body = fixture.send(AdminFixture.get("/datasources/new")).body();

        int heading = body.indexOf("id=\"ds-permissions\"");
        assertTrue(body, heading > 0);
        assertTrue(body, body.indexOf("name=\"allowedSpaces\"") > heading);
        assertTrue(body, body.indexOf("name=\"allowedGroups\"") > heading);
        assertTrue(body, body.indexOf("name=\"inlineSqlAllowed\"") > heading);
        assertTrue(body, body.contains("Empty: every space."));
        assertTrue(body, body.contains("nobody may write SQL for it"));
        assertTrue(body, body.contains("id=\"ds-inlineSqlAllowed-help\""));
        assertFalse(body, body.contains(WARNING_ID));
    }

    @Test
    public void edit_inlineSqlAllowedWithoutGroups_warnsThatNobodyCouldWriteSql() throws IOException {
        String body = editPage(true, List.of());

        assertTrue(body, body.contains(WARNING_ID));
        assertTrue(body, body.contains("so nobody may write SQL for this datasource"));
    }

    @Test
    public void edit_inlineSqlAllowedWithGroups_orInlineSqlOff_hasNoWarning() throws IOException {
        assertFalse(editPage(true, List.of("sql-writers")).contains(WARNING_ID));
        assertFalse(editPage(false, List.of()).contains(WARNING_ID));
    }

    @Test
    public void save_inlineSqlWithoutGroups_isAllowed_butARejectedFormShowsTheWarningAgain() throws IOException {
        FakeHttp.Response saved = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), "open")
                .param("inlineSqlAllowed", "true").param("allowedGroups", " , "));
        assertEquals(saved.body(), 303, saved.status);
        assertTrue(fixture.datasourceStore.findByName("open").orElseThrow().getSettings().isInlineSqlAllowed());

        FakeHttp.Response rejected = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), "again")
                .param("inlineSqlAllowed", "true").param("poolSize", "not-a-number"));
        assertEquals(400, rejected.status);
        assertTrue(rejected.body(), rejected.body().contains(WARNING_ID));
    }
}
