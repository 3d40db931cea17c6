package com.sqltables.confluence.bundle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class OsgiHeaderTest {

    @Test
    public void parse_quotedRangeWithComma_staysOneClause() {
        List<OsgiHeader.Clause> clauses = OsgiHeader.parse(
                "org.slf4j;version=\"[1.7,3)\",com.codahale.metrics;resolution:=optional;version=\"[4,5)\",javax.sql");

        assertEquals(3, clauses.size());
        assertEquals("org.slf4j", clauses.get(0).name());
        assertEquals("[1.7,3)", clauses.get(0).attribute("version"));
        assertEquals("optional", clauses.get(1).directive("resolution"));
        assertEquals("[4,5)", clauses.get(1).attribute("version"));
        assertNull(clauses.get(2).attribute("version"));
    }

    @Test
    public void parse_severalPackagesInOneClause_shareAttributes() {
        List<OsgiHeader.Clause> clauses = OsgiHeader.parse("a.b;c.d;version=\"[1,2)\"");

        assertEquals(2, clauses.size());
        assertEquals("c.d", clauses.get(1).name());
        assertEquals("[1,2)", clauses.get(1).attribute("version"));
    }

    @Test
    public void parse_absentHeader_givesNoClauses() {
        assertTrue(OsgiHeader.parse(null).isEmpty());
        assertTrue(OsgiHeader.parse("  ").isEmpty());
    }

    @Test
    public void versionRange_halfOpen_includesFloorExcludesCeiling() {
        VersionRange range = VersionRange.parse("[8.5,10)");

        assertTrue(range.isBounded());
        assertTrue(range.includes("8.5.0"));
        assertTrue(range.includes("9.99.3"));
        assertFalse(range.includes("8.4.9"));
        assertFalse(range.includes("10.0.0"));
    }

    @Test
    public void versionRange_exclusiveFloorInclusiveCeiling() {
        VersionRange range = VersionRange.parse("(1.0,2.0]");

        assertFalse(range.includes("1.0"));
        assertTrue(range.includes("1.0.1"));
        assertTrue(range.includes("2.0.0"));
    }

    @Test
    public void versionRange_bareVersion_isUnboundedAbove() {
        VersionRange range = VersionRange.parse("1.7");

        assertFalse(range.isBounded());
        assertTrue(range.includes("99.0"));
        assertFalse(range.includes("1.6.9"));
    }

    @Test(expected = IllegalArgumentException.class)
    public void versionRange_missingComma_isRejected() {
        VersionRange.parse("[1.0]");
    }
}
