package com.sqltables.devhost.report;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.devhost.DevHost;
import com.sqltables.devhost.DevHostOptions;
import com.sqltables.devhost.spi.ScheduledJobs;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.SqlTables;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The usage report on a two-node cluster (one PostgreSQL, one shared home, the real plugin jar on both):
 * when both nodes run the job at the same moment, the ledger claim lets exactly one of them send.
 */
public class UsageReportTwoNodesTest {
    private static final String RECIPIENT_PROPERTY = "sql-tables.usage-report.recipient";
    private static final String VENDOR = "vendor-cluster@reports.test";
    private static final String SETTINGS = "/plugins/servlet/sql-tables/admin/settings";
    private static final Pattern HISTORY_ROW = Pattern.compile(
            "<tr>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>", Pattern.DOTALL);

    static {
        // Before the hosts start: the plugin reads the recipient when it sends (one JVM: both nodes see it).
        System.setProperty(RECIPIENT_PROPERTY, VENDOR);
    }

    @ClassRule
    public static final TemporaryFolder FOLDER = new TemporaryFolder();

    private static EmbeddedPostgres postgres;
    private static DevHost node1;
    private static DevHost node2;

    @BeforeClass
    public static void startCluster() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        String url = postgres.getJdbcUrl("postgres", "postgres").replaceAll("\\?.*", "");
        Path sharedHome = FOLDER.newFolder("shared-home").toPath();
        Path jar = SqlTables.pluginJar();
        node1 = DevHost.start(node(url, sharedHome, jar, "node1"));
        node2 = DevHost.start(node(url, sharedHome, jar, "node2"));
    }

    private static DevHostOptions node(String url, Path sharedHome, Path jar, String nodeId) throws Exception {
        // Each node has its own SMTPS server (GreenMail): the test counts the mail received by both.
        return DevHostOptions.builder().port(0).smtpPort(0).nodeId(nodeId).pluginJar(jar)
                .dataDir(FOLDER.newFolder(nodeId).toPath()).sharedHome(sharedHome)
                .dbUrl(url).dbUser("postgres").dbPassword("postgres").logLevel("warn").build();
    }

    @AfterClass
    public static void stopCluster() throws Exception {
        try {
            for (AutoCloseable closeable : new AutoCloseable[] {node1, node2, postgres}) {
                if (closeable != null) {
                    closeable.close();
                }
            }
        } finally {
            System.clearProperty(RECIPIENT_PROPERTY);
        }
    }

    private static HttpTestClient admin(DevHost node) {
        HttpTestClient admin = HttpTestClient.browser(node.baseUrl());
        admin.login("admin", "admin");
        admin.webSudo("admin");
        return admin;
    }

    private static String reportJobKey(DevHost node) {
        List<String> keys = node.pluginSystem().scheduledJobs().list().stream().map(ScheduledJobs.JobView::key)
                .filter(key -> key.endsWith("usage-report")).collect(Collectors.toList());
        assertEquals("one usage-report job on " + node.baseUrl() + ": " + keys, 1, keys.size());
        return keys.get(0);
    }

    /** Both nodes press "run now" at the same moment; returns each node's result message (node1, node2). */
    private static List<String> runOnBothNodesTogether() throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (DevHost node : List.of(node1, node2)) {
                ScheduledJobs jobs = node.pluginSystem().scheduledJobs();
                String key = reportJobKey(node);
                Callable<String> run = () -> {
                    ready.countDown();
                    assertTrue(go.await(30, TimeUnit.SECONDS));
                    return jobs.runNow(key);
                };
                runs.add(pool.submit(run));
            }
            assertTrue(ready.await(30, TimeUnit.SECONDS));
            go.countDown();
            List<String> results = new ArrayList<>();
            for (Future<String> run : runs) {
                results.add(run.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int mailsReceived() {
        return node1.greenMail().getReceivedMessages().length + node2.greenMail().getReceivedMessages().length;
    }

    private static long count(List<String> results, String suffix) {
        return results.stream().filter(r -> r.endsWith(suffix)).count();
    }

    /** The history table of a node's settings page as "period status attempts" rows. */
    private static List<String> history(DevHost node) {
        HttpTestClient.Response page = admin(node).get(SETTINGS);
        assertEquals(page.body(), 200, page.status());
        int table = page.body().indexOf("id=\"sql-tables-usage-history\"");
        assertTrue("history table on " + node.baseUrl() + ": " + page.body(), table >= 0);
        Matcher row = HISTORY_ROW.matcher(page.body().substring(table));
        List<String> rows = new ArrayList<>();
        while (row.find()) {
            rows.add(row.group(1).trim() + " " + row.group(2).trim() + " " + row.group(3).trim());
        }
        return rows;
    }

    private static List<String> ledgerRows() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection();
             ResultSet r = c.createStatement().executeQuery(
                     "SELECT \"PERIOD_KEY\", \"STATUS\", \"ATTEMPTS\" FROM \"AO_40B3A7_REPORT_LEDGER\" ORDER BY 1")) {
            while (r.next()) {
                rows.add(r.getString(1) + " " + r.getString(2) + " " + r.getInt(3));
            }
        }
        return rows;
    }

    @Test
    public void bothNodesFireTogether_exactlyOneReportIsSent_andAgainNothingMore() throws Exception {
        node1.greenMail().purgeEmailFromAllMailboxes();
        node2.greenMail().purgeEmailFromAllMailboxes();

        // Enabled once, on node 1's settings page; node 2 reads the same decision from the shared database.
        HttpTestClient admin = admin(node1);
        HttpTestClient.Response settings = admin.get(SETTINGS);
        assertEquals(settings.body(), 200, settings.status());
        HttpTestClient.Response saved = admin.postForm(SETTINGS + "/save", HttpTestClient.form(
                "atl_token", settings.xsrfToken(), "decision", "ENABLED", "copyTo", ""));
        assertEquals(saved.body(), 303, saved.status());
        assertThat(admin(node2).get(SETTINGS).body(), containsString("The monthly usage report is enabled."));

        List<String> first = runOnBothNodesTogether();
        // Both runs happened: one sent, the other found the period claimed or already sent.
        assertEquals("one node sent: " + first, 1, count(first, "Usage report: SENT"));
        assertEquals("the other stood back: " + first, 1,
                count(first, "Usage report: CLAIMED_ELSEWHERE") + count(first, "Usage report: ALREADY_SENT"));
        assertEquals("exactly one report across the cluster", 1, mailsReceived());
        assertEquals(VENDOR, (node1.greenMail().getReceivedMessages().length == 1 ? node1 : node2).greenMail()
                .getReceivedMessages()[0].getAllRecipients()[0].toString());

        List<String> ledger = ledgerRows();
        assertEquals("one ledger row, sent at the first claim: " + ledger, 1, ledger.size());
        assertTrue(ledger.get(0), ledger.get(0).endsWith(" SENT 1"));
        assertEquals("node 1's history", ledger, history(node1));
        assertEquals("node 2's history", ledger, history(node2));

        List<String> second = runOnBothNodesTogether();
        assertEquals("both runs find the period sent: " + second, 2, count(second, "Usage report: ALREADY_SENT"));
        assertEquals("still one report", 1, mailsReceived());
        assertEquals(ledger, ledgerRows());
    }
}
