package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.Map;
import org.junit.Test;

public class PageUrlValuesTest {

    @Test
    public void parse_prefixedValues_areDecodedAndLowerCased() {
        PageUrlValues url = PageUrlValues.parse("pageId=12&sqlp_Region=E%C3%BC+West&SQLP_since=2024-01-01&other=x");
        assertEquals(Map.of("region", "Eü West", "since", "2024-01-01"), url.values());
        assertFalse(url.refresh());
        assertEquals("pageId=12&sqlp_Region=E%C3%BC+West&SQLP_since=2024-01-01&other=x", url.queryWithoutRefresh());
    }

    @Test
    public void parse_firstValueOfANameWins() {
        assertEquals("a", PageUrlValues.parse("sqlp_x=a&sqlp_x=b").values().get("x"));
    }

    @Test
    public void parse_refresh_isRecognisedAndRemovedFromTheQuery() {
        PageUrlValues url = PageUrlValues.parse("pageId=12&sqlt_refresh=1&sqlp_a=1");
        assertTrue(url.refresh());
        assertEquals("pageId=12&sqlp_a=1", url.queryWithoutRefresh());
        assertFalse(PageUrlValues.parse("sqlt_refresh=0").refresh());
        assertTrue(PageUrlValues.parse("sqlt_refresh=true").refresh());
    }

    @Test
    public void parse_noQuery_givesAnEmptyQuery() {
        assertEquals("", PageUrlValues.parse(null).queryWithoutRefresh());
        assertTrue(PageUrlValues.parse("").values().isEmpty());
    }

    @Test
    public void parse_malformedEscapes_areIgnored() {
        PageUrlValues url = PageUrlValues.parse("sqlp_a=%zz&sqlp_b=ok&sqlp_=x&sqlp_c");
        assertEquals(Map.of("b", "ok", "c", ""), url.values());
    }

    @Test
    public void parse_overlongQuery_isNotRead() {
        PageUrlValues url = PageUrlValues.parse("sqlp_a=" + "x".repeat(PageUrlValues.MAX_QUERY_LENGTH));
        assertTrue(url.values().isEmpty());
        assertNull(url.queryWithoutRefresh());
    }

    @Test
    public void parse_manyValues_keepsAtMostTheLimit() {
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            query.append("sqlp_p").append(i).append("=1&");
        }
        assertEquals(PageUrlValues.MAX_VALUES, PageUrlValues.parse(query.toString()).values().size());
    }
}
