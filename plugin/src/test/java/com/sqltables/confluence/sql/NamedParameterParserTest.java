package com.sqltables.confluence.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;
import org.junit.Test;

public class NamedParameterParserTest {
    private static ParsedSql parse(String sql, SqlDialect dialect) {
        return NamedParameterParser.parse(sql, dialect);
    }

    private static void assertParsed(String sql, SqlDialect dialect, String expectedJdbc, String... names) {
        ParsedSql parsed = parse(sql, dialect);
        assertEquals(expectedJdbc, parsed.getJdbcSql());
        assertEquals(List.of(names), parsed.getParameterNames());
    }

    @Test
    public void parse_namedParameters_becomePlaceholdersInOrder() {
        assertParsed("SELECT * FROM t WHERE a = :region AND b > :since", SqlDialect.GENERIC,
                "SELECT * FROM t WHERE a = ? AND b > ?", "region", "since");
    }

    @Test
    public void parse_repeatedName_getsOnePlaceholderPerUse_andIsDistinctOnce() {
        ParsedSql parsed = parse("SELECT :a, :b, :A", SqlDialect.GENERIC);
        assertEquals("SELECT ?, ?, ?", parsed.getJdbcSql());
        assertEquals(List.of("a", "b", "A"), parsed.getParameterNames());
        assertEquals(List.of("a", "b"), parsed.getDistinctParameterNames());
    }

    @Test
    public void parse_parameterNextToPunctuation_isFound() {
        assertParsed("SELECT * FROM t WHERE a IN(:x,:y)AND b=:z", SqlDialect.GENERIC,
                "SELECT * FROM t WHERE a IN(?,?)AND b=?", "x", "y", "z");
    }

    @Test
    public void parse_colonInsideStringLiteral_isLeftAlone() {
        assertParsed("SELECT 'a :not '' :still_not' FROM t WHERE x = :yes", SqlDialect.GENERIC,
                "SELECT 'a :not '' :still_not' FROM t WHERE x = ?", "yes");
    }

    @Test
    public void parse_colonInsideQuotedIdentifier_isLeftAlone() {
        assertParsed("SELECT \":odd\"\"name\" FROM t WHERE x = :p", SqlDialect.GENERIC,
                "SELECT \":odd\"\"name\" FROM t WHERE x = ?", "p");
    }

    @Test
    public void parse_colonInsideBackticks_isLeftAloneForMariaDb() {
        assertParsed("SELECT `a:b` FROM t WHERE x = :p", SqlDialect.MARIADB, "SELECT `a:b` FROM t WHERE x = ?", "p");
    }

    @Test
    public void parse_colonInsideBrackets_isLeftAloneForSqlServer() {
        assertParsed("SELECT [a:b]]c] FROM t WHERE x = :p", SqlDialect.SQLSERVER,
                "SELECT [a:b]]c] FROM t WHERE x = ?", "p");
    }

    @Test
    public void parse_bracketsInPostgres_areArraysNotNames() {
        assertParsed("SELECT ARRAY[:a, :b]", SqlDialect.POSTGRESQL, "SELECT ARRAY[?, ?]", "a", "b");
    }

    @Test
    public void parse_colonInsideComments_isLeftAlone() {
        assertParsed("SELECT 1 -- :no\n/* :nor */ FROM t WHERE x = :yes", SqlDialect.GENERIC,
                "SELECT 1 -- :no\n/* :nor */ FROM t WHERE x = ?", "yes");
    }

    @Test
    public void parse_nestedBlockComment_isOneCommentInPostgres() {
        assertParsed("SELECT /* a /* :inner */ :still */ :p", SqlDialect.POSTGRESQL,
                "SELECT /* a /* :inner */ :still */ ?", "p");
    }

    @Test
    public void parse_blockCommentsDoNotNestInMariaDb() {
        assertParsed("SELECT /* a /* b */ :p", SqlDialect.MARIADB, "SELECT /* a /* b */ ?", "p");
    }

    @Test
    public void parse_hashComment_isACommentInMariaDbOnly() {
        assertParsed("SELECT 1 # :no\n, :p", SqlDialect.MARIADB, "SELECT 1 # :no\n, ?", "p");
    }

    @Test
    public void parse_doubleColonCast_isNotAParameter() {
        assertParsed("SELECT :v::text, x::int FROM t", SqlDialect.POSTGRESQL, "SELECT ?::text, x::int FROM t", "v");
    }

    @Test
    public void parse_assignment_isNotAParameter() {
        assertParsed("SELECT @a := 1, :p", SqlDialect.MARIADB, "SELECT @a := 1, ?", "p");
    }

    @Test
    public void parse_colonBeforeDigit_isLeftAlone() {
        assertParsed("SELECT a[1:2], b[:lo:3] FROM t", SqlDialect.POSTGRESQL, "SELECT a[1:2], b[?:3] FROM t", "lo");
    }

