package com.sqltables.confluence.report;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.mail.server.MailServerManager;
import com.atlassian.mail.server.SMTPMailServer;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.license.LicenseHandler;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.macro.TableIdentity;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.confluence.report.ao.DefaultReportLedgerStore;
import com.sqltables.confluence.report.ao.ReportLedgerStore;
import com.sqltables.confluence.settings.ao.DefaultSettingsStore;
import com.sqltables.confluence.usage.UsageFlushJob;
import com.sqltables.confluence.usage.UserKeyHasher;
import com.sqltables.confluence.usage.ao.DefaultActiveUserStore;
import com.sqltables.confluence.usage.ao.DefaultRenderedTableStore;
import com.sqltables.confluence.usage.ao.DefaultUsageCounterStore;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.host.ao.HostActiveObjects;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.mail.BodyPart;
import javax.mail.Message;
import javax.mail.internet.MimeMessage;
import javax.mail.internet.MimeMultipart;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * The usage report end to end on real stores (H2) and a real SMTPS server (GreenMail): consent, the
 * ledger's exactly-once, failures and retries, preview = sent, and PII canaries. Only the host's
 * facts (server ID, versions, licensed users, the mail server registry) are test doubles.
 */
public class UsageReportMailTest {
    /** The job runs on 2 February 2020 and reports January 2020 (far from the wall clock's month). */
    private static final Instant REPORT_DAY = Instant.parse("2020-02-02T03:30:00Z");
    private static final Instant IN_JANUARY = Instant.parse("2020-01-15T12:00:00Z");
    private static final String PERIOD = "2020-01";
    private static final String VENDOR = "vendor@reports.test";
    private static final String SERVER_ID = "BQ7X-2K9M-TEST-0001";

    /** The content id of the page the seeded tables are on: distinctive digits. */
    private static final long CANARY_PAGE_ID = 73400192837L;

    /** Distinctive values seeded where the report's sources are: none may reach the mail. */
    private static final List<String> CANARIES = List.of(String.valueOf(CANARY_PAGE_ID),
            "canary-user-wombat", "canary.mail@canary-domain.test", "canary-userkey-8f3a", "Canary Page Title Okapi",
            "CANARYSPACE", "canary_sql_axolotl", "jdbc:h2:mem:canary_jdbc_quokka", "canary_jdbc_quokka",
            "canary-db-login", "canary-Secr3t-Passw0rd", "Canary Datasource Zebra", "canary-query-narwhal",
            "canary-group-lemur", "canary.counter.key");

    private GreenMail greenMail;
    private HostActiveObjects ao;
    private DefaultSettingsStore settings;
    private UsageReportConsent consent;
    private ReportLedgerStore ledger;
    private DefaultActiveUserStore activeUsers;
    private DefaultRenderedTableStore tables;
    private DefaultUsageCounterStore counters;
    private UsageReportBuilder builder;
    private MailServerManager mailServers;
    private SmtpsTestMailServer smtp;
    private LicenseHandler license;
    private ApplicationProperties properties;
    private UserAccessor userAccessor;

    @Before
    public void setUp() throws Exception {
        System.setProperty(UsageReportMail.RECIPIENT_PROPERTY, VENDOR);
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
        ServerSetup smtps = ServerSetupTest.SMTPS.dynamicPort();
        // Starting SMTPS (its TLS set-up) can take longer than GreenMail's 2 s default on a busy machine.
        smtps.setServerStartupTimeout(30_000);
        greenMail = new GreenMail(smtps);
        greenMail.start();
        smtp = new SmtpsTestMailServer(greenMail.getSmtps().getPort(), true);
        TestDatabase.H2.clean();
        ao = TestDatabase.H2.activeObjects();
        settings = new DefaultSettingsStore(ao);
        consent = new UsageReportConsent(settings, Clock.fixed(REPORT_DAY, ZoneOffset.UTC));
        ledger = new DefaultReportLedgerStore(ao);
        activeUsers = new DefaultActiveUserStore(ao);
        tables = new DefaultRenderedTableStore(ao);
        counters = new DefaultUsageCounterStore(ao);
        license = mock(LicenseHandler.class);
        when(license.getServerId()).thenReturn(SERVER_ID);
        properties = mock(ApplicationProperties.class);
        when(properties.getVersion()).thenReturn("8.5.4");
        when(properties.getBuildNumber()).thenReturn("9012");
        // Must never be read: the report has no URLs.
        when(properties.getBaseUrl(org.mockito.ArgumentMatchers.any())).thenReturn("https://canary-host-ibex.test/wiki");
        userAccessor = mock(UserAccessor.class);
        when(userAccessor.countLicenseConsumingUsers()).thenReturn(42);
        builder = new UsageReportBuilder(license, properties, userAccessor, new DefaultDatasourceStore(ao),
                new DefaultSavedQueryStore(ao), counters, activeUsers, tables);
        mailServers = mock(MailServerManager.class);
        when(mailServers.getDefaultSMTPMailServer()).thenReturn(smtp);
        seed();
    }

