package com.sqltables.confluence.admin;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.mail.server.SMTPMailServer;
import com.sqltables.confluence.report.ReportConsent;
import com.sqltables.confluence.report.ReportDecision;
import com.sqltables.confluence.report.UsageReport;
import com.sqltables.confluence.report.UsageReportConsent;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The settings tab: the usage report's decision, preview, download, warnings and history. */
public class SettingsPagesTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;

    @Before
    public void setUp() throws IOException {
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
    }

    @After
    public void tearDown() {
        fixture.close();
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
    }

    @Test
    public void undecided_pageSaysSo_andShowsTheExactNextReport() throws IOException {
        FakeHttp.Response page = fixture.send(AdminFixture.get("/settings"));
        assertEquals(200, page.status);
        String body = page.body();
        assertTrue(body, body.contains("No decision yet: nothing is sent."));
        UsageReport preview = fixture.usageReport.preview();
        assertTrue(body, body.contains(VelocityTemplateRenderer.escape(preview.getJson())));
        assertTrue(body, body.contains(VelocityTemplateRenderer.escape(preview.getText())));
        assertTrue(body, body.contains(VelocityTemplateRenderer.escape(preview.getMessageId())));
        assertTrue(body, body.contains(UsageReport.REPORT_ID_HEADER));
        assertTrue(body, body.contains("/settings/usage-report.json"));
        assertTrue(body, body.contains("No SMTP mail server is configured"));
    }

    @Test
    public void enabling_recordsWhoAndWhen_andTheCopyAddress() throws IOException {
        FakeHttp.Response saved = fixture.send(AdminFixture.post("/settings/save").param("decision", "ENABLED")
                .param("copyTo", " admin.copy@customer.test "));
        assertEquals(303, saved.status);
        assertTrue(saved.location(), saved.location().endsWith("/settings?done=updated"));
        ReportConsent consent = fixture.consent.get();
        assertEquals(ReportDecision.ENABLED, consent.getDecision());
        assertEquals(AdminFixture.ADMIN.getStringValue(), consent.getDecidedBy());
        assertTrue(consent.getDecidedAt() != null && !consent.getDecidedAt().isAfter(Instant.now()));
        assertEquals("admin.copy@customer.test", consent.getCopyTo());

        String body = fixture.send(AdminFixture.get("/settings").param("done", "updated")).body();
        assertTrue(body, body.contains("The monthly usage report is enabled."));
        assertTrue(body, body.contains("Ada &lt;Admin&gt;"));
        // When, to the second as the other UTC times of the screen: no nanoseconds.
        assertTrue(body, body.contains(consent.getDecidedAt().truncatedTo(ChronoUnit.SECONDS) + ")"));
        assertTrue(body, body.contains("Bcc"));
    }

    @Test
    public void disabling_turnsReportingOff() throws IOException {
        fixture.consent.decide(ReportDecision.ENABLED, null, "someone");
        assertEquals(303, fixture.send(AdminFixture.post("/settings/save").param("decision", "DISABLED")).status);
        assertFalse(fixture.consent.get().isSending());
        assertEquals(ReportDecision.DISABLED, fixture.consent.get().getDecision());
    }

    @Test
    public void invalidChoiceOrAddress_isRefused_andChangesNothing() throws IOException {
        FakeHttp.Response noChoice = fixture.send(AdminFixture.post("/settings/save").param("decision", "UNDECIDED"));
        assertEquals(400, noChoice.status);
        FakeHttp.Response injected = fixture.send(AdminFixture.post("/settings/save").param("decision", "ENABLED")
                .param("copyTo", "a@b.test\r\nBcc: evil@attacker.test"));
        assertEquals(400, injected.status);
        assertEquals(ReportDecision.UNDECIDED, fixture.consent.get().getDecision());
        assertNull(fixture.consent.get().getCopyTo());
    }

    @Test
    public void lockedOffBySystemProperty_pageSaysSo() throws IOException {
        System.setProperty(UsageReportConsent.DISABLED_PROPERTY, "true");
        String body = fixture.send(AdminFixture.get("/settings")).body();
        assertTrue(body, body.contains("sql-tables.usage-report.disabled=true"));
    }

    @Test
    public void mailServerWithoutTls_showsTheWarning() throws IOException {
        SMTPMailServer plain = mock(SMTPMailServer.class);
        when(plain.isTlsRequired()).thenReturn(false);
        when(fixture.mailServers.getDefaultSMTPMailServer()).thenReturn(plain);
        String body = fixture.send(AdminFixture.get("/settings")).body();
        assertTrue(body, body.contains("does not require TLS"));
        when(plain.isTlsRequired()).thenReturn(true);
        assertFalse(fixture.send(AdminFixture.get("/settings")).body().contains("does not require TLS"));
    }

    @Test
    public void download_isTheNextReportsJson_asAnAttachment() throws IOException {
        FakeHttp.Response download = fixture.send(AdminFixture.get("/settings/usage-report.json"));
        assertEquals(200, download.status);
        assertTrue(download.contentType.startsWith("application/json"));
        UsageReport preview = fixture.usageReport.preview();
        assertEquals(preview.getJson(), download.body());
        assertEquals("attachment; filename=\"" + preview.getAttachmentName() + "\"", download.headers.get("Content-Disposition"));
    }
}
