package com.sqltables.confluence.sql;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.Locale;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Every write attempt in the corpus is refused, in every dialect it lists, with a fitting message. */
@RunWith(Parameterized.class)
public class WriteAttemptsCorpusTest {
    static final String CORPUS = "/corpus/write-attempts.sql-corpus";
    private static final ReadOnlyStatementValidator VALIDATOR = new ReadOnlyStatementValidator();

    @Parameter(0)
    public SqlCorpus.Case writeAttempt;
    @Parameter(1)
    public SqlDialect dialect;

    @Parameters(name = "{0} [{1}]")
    public static Collection<Object[]> cases() {
        return SqlCorpus.perDialect(CORPUS);
    }

    @AfterClass
    public static void stopValidator() {
        VALIDATOR.close();
    }

    @Test
    public void validate_writeAttempt_isRejected() {
        SqlRejectedException e = assertThrows(SqlRejectedException.class,
                () -> VALIDATOR.validate(writeAttempt.sql, dialect));
        if (writeAttempt.expect != null) {
            assertTrue("message should mention '" + writeAttempt.expect + "' but was: " + e.getReason(),
                    e.getReason().toLowerCase(Locale.ROOT).contains(writeAttempt.expect.toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    public void validate_writeAttempt_neverEchoesTheWholeStatement() {
        SqlRejectedException e = assertThrows(SqlRejectedException.class,
                () -> VALIDATOR.validate(writeAttempt.sql, dialect));
        if (writeAttempt.sql.length() > 60) {
            assertTrue(e.getReason(), !e.getReason().contains(writeAttempt.sql));
        }
    }
}
