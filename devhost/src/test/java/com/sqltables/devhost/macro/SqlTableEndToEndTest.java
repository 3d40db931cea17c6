package com.sqltables.devhost.macro;

import com.fasterxml.jackson.databind.JsonNode;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.Pages;
import com.sqltables.devhost.testing.RunningDevHost;
import com.sqltables.devhost.testing.SqlTables;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.hasItem;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/**
 * The {@code sql-table} macro end to end: the real plugin jar in an in-process dev host, pages created and viewed
 * through the REST API and the browser pages, on the demo datasource and on a read-write H2 datasource declared
 * with {@code --datasources}.
 */
public class SqlTableEndToEndTest {
    private static final String ERROR_BOX = "sql-tables-error";

    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.with(b -> b.pluginJar(SqlTables.pluginJar())
            .datasourcesFile(datasourcesFile()));

    private static HttpTestClient author;
    private static HttpTestClient viewer;

    private static Path datasourcesFile() {
        try {
            Path file = Files.createTempFile("devhost-datasources", ".properties");
            file.toFile().deleteOnExit();
            Files.writeString(file, String.join("\n",
                    "datasource.scratch.url=jdbc:h2:mem:e2e-scratch",
                    "datasource.scratch.username=SCRATCH",
                    "datasource.scratch.password=scratch-pw",
                    "datasource.scratch.readOnly=false",
                    "datasource.scratch.inlineSqlAllowed=true",
                    "datasource.scratch.allowedGroups=confluence-users",
                    ""));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeClass
    public static void clients() {
        author = HOST.basic("author", "author");
        viewer = HOST.basic("viewer", "viewer");
    }

    private static String createPage(String title, String storage) {
        HttpTestClient.Response created = author.postJson("/rest/api/content", Pages.newPage("DEMO", title, storage));
        assertEquals(created.body(), 200, created.status());
        return created.json().get("id").asText();
    }

    private static String view(HttpTestClient client, String id) {
        HttpTestClient.Response response = client.get("/rest/api/content/" + id + "?expand=body.view");
        assertEquals(response.body(), 200, response.status());
        return response.json().at("/body/view/value").asText();
    }

    @Test
    public void demoPage_showsItsTablesWithoutErrors() {
        HttpTestClient.Response found = viewer.get("/rest/api/content?spaceKey=DEMO&title="
                + URLEncoder.encode("SQL Tables demo", StandardCharsets.UTF_8) + "&expand=body.view");
        JsonNode results = found.json().get("results");
        assertEquals(found.body(), 1, results.size());
        String html = results.get(0).at("/body/view/value").asText();

        assertThat(html, not(containsString(ERROR_BOX)));
        assertEquals(3, html.split("class=\"confluenceTable", -1).length - 1);
        assertThat(html, containsString("Top 10 customers by revenue"));
        assertThat(SqlTables.headers(html), hasItem("Revenue"));
        assertThat(SqlTables.headers(html), hasItem("#"));
        assertThat(SqlTables.cells(html), hasItem("<span class=\"sql-tables-null\">NULL</span>"));
        assertTrue(HOST.host().demoPageUrl().orElseThrow().endsWith("/display/DEMO/SQL+Tables+demo"));
    }

    @Test
    public void demoPage_savedQueryTakesItsCountryFromThePageUrl() {
        HttpTestClient browser = HOST.loggedIn("viewer");
        String germany = browser.get("/display/DEMO/SQL+Tables+demo").body();
        String france = browser.get("/display/DEMO/SQL+Tables+demo?sqlp_country=France").body();

        assertThat(france, not(containsString(ERROR_BOX)));
        List<String> frenchCells = SqlTables.cells(lastTable(france));
        assertTrue(frenchCells.toString(), frenchCells.stream().anyMatch(c -> List.of("Paris", "Lyon", "Besançon", "Nîmes",
                "Besan&ccedil;on", "N&icirc;mes").contains(c)));
        assertThat(frenchCells, not(hasItem("Berlin")));
        assertThat(SqlTables.cells(lastTable(germany)), not(hasItem("Paris")));
        assertThat(SqlTables.cells(lastTable(germany)), hasItem("Köln"));
    }

    @Test
    public void pageCreatedThroughRest_showsTheQueryResult_inRestViewAndHtml() {
        String id = createPage("Three products", "<p>Products:</p>"
                + SqlTables.inline("SELECT ID, NAME, CATEGORY FROM PRODUCTS WHERE ID <= 3 ORDER BY ID", "datasource", "demo",
                "caption", "First products"));

        String html = view(viewer, id);
        assertThat(html, not(containsString(ERROR_BOX)));
        assertEquals(List.of("ID", "NAME", "CATEGORY"), SqlTables.headers(html));
        assertEquals(List.of("1", "Espresso beans (small)", "Coffee", "2", "Espresso beans (regular)", "Coffee",
                "3", "Espresso beans (large)", "Coffee"), SqlTables.cells(html));

        String page = HOST.loggedIn("viewer").get("/pages/viewpage.action?pageId=" + id).body();
        assertThat(page, containsString("First products"));
        assertThat(page, containsString("Espresso beans (large)"));
    }

    @Test
    public void writeAttempts_onTheReadOnlyDemoDatasource_showAnErrorBox_andChangeNothing() {
        String count = "SELECT (SELECT COUNT(*) FROM ORDERS) AS O, (SELECT COUNT(*) FROM CUSTOMERS) AS C,"
                + " (SELECT MIN(NAME) FROM CUSTOMERS) AS N";
        List<String> before = SqlTables.cells(view(viewer, createPage("Counts before", SqlTables.inline(count, "datasource", "demo"))));
        assertEquals("1500", before.get(0));

        for (String write : List.of("DELETE FROM ORDER_LINES", "UPDATE CUSTOMERS SET NAME = 'x'", "DROP TABLE ORDERS",
                "INSERT INTO CUSTOMERS (ID, NAME, CITY, COUNTRY, SEGMENT, SIGNED_UP) VALUES (9999, 'x', 'x', 'x', 'x', DATE '2024-01-01')",
                "SELECT * FROM ORDERS; DELETE FROM ORDERS", "TRUNCATE TABLE ORDERS", "CREATE TABLE X (ID INT)")) {
            String html = view(viewer, createPage("Write " + Math.abs(write.hashCode()), SqlTables.inline(write, "datasource", "demo")));
            assertThat(write, html, containsString(ERROR_BOX));
            assertThat(write, html, not(containsString("confluenceTable")));
        }

        List<String> after = SqlTables.cells(view(viewer, createPage("Counts after", SqlTables.inline(count, "datasource", "demo"))));
        assertEquals(before, after);
    }

    @Test
    public void hostileCellValue_inAReadWriteDatasource_rendersAsText() throws Exception {
        try (Connection c = scratchConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE NOTES (ID INT PRIMARY KEY, BODY VARCHAR(200))");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO NOTES VALUES (?, ?)")) {
                insert.setInt(1, 1);
                insert.setString(2, "<img src=x onerror=alert(1)>");
                insert.execute();
            }
        }
        String id = createPage("Hostile note", SqlTables.inline("SELECT BODY FROM NOTES", "datasource", "scratch"));

        String html = view(viewer, id);
        assertThat(html, not(containsString(ERROR_BOX)));
        assertThat(html, not(containsString("<img")));
        assertEquals(List.of("&lt;img src=x onerror=alert(1)&gt;"), SqlTables.cells(html));
        assertThat(HOST.loggedIn("viewer").get("/pages/viewpage.action?pageId=" + id).body(), not(containsString("<img src=x")));
    }

