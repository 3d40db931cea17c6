package com.sqltables.confluence.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.Test;

/** The SQL corpora keep at least 30 distinctly named cases each, and every case has a statement. */
public class CorpusSizeTest {
    @Test
    public void writeAttempts_haveAtLeast30UniqueCases() {
        assertWellFormed(SqlCorpus.read(WriteAttemptsCorpusTest.CORPUS));
    }

    @Test
    public void readStatements_haveAtLeast30UniqueCases() {
        assertWellFormed(SqlCorpus.read(ReadStatementsCorpusTest.CORPUS));
    }

    @Test
    public void injectionValues_haveAtLeast30UniqueValues() throws java.io.IOException {
        List<String> values = InjectionValuesCorpusTest.read();
        assertTrue("only " + values.size() + " values", values.size() >= 30);
        assertEquals(values.size(), new HashSet<>(values).size());
    }

    private static void assertWellFormed(List<SqlCorpus.Case> cases) {
        assertTrue("only " + cases.size() + " cases", cases.size() >= 30);
        Set<String> names = new HashSet<>();
        for (SqlCorpus.Case c : cases) {
            assertTrue("duplicate case " + c.name, names.add(c.name));
            assertTrue("empty statement in " + c.name, !c.sql.isBlank());
            assertTrue("no dialect in " + c.name, !c.dialects.isEmpty());
        }
        assertEquals(cases.size(), names.size());
    }
}
