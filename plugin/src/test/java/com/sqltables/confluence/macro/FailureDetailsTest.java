package com.sqltables.confluence.macro;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/**
 * A failed query's database message quotes a saved query's SQL (H2: "SQL statement: SELECT …") and names
 * tables and columns: readers who could not write SQL for the datasource get a reference instead;
 * those who could, and system administrators, get the message. Failures without the database's words
 * stay visible to all.
 */
public class FailureDetailsTest {
    private MacroFixture fixture;

    @Before
    public void setUp() throws Exception {
        fixture = new MacroFixture();
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Test
    public void savedQueryFailure_forAReaderWhoMayNotWriteSql_hidesTheDatabaseMessage() {
        // "Open": everyone may read, nobody may write SQL (no groups).
        String html = fixture.render().viewer(MacroFixture.ANALYST).query("Open broken").run();
        assertTrue(html, html.contains("sql-tables-error"));
        assertTrue(html, html.contains("failed (reference "));
        assertFalse(html, html.toLowerCase(java.util.Locale.ROOT).contains("payroll_canary"));
        assertFalse(html, html.toLowerCase(java.util.Locale.ROOT).contains("secret_salary"));
        assertFalse(html, html.contains("SQL statement"));
    }

    @Test
    public void savedQueryFailure_forAnAnonymousReader_hidesTheDatabaseMessage() {
        String html = fixture.render().viewer(null).query("Open broken").run();
        assertTrue(html, html.contains("failed (reference "));
        assertFalse(html, html.toLowerCase(java.util.Locale.ROOT).contains("payroll_canary"));
    }

    @Test
    public void savedQueryFailure_forASystemAdministrator_showsTheDatabaseMessage() {
        String html = fixture.render().viewer(MacroFixture.SYSADMIN).query("Open broken").run();
        assertTrue(html, html.toLowerCase(java.util.Locale.ROOT).contains("payroll_canary"));
        assertFalse(html, html.contains("failed (reference "));
    }

    @Test
    public void savedQueryFailure_forAUserWhoMayWriteSqlForTheDatasource_showsTheDatabaseMessage() {
        // "Sales": inline SQL allowed for the analysts group.
        String html = fixture.render().viewer(MacroFixture.ANALYST).query("Sales broken").run();
        assertTrue(html, html.toLowerCase(java.util.Locale.ROOT).contains("payroll_canary"));
        assertFalse(html, html.contains("failed (reference "));
    }
}
