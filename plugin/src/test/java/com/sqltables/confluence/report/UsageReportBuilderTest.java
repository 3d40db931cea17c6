package com.sqltables.confluence.report;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class UsageReportBuilderTest {
    @Test
    public void hostIdentifiers_areReducedToSafeCharacters() {
        assertEquals("8.5.4", UsageReportBuilder.safe("8.5.4"));
        assertEquals("8.5scriptalert1scriptwiki.corp.test", UsageReportBuilder.safe("8.5 <script>alert(1)</script>@wiki.corp.test"));
        assertEquals("unknown", UsageReportBuilder.safe(null));
        assertEquals("unknown", UsageReportBuilder.safe("<>"));
        assertEquals(64, UsageReportBuilder.safe("x".repeat(500)).length());
    }
}
