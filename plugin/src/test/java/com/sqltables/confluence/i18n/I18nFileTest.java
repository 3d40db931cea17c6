package com.sqltables.confluence.i18n;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import org.junit.Test;

/**
 * The app's texts survive Confluence's formatting: every text is run through {@link java.text.MessageFormat},
 * where a lone apostrophe starts a quoted section and disappears ("Confluence's" would read
 * "Confluences"). Texts write an apostrophe as U+2019 (’) or, in texts with arguments, as {@code ''}.
 */
public class I18nFileTest {
    private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

    @Test
    public void texts_haveNoLoneApostrophe() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = I18nFileTest.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            assertNotNull("i18n/sql-tables.properties on the class path", in);
            texts.load(in);
        }
        List<String> offending = new ArrayList<>();
        for (String key : texts.stringPropertyNames()) {
            if (LONE_APOSTROPHE.matcher(texts.getProperty(key)).find()) {
                offending.add(key + "=" + texts.getProperty(key));
            }
        }
        assertEquals("texts with a lone apostrophe, which MessageFormat swallows", List.of(), offending);
    }
}
