package com.sqltables.confluence.access;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class StoredSqlTest {
    private static String storage(String cdata) {
        return "<p>Intro</p><ac:structured-macro ac:name=\"sql-table\"><ac:parameter ac:name=\"datasource\">Sales"
                + "</ac:parameter><ac:plain-text-body><![CDATA[" + cdata + "]]></ac:plain-text-body>"
                + "</ac:structured-macro>";
    }

    @Test
    public void isPartOf_sqlInCdata_isFound() {
        String sql = "SELECT region, amount\nFROM sales WHERE amount > 5 AND note <> '&'";
        assertTrue(StoredSql.isPartOf(storage(sql), sql));
    }

    @Test
    public void isPartOf_sqlWithCdataEndSplitAcrossSections_isFound() {
        String sql = "SELECT ']]>' AS x";
        assertTrue(StoredSql.isPartOf(storage("SELECT ']]]]><![CDATA[>' AS x"), sql));
    }

    @Test
    public void isPartOf_sqlStoredAsEscapedText_isFound() {
        String sql = "SELECT 1 WHERE 2 > 1 AND 'a' <> \"b\"";
        String escaped = "<ac:plain-text-body>SELECT 1 WHERE 2 &gt; 1 AND &apos;a&#39; &lt;&gt; &quot;b&quot;"
                + "</ac:plain-text-body>";
        assertTrue(StoredSql.isPartOf(escaped, sql));
    }

    @Test
    public void isPartOf_otherSql_isNotFound() {
        assertFalse(StoredSql.isPartOf(storage("SELECT region FROM sales"), "SELECT * FROM salaries"));
    }

    @Test
    public void isPartOf_longerSqlStartingWithTheStoredOne_isNotFound() {
        assertFalse(StoredSql.isPartOf(storage("SELECT region FROM sales"), "SELECT region FROM sales UNION SELECT 1"));
    }

    @Test
    public void isPartOf_partOfAStoredStatement_isNotFound() {
        String stored = "SELECT name, salary FROM staff WHERE team = :team";
        assertFalse(StoredSql.isPartOf(storage(stored), "SELECT name, salary FROM staff"));
        assertFalse(StoredSql.isPartOf(storage(stored), "salary FROM staff WHERE team = :team"));
    }

    @Test
    public void isPartOf_whiteSpaceAtTheEnds_isIgnored() {
        assertTrue(StoredSql.isPartOf(storage("\n  SELECT 1\n"), "SELECT 1"));
        assertTrue(StoredSql.isPartOf(storage("SELECT 1"), "  SELECT 1\n"));
    }

    @Test
    public void isPartOf_secondMacroOfThePage_isFound() {
        String page = storage("SELECT 1") + "<p>More</p>" + storage("SELECT 2");
        assertTrue(StoredSql.isPartOf(page, "SELECT 2"));
    }

    @Test
    public void isPartOf_numericEntities_areDecoded() {
        assertTrue(StoredSql.isPartOf("<ac:plain-text-body>SELECT &#x27;a&#x27; &#60; 2</ac:plain-text-body>",
                "SELECT 'a' < 2"));
    }

    @Test
    public void isPartOf_sqlOutsideAPlainTextBody_isNotFound() {
        assertFalse(StoredSql.isPartOf("<p>SELECT * FROM salaries</p>", "SELECT * FROM salaries"));
    }

    @Test
    public void isPartOf_sqlContainingTheClosingTag_isReadToTheRealEnd() {
        String sql = "SELECT '</ac:plain-text-body>' AS a, ']]>' AS b";
        assertTrue(StoredSql.isPartOf(storage(sql.replace("]]>", "]]]]><![CDATA[>")), sql));
        assertFalse(StoredSql.isPartOf(storage(sql.replace("]]>", "]]]]><![CDATA[>")), "SELECT '"));
    }

    @Test
    public void isPartOf_noStoredContent_isNotFound() {
        assertFalse(StoredSql.isPartOf(null, "SELECT 1"));
        assertFalse(StoredSql.isPartOf("", "SELECT 1"));
        assertFalse(StoredSql.isPartOf(storage("x"), ""));
    }
}
