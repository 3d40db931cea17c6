package com.sqltables.confluence.sql;

import java.util.Collection;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Every read statement in the corpus is accepted in every dialect it lists: the checks are not blanket refusals. */
@RunWith(Parameterized.class)
public class ReadStatementsCorpusTest {
    static final String CORPUS = "/corpus/read-statements.sql-corpus";
    private static final ReadOnlyStatementValidator VALIDATOR = new ReadOnlyStatementValidator();

    @Parameter(0)
    public SqlCorpus.Case readStatement;
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
    public void validate_readStatement_isAccepted() {
        VALIDATOR.validate(readStatement.sql, dialect);
    }
}