    @After
    public void tearDown() {
        greenMail.stop();
        System.clearProperty(UsageReportMail.RECIPIENT_PROPERTY);
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
    }

    /** Two datasources, a saved query, January's renders by two viewers, all full of canaries. */
    private void seed() {
        DefaultDatasourceStore datasources = new DefaultDatasourceStore(ao);
        Datasource h2 = datasources.create(DatasourceSettings.builder().name("Canary Datasource Zebra")
                .description("Canary Page Title Okapi in CANARYSPACE").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:canary_jdbc_quokka").username("canary-db-login")
                .passwordCiphertext("canary-Secr3t-Passw0rd").readOnly(true)
                .allowedSpaces(List.of("CANARYSPACE")).allowedGroups(List.of("canary-group-lemur")).build(),
                "canary-userkey-8f3a");
        datasources.create(DatasourceSettings.builder().name("canary-second").connectionKind(ConnectionKind.POSTGRESQL)
                .jdbcUrl("jdbc:postgresql://canary-host-ibex.test:5432/canary_jdbc_quokka").username("canary-db-login")
                .readOnly(false).build(), "canary-user-wombat");
        new DefaultSavedQueryStore(ao).create(new SavedQuerySettings("canary-query-narwhal", h2.getId(),
                "SELECT 'canary_sql_axolotl' AS canary_sql_axolotl", "canary.mail@canary-domain.test", null),
                "canary-userkey-8f3a");
        counters.add(PERIOD, "canary.counter.key", 7, "node-test");

        InMemoryUsageEvents events = new InMemoryUsageEvents(Clock.fixed(IN_JANUARY, ZoneOffset.UTC));
        // Two tables on one page (titled with a canary), identified as the macro identifies them.
        String savedQueryTable = TableIdentity.of(CANARY_PAGE_ID, Map.of("query", "canary-query-narwhal",
                "caption", "Canary Page Title Okapi"), null);
        String inlineTable = TableIdentity.of(CANARY_PAGE_ID, Map.of("datasource", "Canary Datasource Zebra"),
                "SELECT 'canary_sql_axolotl' FROM CANARYSPACE");
        String[][] renders = {{"canary-userkey-8f3a", savedQueryTable}, {"canary.mail@canary-domain.test", savedQueryTable},
            {"canary-userkey-8f3a", inlineTable}};
        for (String[] render : renders) {
            events.macroRendered(MacroRender.builder().querySource(MacroRender.QuerySource.SAVED).rowNumbers(true)
                    .viewerUserKey(render[0]).tableKey(render[1]).build());
        }
        new UsageFlushJob(events, counters, activeUsers, tables, new UserKeyHasher(settings)).flush();
    }

    private UsageReportJob job(String nodeId) {
        return job(nodeId, ledger);
    }

    private UsageReportJob job(String nodeId, ReportLedgerStore onLedger) {
        return new UsageReportJob(consent, builder, onLedger, activeUsers, tables, mailServers, Clock.fixed(REPORT_DAY, ZoneOffset.UTC),
                nodeId);
    }

    private UsageReportService service() {
        return new UsageReportService(consent, builder, job("node-a"), ledger, mailServers);
    }

    private void enable() {
        consent.decide(ReportDecision.ENABLED, null, "admin-key");
    }

    @Test
    public void undecided_sendsNothing_andRecordsNothing() {
        assertEquals(ReportDecision.UNDECIDED, consent.get().getDecision());
        assertEquals(UsageReportJob.Outcome.NOT_ENABLED, job("node-a").run());
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertEquals(0, smtp.sendCalls);
        assertTrue(ledger.list().isEmpty());
    }

    @Test
    public void disabled_sendsNothing() {
        consent.decide(ReportDecision.DISABLED, null, "admin-key");
        assertEquals(UsageReportJob.Outcome.NOT_ENABLED, job("node-a").run());
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertTrue(ledger.list().isEmpty());
    }