    @Test
    public void hostileLabelsCaptionAndValues_onTheDemoDatasource_renderAsText() {
        String html = view(viewer, createPage("Hostile labels", SqlTables.inline(
                "SELECT '<script>alert(1)</script>' AS \"<b>x</b>\", '\" onmouseover=\"alert(2)' AS Q",
                "datasource", "demo", "caption", "<svg onload=alert(3)>")));

        assertThat(html, not(containsString(ERROR_BOX)));
        assertThat(html, not(containsString("<script")));
        assertThat(html, not(containsString("<b>x")));
        assertThat(html, not(containsString("<svg")));
        assertThat(html, not(containsString("\" onmouseover")));
        assertThat(SqlTables.headers(html), hasItem("&lt;b&gt;x&lt;/b&gt;"));
        assertThat(SqlTables.cells(html).get(0), containsString("&lt;script&gt;"));
    }

    @Test
    public void viewerConvertingOtherSql_inTheContextOfASavedPage_isRefused() {
        String id = createPage("Saved SQL", SqlTables.inline("SELECT ID FROM PRODUCTS WHERE ID = 1", "datasource", "demo"));
        HttpTestClient.Response converted = viewer.postJson("/rest/api/contentbody/convert/view", Map.of(
                "value", SqlTables.inline("SELECT NAME, EMAIL FROM CUSTOMERS", "datasource", "demo"),
                "representation", "storage", "contentIdContext", id));

        assertEquals(converted.body(), 200, converted.status());
        String html = converted.json().get("value").asText();
        assertThat(html, containsString(ERROR_BOX));
        assertThat(html, not(containsString("@example.com")));
    }

    private static String lastTable(String html) {
        List<String> tables = SqlTables.tables(html);
        assertEquals(3, tables.size());
        return tables.get(2);
    }

    /** The scratch datasource's in-memory database, reached through the plugin's own H2 (where it lives). */
    private static Connection scratchConnection() throws Exception {
        ClassLoader plugin = HOST.host().pluginSystem().pluginClassLoader().orElseThrow();
        Driver driver = (Driver) Class.forName("org.h2.Driver", true, plugin).getDeclaredConstructor().newInstance();
        Properties login = new Properties();
        login.setProperty("user", "SCRATCH");
        login.setProperty("password", "scratch-pw");
        return driver.connect("jdbc:h2:mem:e2e-scratch;DB_CLOSE_DELAY=-1", login);
    }
}
