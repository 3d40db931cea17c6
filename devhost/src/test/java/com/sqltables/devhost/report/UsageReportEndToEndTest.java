package com.sqltables.devhost.report;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.CoreMatchers.containsString;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.RunningDevHost;
import com.sqltables.devhost.testing.SqlTables;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.mail.Address;
import javax.mail.Message;
import javax.mail.Multipart;
import javax.mail.Part;
import javax.mail.internet.MimeMessage;
import org.junit.AfterClass;
import org.junit.ClassRule;
import org.junit.Test;

/**
 * The monthly usage report end to end with the real plugin jar: an administrator decides on the plugin's
 * settings page (WebSudo and XSRF through the real pages), the job is run from the host's Scheduled Jobs
 * page, and the dev host's SMTPS server (GreenMail) receives what was sent. Also the privacy page from the
 * Help menu and the admin notice's endpoint.
 */
public class UsageReportEndToEndTest {
    private static final String RECIPIENT_PROPERTY = "sql-tables.usage-report.recipient";
    private static final String VENDOR = "vendor-e2e@reports.test";
    private static final String SETTINGS = "/plugins/servlet/sql-tables/admin/settings";
    private static final String NOTICE = "/plugins/servlet/sql-tables/usage-report/notice";
    private static final String JOBS = "/admin/scheduledjobs/viewscheduledjobs.action";
    private static final String DEMO_PAGE = "/display/DEMO/SQL+Tables+demo";
    /** Seconds to wait for the minutely usage-flush job: one interval and a margin for a loaded machine. */
    private static final int FLUSH_POLLS = 150;
    private static final Pattern PREVIEW_JSON = Pattern.compile("<pre [^>]*id=\"sql-tables-usage-json\"[^>]*>(.*?)</pre>",
            Pattern.DOTALL);

    static {
        // Before the host starts (the class rule): the plugin reads the recipient when it sends.
        System.setProperty(RECIPIENT_PROPERTY, VENDOR);
    }

    @ClassRule
    public static final RunningDevHost HOST = RunningDevHost.with(b -> b.pluginJar(SqlTables.pluginJar()));

    @AfterClass
    public static void clearRecipient() {
        System.clearProperty(RECIPIENT_PROPERTY);
    }

    private static HttpTestClient admin() {
        HttpTestClient admin = HOST.loggedIn("admin");
        admin.webSudo("admin");
        return admin;
    }

    /** Presses "run now" for the usage report job on the host's Scheduled Jobs page. */
    private static void runReportJobNow(HttpTestClient admin) {
        HttpTestClient.Response page = admin.get(JOBS);
        assertEquals(page.body(), 200, page.status());
        Matcher key = Pattern.compile("name=\"jobKey\" value=\"([^\"]*usage-report)\"").matcher(page.body());
        assertTrue("usage-report job on the Scheduled Jobs page: " + page.body(), key.find());
        HttpTestClient.Response ran = admin.postForm("/admin/scheduledjobs/action.action", HttpTestClient.form(
                "atl_token", page.xsrfToken(), "jobKey", key.group(1), "action", "run"));
        assertEquals(ran.body(), 302, ran.status());
        assertThat(admin.get(JOBS).body(), containsString("Ran "));
    }

    /** @return the JSON of the next report as the settings page previews it (byte for byte what is sent) */
    private static String previewJson(HttpTestClient admin) {
        HttpTestClient.Response settings = admin.get(SETTINGS);
        assertEquals(settings.body(), 200, settings.status());
        Matcher preview = PREVIEW_JSON.matcher(settings.body());
        assertTrue(settings.body(), preview.find());
        return unescapeHtml(preview.group(1));
    }

