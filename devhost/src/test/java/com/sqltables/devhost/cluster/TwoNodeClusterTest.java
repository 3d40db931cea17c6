package com.sqltables.devhost.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.sqltables.devhost.DevHost;
import com.sqltables.devhost.DevHostOptions;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.Pages;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;

/** Two dev hosts with different node ids on one PostgreSQL database act as one cluster. */
public class TwoNodeClusterTest {
    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static EmbeddedPostgres postgres;
    private static DevHost node1;
    private static DevHost node2;

    @BeforeClass
    public static void startCluster() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres").replaceAll("\\?.*", "");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // Started at the same time: creating the schema and seeding must not collide.
            List<Future<DevHost>> nodes = pool.invokeAll(List.of(node(url, "node1"), node(url, "node2")));
            node1 = nodes.get(0).get();
            node2 = nodes.get(1).get();
        } finally {
            pool.shutdown();
        }
    }

    private static Callable<DevHost> node(String url, String nodeId) {
        return () -> DevHost.start(DevHostOptions.builder().port(0).smtpPort(0).nodeId(nodeId).noPlugin()
                .dataDir(FOLDER.newFolder(nodeId).toPath()).dbUrl(url).dbUser("postgres").dbPassword("postgres")
                .logLevel("warn").build());
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {node1, node2, postgres}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @Test
    public void bothNodes_shareUsersSpacesAndPages() throws Exception {
        HttpTestClient onNode1 = HttpTestClient.basic(node1.baseUrl(), "author", "author");
        HttpTestClient onNode2 = HttpTestClient.basic(node2.baseUrl(), "author", "author");
        String id = onNode1.postJson("/rest/api/content", Pages.newPage("DEMO", "Shared page", "<p>from node1</p>"))
                .json().get("id").asText();

        JsonNode seenOnNode2 = onNode2.get("/rest/api/content/" + id + "?expand=body.storage,version").json();
        assertEquals("<p>from node1</p>", seenOnNode2.at("/body/storage/value").asText());
        assertEquals(onNode1.get("/rest/api/space/DEMO").json().at("/_expandable/homepage").asText(),
                onNode2.get("/rest/api/space/DEMO").json().at("/_expandable/homepage").asText());

        try (Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet counts = c.createStatement().executeQuery(
                     "SELECT (SELECT COUNT(*) FROM DEVHOST_USER), (SELECT COUNT(*) FROM DEVHOST_SPACE)")) {
            counts.next();
            assertEquals("users seeded once", 4, counts.getInt(1));
            assertEquals("the demo spaces (DEMO, OPS) seeded once", 2, counts.getInt(2));
        }
    }

    @Test
    public void anUpdateOnOneNode_isSeenOnTheOther_andStaleUpdatesConflict() {
        HttpTestClient onNode1 = HttpTestClient.basic(node1.baseUrl(), "author", "author");
        HttpTestClient onNode2 = HttpTestClient.basic(node2.baseUrl(), "admin", "admin");
        String id = onNode1.postJson("/rest/api/content", Pages.newPage("DEMO", "Edited on two nodes", "<p>1</p>"))
                .json().get("id").asText();

        assertEquals(200, onNode2.putJson("/rest/api/content/" + id, Pages.update("Edited on two nodes", "<p>2</p>", 2))
                .status());
        assertEquals(2, onNode1.get("/rest/api/content/" + id).json().at("/version/number").asInt());
        HttpTestClient.Response stale = onNode1.putJson("/rest/api/content/" + id,
                Pages.update("Edited on two nodes", "<p>lost</p>", 2));
        assertEquals(409, stale.status());
    }

    @Test
    public void eachNode_reportsItsOwnNodeId() {
        assertThat(HttpTestClient.basic(node1.baseUrl(), "viewer", "viewer").get("/dashboard.action").body(),
                containsString("node node1"));
        assertThat(HttpTestClient.basic(node2.baseUrl(), "viewer", "viewer").get("/dashboard.action").body(),
                containsString("node node2"));
    }
}
