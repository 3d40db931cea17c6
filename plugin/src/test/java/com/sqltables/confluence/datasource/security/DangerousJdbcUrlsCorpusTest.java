package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ValidationException;
import java.util.Collection;
import java.util.Locale;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** Every dangerous URL (or URL plus properties) is refused, and the message names the property. */
@RunWith(Parameterized.class)
public class DangerousJdbcUrlsCorpusTest {
    static final String CORPUS = "/corpus/dangerous-jdbc-urls.txt";

    @Parameter
    public JdbcUrlCorpus.Entry entry;

    @Parameters(name = "{0}")
    public static Collection<Object[]> entries() {
        return JdbcUrlCorpus.rows(CORPUS);
    }

    @Test
    public void validate_dangerousUrl_isRefusedNamingTheProperty() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> JdbcUrlPolicy.validate(entry.url, entry.properties));
        assertTrue("expected '" + entry.first + "' in: " + e.getMessage(),
                e.getMessage().toLowerCase(Locale.ROOT).contains(entry.first.toLowerCase(Locale.ROOT)));
    }

    @Test
    public void validate_dangerousUrl_neverEchoesAPassword() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> JdbcUrlPolicy.validate(entry.url, entry.properties));
        // The corpus's passwords are "secret", "se;cret" and "tiger".
        for (String password : new String[] {"=secret", ":secret", "se;cret", "tiger"}) {
            assertTrue(e.getMessage(), !e.getMessage().contains(password));
        }
    }
}