    @Test
    public void enabled_butLockedOffBySystemProperty_sendsNothing() {
        enable();
        System.setProperty(UsageReportConsent.DISABLED_PROPERTY, "true");
        assertTrue(consent.get().isLockedOff());
        assertEquals(UsageReportJob.Outcome.NOT_ENABLED, job("node-a").run());
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    public void enabled_sendsOneEmail_withTheDocumentedFields() throws Exception {
        enable();
        assertEquals(UsageReportJob.Outcome.SENT, job("node-a").run());

        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        assertEquals(VENDOR, mail.getRecipients(Message.RecipientType.TO)[0].toString());
        assertEquals("SQL Tables usage report 2020-01 (" + SERVER_ID + ")", mail.getSubject());
        assertEquals(SERVER_ID + "/" + PERIOD, mail.getHeader(UsageReport.REPORT_ID_HEADER)[0]);
        String json = attachment(mail);
        for (String field : List.of("\"schemaVersion\": 1", "\"serverId\": \"" + SERVER_ID + "\"", "\"period\": \"2020-01\"",
                "\"version\": \"8.5.4\"", "\"build\": \"9012\"", "\"appVersion\": \"", "\"licensed\": 42",
                "\"activeMacroUsers\": 2", "\"administrators\": 2", "\"H2\": 1", "\"POSTGRESQL\": 1", "\"MARIADB\": 0",
                "\"readOnly\": 1", "\"readWrite\": 1", "\"modifiedInPeriod\": 0", "\"macro.renders\": 3",
                "\"macro.query.saved\": 3", "\"macro.option.rowNumbers\": 3", "\"macro.query.inline\": 0")) {
            assertTrue(field + " in\n" + json, json.contains(field));
        }
        assertTrue(json, json.contains("\"datasources\": {\n    \"byKind\""));
        assertTrue(json, json.contains("\"savedQueries\": {\n    \"modifiedInPeriod\": 0,\n    \"total\": 1\n  }"));
        assertTrue("3 renders of 2 tables by 2 users\n" + json, json.contains("\"tables\": {\n    \"rendered\": 2\n  }"));
        String text = text(mail);
        assertTrue(text, text.contains("Active macro users:    2"));
        assertTrue(text, text.contains("SQL tables rendered:   2\r\n"));
        assertTrue(text, text.contains("Licensed users:        42"));

        LedgerEntry entry = ledger.get(PERIOD).orElseThrow();
        assertEquals(ReportStatus.SENT, entry.getStatus());
        assertEquals(VENDOR, entry.getRecipient());
        assertEquals(json, entry.getPayload());
        // The month's keyed hashes are purged once its report is done.
        assertEquals(0, activeUsers.count(PERIOD));
        assertEquals(0, tables.count(PERIOD));
    }

    @Test
    public void runTwice_sendsOneEmail() {
        enable();
        assertEquals(UsageReportJob.Outcome.SENT, job("node-a").run());
        assertEquals(UsageReportJob.Outcome.ALREADY_SENT, job("node-a").run());
        assertEquals(UsageReportJob.Outcome.ALREADY_SENT, job("node-b").run());
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(1, ledger.get(PERIOD).orElseThrow().getAttempts());
    }

    @Test
    public void smtpDown_isRecordedAsFailed_thenSentOnTheNextRun() throws IOException {
        enable();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        when(mailServers.getDefaultSMTPMailServer()).thenReturn(new SmtpsTestMailServer(closedPort, true));
        assertEquals(UsageReportJob.Outcome.FAILED, job("node-a").run());
        LedgerEntry failed = ledger.get(PERIOD).orElseThrow();
        assertEquals(ReportStatus.FAILED, failed.getStatus());
        assertTrue(failed.getLastError(), failed.getLastError().startsWith("MailException"));
        assertEquals(0, greenMail.getReceivedMessages().length);

        when(mailServers.getDefaultSMTPMailServer()).thenReturn(smtp);
        assertEquals(UsageReportJob.Outcome.SENT, job("node-a").run());
        assertEquals(UsageReportJob.Outcome.ALREADY_SENT, job("node-a").run());
        assertEquals(1, greenMail.getReceivedMessages().length);
        LedgerEntry sent = ledger.get(PERIOD).orElseThrow();
        assertEquals(ReportStatus.SENT, sent.getStatus());
        assertEquals(2, sent.getAttempts());
        assertNull(sent.getLastError());
    }

    @Test
    public void noMailServer_isRecordedAsNotSent_andShownAsSuch() {
        enable();
        when(mailServers.getDefaultSMTPMailServer()).thenReturn(null);
        assertEquals(UsageReportService.MailStatus.NONE, service().mailStatus());
        assertEquals(UsageReportJob.Outcome.NO_MAIL_SERVER, job("node-a").run());
        LedgerEntry entry = ledger.get(PERIOD).orElseThrow();
        assertEquals(ReportStatus.FAILED, entry.getStatus());
        assertTrue(entry.getLastError(), entry.getLastError().contains("no SMTP mail server"));
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    public void mailServerWithoutTls_isReportedForTheWarning() {
        when(mailServers.getDefaultSMTPMailServer()).thenReturn(new SmtpsTestMailServer(1, false));
        assertEquals(UsageReportService.MailStatus.NO_TLS, service().mailStatus());
        when(mailServers.getDefaultSMTPMailServer()).thenReturn(smtp);
        assertEquals(UsageReportService.MailStatus.TLS, service().mailStatus());
    }

    @Test
    public void twoNodesOnOneDatabase_firingTogether_sendOneEmail() throws Exception {
        enable();
        try (HostActiveObjects secondNode = TestDatabase.H2.newActiveObjects()) {
            UsageReportJob nodeA = job("node-a");
            UsageReportJob nodeB = job("node-b", new DefaultReportLedgerStore(secondNode));
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Callable<UsageReportJob.Outcome>> runs = List.of(() -> {
                    start.await();
                    return nodeA.run();
                }, () -> {
                    start.await();
                    return nodeB.run();
                });
                List<UsageReportJob.Outcome> outcomes = new ArrayList<>();
                for (Future<UsageReportJob.Outcome> f : pool.invokeAll(runs)) {
                    outcomes.add(f.get());
                }
                assertEquals(outcomes.toString(), 1, Collections.frequency(outcomes, UsageReportJob.Outcome.SENT));
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(ReportStatus.SENT, ledger.get(PERIOD).orElseThrow().getStatus());
    }

    @Test
    public void preview_equalsTheReceivedMessage_byteForByte() throws Exception {
        enable();
        UsageReportService service = service();
        UsageReport preview = service.preview();
        assertEquals(PERIOD, preview.getPeriod());

        assertEquals(UsageReportJob.Outcome.SENT, job("node-a").run());
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertArrayEquals(preview.getJson().getBytes(StandardCharsets.UTF_8), attachmentBytes(mail));
        assertEquals(preview.getText(), text(mail));
        assertArrayEquals(preview.getText().getBytes(StandardCharsets.UTF_8), text(mail).getBytes(StandardCharsets.UTF_8));
        assertEquals(preview.getSubject(), mail.getSubject());
        assertEquals(preview.getMessageId(), mail.getMessageID());
        assertEquals(preview.getReportId(), mail.getHeader(UsageReport.REPORT_ID_HEADER)[0]);
        assertEquals(preview.getAttachmentName(), part(mail, 1).getFileName());
        assertEquals(preview.digest(), ledger.get(PERIOD).orElseThrow().getPayloadDigest());
        // Once January is sent, the preview moves on to February.
        assertEquals("2020-02", service.preview().getPeriod());
    }

    @Test
    public void piiCanaries_appearNowhereInTheSentMessage() throws Exception {
        enable();
        assertEquals(UsageReportJob.Outcome.SENT, job("node-a").run());
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        String everything = raw.toString(StandardCharsets.ISO_8859_1) + "\n" + text(mail) + "\n" + attachment(mail);
        String lower = everything.toLowerCase(java.util.Locale.ROOT);
        for (String canary : CANARIES) {
            assertFalse(canary + " leaked into the mail", lower.contains(canary.toLowerCase(java.util.Locale.ROOT)));
        }
        assertFalse("a host name leaked", lower.contains("canary-host-ibex"));
        // The control: the canaries are really in the stores the report is built from.
        assertEquals("Canary Datasource Zebra", new DefaultDatasourceStore(ao).list().get(0).getName());
        assertEquals(7, counters.total(PERIOD, "canary.counter.key"));
        assertTrue("the page's tables were counted", attachment(mail).contains("\"rendered\": 2"));
    }

    @Test
    public void adminCopy_goesAsBlindCopy_andTheVendorsMessageDoesNotShowIt() throws Exception {
        consent.decide(ReportDecision.ENABLED, "admin.copy@customer.test", "admin-key");
        assertEquals(UsageReportJob.Outcome.SENT, job("node-a").run());
        MimeMessage[] received = greenMail.getReceivedMessages();
        // GreenMail stores one message per delivered recipient.
        assertEquals(2, received.length);
        for (MimeMessage mail : received) {
            assertNull(mail.getHeader("Bcc"));
            assertEquals(VENDOR, mail.getRecipients(Message.RecipientType.TO)[0].toString());
        }
        assertTrue("the copy was delivered to the admin's mailbox",
                greenMail.getUserManager().getUserByEmail("admin.copy@customer.test") != null);
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received[0].writeTo(raw);
        assertFalse(raw.toString(StandardCharsets.ISO_8859_1).contains("admin.copy"));
    }

    private static BodyPart part(MimeMessage mail, int index) throws Exception {
        return ((MimeMultipart) mail.getContent()).getBodyPart(index);
    }

    private static String text(MimeMessage mail) throws Exception {
        return (String) part(mail, 0).getContent();
    }

    private static byte[] attachmentBytes(MimeMessage mail) throws Exception {
        return part(mail, 1).getInputStream().readAllBytes();
    }

    private static String attachment(MimeMessage mail) throws Exception {
        return new String(attachmentBytes(mail), StandardCharsets.UTF_8);
    }
}
