package com.sqltables.devhost;

import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.Pages;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

/** Starting, restarting and failing to start the dev host. */
public class DevHostLifecycleTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private DevHostOptions.Builder options(Path dataDir) {
        return DevHostOptions.builder().port(0).smtpPort(0).dataDir(dataDir).logLevel("warn");
    }

    @Test
    public void restart_onTheSameDataDirectory_keepsPagesAndSeedsNothingTwice() throws Exception {
        Path data = folder.newFolder("data").toPath();
        String id;
        try (DevHost first = DevHost.start(options(data).noPlugin().build())) {
            id = createPage(first);
        }
        try (DevHost second = DevHost.start(options(data).noPlugin().build())) {
            HttpTestClient.Response page = client(second).get("/rest/api/content/" + id);
            assertEquals(200, page.status());
            assertEquals(2, client(second).get("/rest/api/space").json().get("size").asInt()); // DEMO and OPS
        }
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/confluence"), "sa", "");
             ResultSet users = c.createStatement().executeQuery("SELECT COUNT(*) FROM DEVHOST_USER")) {
            users.next();
            assertEquals(4, users.getInt(1));
        }
    }

    @Test
    public void start_whenThePortIsTaken_failsWithAClearMessageAndReleasesEverything() throws Exception {
        Path data = folder.newFolder("busy").toPath();
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
            DevHostStartException e = assertThrows(DevHostStartException.class,
                    () -> DevHost.start(options(data).noPlugin().port(taken.getLocalPort()).build()));
            assertThat(e.getMessage(), containsString("cannot listen on port " + taken.getLocalPort()));
            assertThat(e.getMessage(), containsString("--port"));
        }
        // The H2 file was released: the next start on the same data directory works.
        try (DevHost host = DevHost.start(options(data).noPlugin().build())) {
            assertEquals(200, client(host).get("/rest/api/space").status());
        }
    }

    @Test
    public void start_withAMissingPluginJar_refusesToStart() throws Exception {
        Path data = folder.newFolder("noplugin").toPath();
        DevHostStartException e = assertThrows(DevHostStartException.class, () -> DevHost.start(
                options(data).pluginJar(data.resolve("missing.jar")).build()));
        assertThat(e.getMessage(), containsString("cannot load the plugin"));
        assertThat(e.getMessage(), containsString("missing.jar does not exist"));
    }

    @Test
    public void start_withAnInvalidDatasourcesFile_refusesToStart() throws Exception {
        Path data = folder.newFolder("ds").toPath();
        Path file = Files.writeString(data.resolve("ds.properties"), "datasource.x.url=not-jdbc\n");
        DevHostStartException e = assertThrows(DevHostStartException.class,
                () -> DevHost.start(options(data).noPlugin().datasourcesFile(file).build()));
        assertThat(e.getMessage(), containsString("'url' must be a JDBC URL"));
    }

    @Test
    public void datasourcesFile_isHandedToThePluginSystem() throws Exception {
        Path data = folder.newFolder("ds-ok").toPath();
        Path file = Files.writeString(data.resolve("ds.json"), "[{\"name\":\"sales\",\"url\":\"jdbc:h2:mem:sales\"}]");
        try (DevHost host = DevHost.start(options(data).noPlugin().datasourcesFile(file).build())) {
            assertEquals("sales", host.environment().datasources().get(0).name());
        }
    }

    @Test
    public void close_isIdempotent_andStopsServing() throws Exception {
        DevHost host = DevHost.start(options(folder.newFolder("close").toPath()).noPlugin().build());
        String url = host.baseUrl();
        host.close();
        host.close();
        assertThrows(java.io.UncheckedIOException.class, () -> clientFor(url).get("/rest/api/space"));
        assertTrue(host.startupMillis() > 0);
    }

    private static String createPage(DevHost host) {
        return client(host).postJson("/rest/api/content", Pages.newPage("DEMO", "Survives restarts", "<p>kept</p>"))
                .json().get("id").asText();
    }

    private static HttpTestClient client(DevHost host) {
        return clientFor(host.baseUrl());
    }

    private static HttpTestClient clientFor(String baseUrl) {
        return HttpTestClient.basic(baseUrl, "admin", "admin");
    }
}
