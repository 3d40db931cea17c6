package com.sqltables.confluence.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.settings.ao.DefaultSettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** The decision about the usage report, on the real settings store (H2). */
public class UsageReportConsentTest {
    private static final Instant NOW = Instant.parse("2020-03-04T05:06:07Z");
    private DefaultSettingsStore settings;
    private UsageReportConsent consent;

    @Before
    public void setUp() {
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
        TestDatabase.H2.clean();
        settings = new DefaultSettingsStore(TestDatabase.H2.activeObjects());
        consent = new UsageReportConsent(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @After
    public void tearDown() {
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
    }

    @Test
    public void fresh_isUndecided_andNotSending() {
        ReportConsent c = consent.get();
        assertEquals(ReportDecision.UNDECIDED, c.getDecision());
        assertFalse(c.isSending());
    }

    @Test
    public void decide_keepsWhoAndWhen_acrossInstances() {
        consent.decide(ReportDecision.ENABLED, "", "admin-key");
        ReportConsent c = new UsageReportConsent(settings).get();
        assertEquals(ReportDecision.ENABLED, c.getDecision());
        assertEquals("admin-key", c.getDecidedBy());
        assertEquals(NOW, c.getDecidedAt());
        assertEquals(null, c.getCopyTo());
        assertTrue(c.isSending());
    }

    @Test
    public void systemProperty_locksReportingOff_butKeepsTheStoredDecision() {
        consent.decide(ReportDecision.ENABLED, null, "admin-key");
        System.setProperty(UsageReportConsent.DISABLED_PROPERTY, "true");
        ReportConsent c = consent.get();
        assertTrue(c.isLockedOff());
        assertFalse(c.isSending());
        assertEquals(ReportDecision.ENABLED, c.getDecision());
    }

    @Test
    public void unknownStoredValue_countsAsNoConsent() {
        settings.put(UsageReportConsent.DECISION, "YES_PLEASE", null);
        assertEquals(ReportDecision.UNDECIDED, consent.get().getDecision());
    }

    @Test
    public void undecidedOrMalformedCopyAddress_isRefused() {
        for (String copy : new String[] {"not an address", "a@b.test, c@d.test", "a@b.test\r\nBcc: x@y.test", "Name <a@b.test>"}) {
            try {
                consent.decide(ReportDecision.ENABLED, copy, "admin-key");
                fail(copy);
            } catch (ValidationException e) {
                assertTrue(e.getFieldErrors().containsKey("copyTo"));
            }
        }
        try {
            consent.decide(ReportDecision.UNDECIDED, null, "admin-key");
            fail();
        } catch (ValidationException e) {
            assertTrue(e.getFieldErrors().containsKey("decision"));
        }
        assertEquals(ReportDecision.UNDECIDED, consent.get().getDecision());
    }
}
