package com.sqltables.confluence.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The preview with values typed for it: typed and checked as a page's values are, never saved. */
public class QueryPreviewValuesTest {
    private static final String ACTOR = AdminFixture.ADMIN.getStringValue();
    private static final String URL = "jdbc:h2:mem:preview_values;DB_CLOSE_DELAY=-1";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;
    private Datasource db;

    @After
    public void tearDown() {
        fixture.close();
    }

    @Before
    public void setUp() throws Exception {
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
        db = fixture.service.create(DatasourceSettings.builder().name("preview-values").connectionKind(ConnectionKind.H2)
                .jdbcUrl(URL).username("sa").readOnly(true).build(), null, ACTOR);
        try (Connection c = DriverManager.getConnection(URL, "sa", ""); Statement st = c.createStatement()) {
            st.execute("DROP TABLE IF EXISTS t");
            st.execute("CREATE TABLE t(n INT, label VARCHAR(50))");
            st.execute("INSERT INTO t SELECT x, 'row ' || x FROM SYSTEM_RANGE(1, 10)");
        }
    }

    /** A preview of {@code n = :n} (INTEGER, default 1) and {@code :tag} (TEXT, default "d"). */
    private FakeHttp.Request preview(String nValue, String tagValue) {
        FakeHttp.Request request = AdminFixture.post("/queries/preview").param("name", "p")
                .param("datasourceId", String.valueOf(db.getId()))
                .param("sqlText", "SELECT n, :tag AS tag FROM t WHERE n = :n")
                .param("param.name.0", "n").param("param.type.0", "INTEGER").param("param.default.0", "1")
                .param("param.name.1", "tag").param("param.type.1", "TEXT").param("param.default.1", "d");
        if (nValue != null) {
            request.param("param.preview.0", nValue);
        }
        if (tagValue != null) {
            request.param("param.preview.1", tagValue);
        }
        return request;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(FakeHttp.Response response) throws IOException {
        return new ObjectMapper().readValue(response.body(), Map.class);
    }

    @Test
    public void preview_withTypedValues_usesThemInsteadOfTheDefaults() throws IOException {
        FakeHttp.Response response = fixture.send(preview("7", "typed"));

        assertEquals(response.body(), 200, response.status);
        assertEquals(List.of(List.of("7", "typed")), json(response).get("rows"));
        assertFalse("a preview saves nothing", fixture.savedQueryStore.findByName("p").isPresent());
    }

    @Test
    public void preview_withEmptyValues_usesTheDefaults() throws IOException {
        FakeHttp.Response response = fixture.send(preview("", null));

        assertEquals(response.body(), 200, response.status);
        assertEquals(List.of(List.of("1", "d")), json(response).get("rows"));
    }

    @Test
    public void preview_withAValueOfTheWrongType_isRefusedNamingTheParameter_andRunsNothing() throws IOException {
        FakeHttp.Response response = fixture.send(preview("seven; DROP TABLE t", null));

        assertEquals(response.body(), 400, response.status);
        Map<String, Object> answer = json(response);
        assertEquals(false, answer.get("success"));
        assertTrue(response.body(), ((Map<String, Object>) answer.get("fieldErrors")).containsKey("n"));
        assertEquals(200, fixture.send(preview("3", null)).status);
    }

    @Test
    public void run_withAValueForNoDeclaredParameter_isRefusedNamingIt() throws Exception {
        QueryPreview preview = new QueryPreview(fixture.service, fixture.sqlValidator, fixture.executor);
        com.sqltables.confluence.query.SavedQuerySettings settings = new com.sqltables.confluence.query.SavedQuerySettings(
                "p", db.getId(), "SELECT 1 AS one", null, List.of());
        try {
            preview.run(settings, Map.of("ghost", "x"));
            org.junit.Assert.fail("a value for no declared parameter must be refused");
        } catch (com.sqltables.confluence.ValidationException e) {
            assertTrue(e.getFieldErrors().toString(), e.getFieldErrors().containsKey("ghost"));
        }
        assertEquals(List.of(List.of("1")), preview.run(settings, Map.of()).getRows());
    }

    @Test
    public void preview_withHostileText_returnsItAsInertJsonText() throws IOException {
        String hostile = "<img src=x onerror=alert(1)>";

        FakeHttp.Response response = fixture.send(preview("2", hostile));

        assertEquals(response.body(), 200, response.status);
        assertFalse(response.body(), response.body().contains("<img"));
        assertEquals(List.of(List.of("2", hostile)), json(response).get("rows"));
    }

    @Test
    public void queryForm_offersAPreviewValueFieldPerParameterRow_empty_withTheDefaultAsHint() throws IOException {
        long id = fixture.queryAdmin.create(new com.sqltables.confluence.query.SavedQuerySettings("with-param", db.getId(),
                "SELECT n FROM t WHERE n = :n", null, List.of(new com.sqltables.confluence.query.QueryParameter("n",
                        com.sqltables.confluence.query.ParameterType.TEXT, "<4>", false, false))), ACTOR).getId();

        String body = fixture.send(AdminFixture.get("/queries/edit").param("id", String.valueOf(id))).body();

        assertTrue(body, body.contains("name=\"param.preview.0\" value=\"\" placeholder=\"&lt;4&gt;\""));
        assertTrue(body, body.contains("Preview value"));
    }
}
