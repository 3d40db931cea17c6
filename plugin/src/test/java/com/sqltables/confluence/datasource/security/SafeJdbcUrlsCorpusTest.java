package com.sqltables.confluence.datasource.security;

import com.sqltables.confluence.datasource.ConnectionKind;
import java.util.Collection;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Ordinary URLs of every bundled driver are accepted for their kind: the checks are not blanket refusals. */
@RunWith(Parameterized.class)
public class SafeJdbcUrlsCorpusTest {
    static final String CORPUS = "/corpus/safe-jdbc-urls.txt";

    @Parameter
    public JdbcUrlCorpus.Entry entry;

    @Parameters(name = "{0}")
    public static Collection<Object[]> entries() {
        return JdbcUrlCorpus.rows(CORPUS);
    }

    @Test
    public void validate_safeUrl_isAcceptedForItsKind() {
        JdbcUrlPolicy.validate(ConnectionKind.valueOf(entry.first), entry.url, entry.properties);
    }
}
