package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class UrlPropertiesTest {
    private static Map.Entry<String, String> pair(String key, String value) {
        return new SimpleImmutableEntry<>(key, value);
    }

    @Test
    public void of_queryString_givesEachPair() {
        List<Map.Entry<String, String>> found = UrlProperties.of(JdbcDriverFamily.POSTGRESQL,
                "jdbc:postgresql://db/app?a=1&b=two");
        assertEquals(List.of(pair("a", "1"), pair("b", "two")), found);
    }

    @Test
    public void of_percentEncodedKey_isFoundDecodedToo() {
        assertTrue(UrlProperties.of(JdbcDriverFamily.POSTGRESQL, "jdbc:postgresql://db/app?socket%46actory=x")
                .contains(pair("socketFactory", "x")));
    }

    @Test
    public void of_sqlServerBraces_keepTheValueWhole_andTheNaiveSplitStillSeesAll() {
        List<Map.Entry<String, String>> found = UrlProperties.of(JdbcDriverFamily.SQLSERVER,
                "jdbc:sqlserver://db;databaseName={a;b}}c};x=1");
        assertTrue(found.toString(), found.contains(pair("databaseName", "a;b}c")));
        assertTrue(found.toString(), found.contains(pair("x", "1")));
    }

    @Test
    public void of_h2EscapedSemicolon_isPartOfTheValue_andTheNaiveSplitStillSeesTheRest() {
        List<Map.Entry<String, String>> found = UrlProperties.of(JdbcDriverFamily.H2,
                "jdbc:h2:mem:x;MODE=a\\;INIT=b");
        assertTrue(found.toString(), found.contains(pair("MODE", "a;INIT=b")));
        assertTrue(found.toString(), found.contains(pair("INIT", "b")));
    }

    @Test
    public void of_descriptor_givesEveryLeafPair() {
        List<Map.Entry<String, String>> found = UrlProperties.of(JdbcDriverFamily.ORACLE,
                "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(HOST=h)(PORT=1))(SECURITY=(MY_WALLET_DIRECTORY=/w)))");
        assertTrue(found.toString(), found.contains(pair("HOST", "h")));
        assertTrue(found.toString(), found.contains(pair("MY_WALLET_DIRECTORY", "/w")));
    }

    @Test
    public void percentDecoded_decodesValidSequences_andKeepsInvalidOnes() {
        assertEquals("socketFactory=%zz a", UrlProperties.percentDecoded("socket%46actory=%zz+a"));
        assertEquals("ü", UrlProperties.percentDecoded("%C3%BC"));
        assertEquals("trailing %4", UrlProperties.percentDecoded("trailing %4"));
        assertEquals("😀", UrlProperties.percentDecoded("😀"));
    }
}
