package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The URL corpora keep at least 30 distinct dangerous cases, and safe cases for every bundled driver. */
public class JdbcUrlCorpusSizeTest {
    @Test
    public void dangerousUrls_haveAtLeast30DistinctEntries() {
        List<JdbcUrlCorpus.Entry> entries = JdbcUrlCorpus.read(DangerousJdbcUrlsCorpusTest.CORPUS);
        assertTrue(entries.size() >= 30);
        Set<String> distinct = new HashSet<>();
        entries.forEach(e -> assertTrue("duplicate " + e, distinct.add(e.url + "|" + e.properties)));
    }

    @Test
    public void dangerousUrls_coverEveryDriver() {
        Set<JdbcDriverFamily> covered = EnumSet.noneOf(JdbcDriverFamily.class);
        JdbcUrlCorpus.read(DangerousJdbcUrlsCorpusTest.CORPUS)
                .forEach(e -> JdbcDriverFamily.forUrl(e.url).ifPresent(covered::add));
        assertEquals(EnumSet.allOf(JdbcDriverFamily.class), covered);
    }

    @Test
    public void safeUrls_coverEveryDriver() {
        Set<JdbcDriverFamily> covered = EnumSet.noneOf(JdbcDriverFamily.class);
        JdbcUrlCorpus.read(SafeJdbcUrlsCorpusTest.CORPUS)
                .forEach(e -> covered.add(JdbcDriverFamily.forUrl(e.url).orElseThrow()));
        assertEquals(EnumSet.allOf(JdbcDriverFamily.class), covered);
    }
}