    private static String unescapeHtml(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static byte[] attachment(MimeMessage message, String name) throws Exception {
        Multipart multipart = (Multipart) message.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (name.equals(part.getFileName())) {
                try (InputStream in = part.getInputStream(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                    in.transferTo(out);
                    return out.toByteArray();
                }
            }
        }
        throw new AssertionError("no attachment " + name);
    }

    @Test
    public void usageReport_undecidedSendsNothing_enabledSendsExactlyOne_matchingThePreview_countingViewedTables()
            throws Exception {
        HttpTestClient admin = admin();
        HOST.host().greenMail().purgeEmailFromAllMailboxes();

        // Undecided: the notice asks the administrator; running the job sends nothing.
        JsonNode notice = admin.get(NOTICE).json();
        assertEquals("UNDECIDED", notice.get("decision").asText());
        assertTrue(notice.get("show").asBoolean());
        runReportJobNow(admin);
        assertEquals("undecided: nothing sent", 0, HOST.host().greenMail().getReceivedMessages().length);

        // Enable on the settings page, as an administrator would.
        HttpTestClient.Response settings = admin.get(SETTINGS);
        assertEquals(settings.body(), 200, settings.status());
        HttpTestClient.Response saved = admin.postForm(SETTINGS + "/save", HttpTestClient.form(
                "atl_token", settings.xsrfToken(), "decision", "ENABLED", "copyTo", ""));
        assertEquals(saved.body(), 303, saved.status()); // post/redirect/get
        HttpTestClient.Response enabled = admin.get(SETTINGS);
        assertThat(enabled.body(), containsString("The monthly usage report is enabled."));
        Matcher preview = PREVIEW_JSON.matcher(enabled.body());
        assertTrue(enabled.body(), preview.find());
        String previewJson = unescapeHtml(preview.group(1));
        assertFalse(admin.get(NOTICE).json().get("show").asBoolean());

        runReportJobNow(admin);
        MimeMessage[] received = HOST.host().greenMail().getReceivedMessages();
        assertEquals("enabled: exactly one report", 1, received.length);
        MimeMessage mail = received[0];
        Address[] to = mail.getRecipients(Message.RecipientType.TO);
        assertEquals(1, to.length);
        assertEquals(VENDOR, to[0].toString());
        String period = new com.fasterxml.jackson.databind.ObjectMapper().readTree(previewJson).get("period").asText();
        assertThat(mail.getSubject(), containsString("SQL Tables usage report " + period));
        assertNotNull(mail.getHeader("X-SQL-Tables-Report-Id"));
        assertArrayEquals("attachment = preview, byte for byte", previewJson.getBytes(StandardCharsets.UTF_8),
                attachment(mail, "sql-tables-usage-" + period + ".json"));

        // Run again: the period is sent, nothing more goes out.
        runReportJobNow(admin);
        assertEquals("second run: still one report", 1, HOST.host().greenMail().getReceivedMessages().length);

        // Last month had no page views; this month's report (previewed now) counts the demo page's tables.
        assertEquals(0, new ObjectMapper().readTree(previewJson).at("/tables/rendered").asInt());
        assertDemoPageViewsCountItsThreeTables(admin);
    }

    /**
     * Views the demo page and checks this month's report counts its three tables. The job sends only past
     * months, so this month's count is read from the settings page's preview, which is the same builder
     * and bytes as the sent report (checked above); it shows this month once last month's report is sent.
     */
    private static void assertDemoPageViewsCountItsThreeTables(HttpTestClient admin) throws Exception {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        for (int view = 0; view < 2; view++) {
            HttpTestClient.Response page = viewer.get(DEMO_PAGE);
            assertEquals(page.body(), 200, page.status());
            assertThat(page.body(), containsString("Top 10 customers by revenue"));
        }
        // The counts reach the database with the next run of the usage-flush job, every minute on its own
        // (like Confluence, the host runs only managed jobs on request, and that one is not managed).
        String previewed = previewJson(admin);
        JsonNode next = new ObjectMapper().readTree(previewed);
        for (int poll = 0; poll < FLUSH_POLLS && next.at("/tables/rendered").asInt() < 3; poll++) {
            Thread.sleep(1000);
            previewed = previewJson(admin);
            next = new ObjectMapper().readTree(previewed);
        }
        assertEquals(YearMonth.now(ZoneOffset.UTC).toString(), next.get("period").asText());
        assertEquals("3 tables on the demo page, viewed twice\n" + previewed, 3, next.at("/tables/rendered").asInt());
        assertFalse("no page identity in the report", previewed.contains("Top 10 customers"));
    }

    @Test
    public void privacyPage_isInTheHelpMenuAndRendersForAnOrdinaryUser() {
        HttpTestClient viewer = HOST.loggedIn("viewer");
        assertThat(viewer.get("/dashboard.action").body(), containsString("/plugins/servlet/sql-tables/privacy"));
        HttpTestClient.Response page = viewer.get("/plugins/servlet/sql-tables/privacy");
        assertEquals(page.body(), 200, page.status());
        assertThat(page.body(), containsString("SQL Tables: usage report and privacy"));
        assertThat(page.body(), containsString("<code>users.activeMacroUsers</code>"));
    }

    @Test
    public void noticeEndpoint_refusesOrdinaryUsers_andTheScriptLoadsOnAdminPages() {
        assertEquals(403, HOST.loggedIn("viewer").get(NOTICE).status());
        HttpTestClient admin = admin();
        assertThat(admin.get("/admin/console.action").body(), containsString("usage-report-notice"));
    }
}
