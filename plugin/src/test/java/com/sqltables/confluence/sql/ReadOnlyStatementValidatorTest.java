package com.sqltables.confluence.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.AfterClass;
import org.junit.Test;

public class ReadOnlyStatementValidatorTest {
    private static final ReadOnlyStatementValidator VALIDATOR = new ReadOnlyStatementValidator();

    @AfterClass
    public static void stop() {
        VALIDATOR.close();
    }

    private static String rejection(ReadOnlyStatementValidator validator, String sql) {
        return assertThrows(SqlRejectedException.class, () -> validator.validate(sql, SqlDialect.GENERIC)).getReason();
    }

    private static String rejection(String sql, SqlDialect dialect) {
        return assertThrows(SqlRejectedException.class, () -> VALIDATOR.validate(sql, dialect)).getReason();
    }

    @Test
    public void validate_acceptedTextAgain_isAcceptedFromMemo_andRefusalsStayRefused() {
        try (ReadOnlyStatementValidator validator = new ReadOnlyStatementValidator()) {
            validator.validate("SELECT id FROM t WHERE id = ?", SqlDialect.POSTGRESQL);
            validator.validate("SELECT id FROM t WHERE id = ?", SqlDialect.POSTGRESQL);
            for (int i = 0; i < 2; i++) {
                assertThrows(SqlRejectedException.class, () -> validator.validate("DELETE FROM t", SqlDialect.POSTGRESQL));
            }
        }
    }

    @Test
    public void validate_textAcceptedForOneDialect_isStillCheckedForAnother() {
        // A backslash escapes a quote in MariaDB only: elsewhere this string literal never ends.
        String sql = "SELECT 'a\\''";
        try (ReadOnlyStatementValidator validator = new ReadOnlyStatementValidator()) {
            validator.validate(sql, SqlDialect.MARIADB);
            assertThrows(SqlRejectedException.class, () -> validator.validate(sql, SqlDialect.POSTGRESQL));
        }
    }

    @Test
    public void validate_twoStatements_isRejectedWithTheCount() {
        assertEquals("Only one statement may run, but the SQL has 2. Remove the extra statements (and any ; between them).",
                rejection("SELECT 1; SELECT 2", SqlDialect.GENERIC));
    }

    @Test
    public void validate_dml_namesTheStatement() {
        assertEquals("Only SELECT statements may run; this is an INSERT statement.",
                rejection("INSERT INTO t VALUES (1)", SqlDialect.GENERIC));
        assertEquals("Only SELECT statements may run; this is a CALL/EXECUTE statement.",
                rejection("CALL p()", SqlDialect.GENERIC));
    }

    @Test
    public void validate_unparseableNonQuery_namesItsFirstWord() {
        assertEquals("Only SELECT statements may run; this one starts with 'COPY'.",
                rejection("COPY t TO '/tmp/x'", SqlDialect.POSTGRESQL));
    }

    @Test
    public void validate_dataModifyingCte_isRejectedEvenNested() {
        assertEquals("WITH d AS (DELETE …) changes data; only WITH queries that read may run.",
                rejection("SELECT * FROM (WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d) x", SqlDialect.POSTGRESQL));
    }

    @Test
    public void validate_readOnlyCte_isAccepted() {
        VALIDATOR.validate("WITH a AS (SELECT 1 AS x), b AS (SELECT x FROM a) SELECT * FROM b", SqlDialect.POSTGRESQL);
    }

    @Test
    public void validate_selectInto_isRejected() {
        assertTrue(rejection("SELECT * INTO copy FROM t", SqlDialect.POSTGRESQL).startsWith("SELECT … INTO"));
    }

    @Test
    public void validate_forUpdateInsideUnion_isRejected() {
        assertTrue(rejection("SELECT 1 UNION SELECT a FROM (SELECT a FROM t FOR UPDATE) x", SqlDialect.POSTGRESQL)
                .contains("lock rows"));
    }

    @Test
    public void validate_forReadOnly_isAccepted() {
        VALIDATOR.validate("SELECT a FROM t FOR READ ONLY", SqlDialect.GENERIC);
    }

    @Test
    public void validate_sideEffectFunction_thatParsesAsSelect_isRejected() {
        assertTrue(rejection("SELECT pg_terminate_backend(1)", SqlDialect.POSTGRESQL).contains("pg_terminate_backend()"));
    }

    @Test
    public void validate_sameWordNotCalled_isAccepted() {
        VALIDATOR.validate("SELECT 'pg_read_file(x)', \"nextval\" FROM t", SqlDialect.POSTGRESQL);
    }

    @Test
    public void validate_parseError_givesPositionWithoutEchoingTheSql() {
        String longTail = " AND x = 'secret-looking-value-" + "y".repeat(300) + "'";
        String reason = rejection("SELECT * FROM t WHERE ORDER BY" + longTail, SqlDialect.GENERIC);
        assertTrue(reason, reason.startsWith("The SQL could not be read"));
        assertFalse(reason, reason.contains("yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"));
        assertTrue(reason, reason.length() < 200);
    }

    @Test
    public void validate_emptyOrCommentOnly_hasNoStatement() {
        assertEquals("The SQL contains no statement.", rejection("  ", SqlDialect.GENERIC));
        assertEquals("The SQL contains no statement.", rejection("-- nothing\n/* here */", SqlDialect.GENERIC));
    }

    @Test
    public void validate_tooLong_isRejectedBeforeParsing() {
        String sql = "SELECT 1" + " ".repeat(ReadOnlyStatementValidator.MAX_SQL_LENGTH);
        assertTrue(rejection(sql, SqlDialect.GENERIC).startsWith("The SQL is too long to check"));
    }

    @Test
    public void validate_parsedSql_checksTheJdbcText() {
        VALIDATOR.validate(NamedParameterParser.parse("SELECT * FROM t WHERE a = :a AND b::text = :b", SqlDialect.POSTGRESQL));
    }

    @Test
    public void validate_parseThatDoesNotFinish_givesUpAfterTheTimeout() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        // A parser thread that cannot start until the test is done: the parse can only time out.
        ExecutorService stuck = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>()) {
            @Override
            protected void beforeExecute(Thread t, Runnable r) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        try (ReadOnlyStatementValidator impatient = new ReadOnlyStatementValidator(50, stuck)) {
            String reason = assertThrows(SqlRejectedException.class,
                    () -> impatient.validate("SELECT 1", SqlDialect.GENERIC)).getReason();
            assertEquals("The SQL took too long to check (over 50 ms); simplify it.", reason);
        } finally {
            release.countDown();
        }
    }

    @Test
    public void validate_afterClose_refusesRatherThanAccepting() {
        ReadOnlyStatementValidator closed = new ReadOnlyStatementValidator();
        closed.close();
        assertEquals("SQL cannot be checked while the app is stopping.",
                rejection(closed, "SELECT 1"));
    }
}