    @Test
    public void parse_dollarQuotedString_isLeftAlone() {
        assertParsed("SELECT $$ :a $$, $fn$ it's :b $fn$, :c", SqlDialect.POSTGRESQL,
                "SELECT $$ :a $$, $fn$ it's :b $fn$, ?", "c");
    }

    @Test
    public void parse_dollarInIdentifier_isNotAQuote() {
        assertParsed("SELECT v$session.x$, :p FROM v$session", SqlDialect.POSTGRESQL,
                "SELECT v$session.x$, ? FROM v$session", "p");
    }

    @Test
    public void parse_escapeString_honoursBackslashInPostgres() {
        assertParsed("SELECT E'it\\'s :not', :p", SqlDialect.POSTGRESQL, "SELECT E'it\\'s :not', ?", "p");
    }

    @Test
    public void parse_backslashInStandardString_isNotAnEscape() {
        assertParsed("SELECT 'a\\', :p", SqlDialect.POSTGRESQL, "SELECT 'a\\', ?", "p");
    }

    @Test
    public void parse_backslashEscape_isHonouredInMariaDb() {
        assertParsed("SELECT 'it\\'s :not', :p", SqlDialect.MARIADB, "SELECT 'it\\'s :not', ?", "p");
    }

    @Test
    public void parse_oracleAlternativeQuote_isLeftAlone() {
        assertParsed("SELECT q'[it's :not]', nq'{:nor}', :p FROM dual", SqlDialect.ORACLE,
                "SELECT q'[it's :not]', nq'{:nor}', ? FROM dual", "p");
    }

    @Test
    public void parse_textWithoutParameters_isUnchanged() {
        String sql = "SELECT 'x' AS \"y\" -- z\nFROM t";
        assertParsed(sql, SqlDialect.GENERIC, sql);
    }

    @Test
    public void parse_invalidName_reportsItsPosition() {
        SqlRejectedException e = assertThrows(SqlRejectedException.class,
                () -> parse("SELECT 1\nFROM t WHERE a = :région", SqlDialect.GENERIC));
        assertTrue(e.getReason(), e.getReason().contains("':région'"));
        assertTrue(e.getReason(), e.getReason().contains("line 2, column 18"));
    }

    @Test
    public void parse_tooLongName_isRejected() {
        String name = "a".repeat(65);
        SqlRejectedException e = assertThrows(SqlRejectedException.class,
                () -> parse("SELECT :" + name, SqlDialect.GENERIC));
        assertTrue(e.getReason(), e.getReason().contains("at most 64"));
    }

    @Test
    public void parse_questionMark_isRejectedWithItsPosition() {
        SqlRejectedException e = assertThrows(SqlRejectedException.class,
                () -> parse("SELECT * FROM t WHERE a = ?", SqlDialect.GENERIC));
        assertTrue(e.getReason(), e.getReason().contains("line 1, column 27"));
        assertTrue(e.getReason(), e.getReason().contains(":region"));
    }

    @Test
    public void parse_doubledQuestionMark_isKeptForPostgresOnly() {
        assertParsed("SELECT j ?? 'k', :p FROM t", SqlDialect.POSTGRESQL, "SELECT j ?? 'k', ? FROM t", "p");
        assertThrows(SqlRejectedException.class, () -> parse("SELECT j ?? 'k' FROM t", SqlDialect.H2));
    }

    @Test
    public void parse_questionMarkInLiteral_isLeftAlone() {
        assertParsed("SELECT '?', \"?\" /* ? */", SqlDialect.GENERIC, "SELECT '?', \"?\" /* ? */");
    }

    @Test
    public void parse_unterminatedString_reportsWhereItStarts() {
        SqlRejectedException e = assertThrows(SqlRejectedException.class,
                () -> parse("SELECT 1,\n  'abc", SqlDialect.GENERIC));
        assertEquals("The string literal that starts at line 2, column 3 is never closed.", e.getReason());
    }

    @Test
    public void parse_unterminatedCommentOrDollarQuote_isRejected() {
        assertThrows(SqlRejectedException.class, () -> parse("SELECT 1 /* open", SqlDialect.GENERIC));
        assertThrows(SqlRejectedException.class, () -> parse("SELECT $a$ open", SqlDialect.POSTGRESQL));
        assertThrows(SqlRejectedException.class, () -> parse("SELECT \"open", SqlDialect.GENERIC));
    }

    @Test
    public void parse_keepsDialectAndOriginal() {
        ParsedSql parsed = parse("SELECT :a", SqlDialect.H2);
        assertEquals("SELECT :a", parsed.getOriginalSql());
        assertEquals(SqlDialect.H2, parsed.getDialect());
    }
}
