package com.sqltables.devhost.macro;

import com.fasterxml.jackson.databind.JsonNode;
import com.sqltables.devhost.DevHost;
import com.sqltables.devhost.DevHostOptions;
import com.sqltables.devhost.DevHostStartException;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.SqlTables;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

/**
 * The demo datasource and page survive a restart on the same data directory (created once), while the in-memory
 * demo database is filled again on every start, so the page keeps working.
 */
public class DemoDataRestartTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void restart_keepsOneDemoPage_andItsTablesWorkAgain() throws Exception {
        Path data = folder.newFolder("data").toPath();
        String first;
        try (DevHost host = DevHost.start(options(data))) {
            first = demoPage(host);
        }
        try (DevHost host = DevHost.start(options(data))) {
            String second = demoPage(host);
            assertThat(second, not(containsString("sql-tables-error")));
            assertEquals(SqlTables.cells(first), SqlTables.cells(second));
        }
    }

    @Test
    public void declaredDatasourceThePluginRefuses_stopsStartUpWithThePluginsMessage() throws Exception {
        Path data = folder.newFolder("refused").toPath();
        Path file = data.resolve("datasources.properties");
        Files.writeString(file, "datasource.files.url=jdbc:h2:file:" + data.resolve("db") + "\n");

        DevHostStartException e = assertThrows(DevHostStartException.class, () -> DevHost.start(
                DevHostOptions.builder().port(0).smtpPort(0).dataDir(data).logLevel("warn").pluginJar(SqlTables.pluginJar())
                        .datasourcesFile(file).build()));
        assertThat(e.getMessage(), containsString("datasource files"));
        assertThat(e.getMessage(), containsString("jdbc:h2:mem:"));
    }

    private static DevHostOptions options(Path data) {
        return DevHostOptions.builder().port(0).smtpPort(0).dataDir(data).logLevel("warn").pluginJar(SqlTables.pluginJar())
                .build();
    }

    private static String demoPage(DevHost host) {
        JsonNode results = HttpTestClient.basic(host.baseUrl(), "viewer", "viewer")
                .get("/rest/api/content?spaceKey=DEMO&title=SQL+Tables+demo&expand=body.view").json().get("results");
        assertEquals(1, results.size());
        String html = results.get(0).at("/body/view/value").asText();
        assertThat(html, containsString("confluenceTable"));
        return html;
    }
}
