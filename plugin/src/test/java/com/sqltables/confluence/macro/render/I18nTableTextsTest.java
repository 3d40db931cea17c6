package com.sqltables.confluence.macro.render;

import static org.junit.Assert.assertEquals;

import com.atlassian.sal.api.message.I18nResolver;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.Test;

/** The i18n texts of result tables: every key exists in the app's file and matches the English defaults. */
public class I18nTableTextsTest {

    /** Confluence's resolver formats like MessageFormat over the plugin's properties file. */
    private static I18nResolver resolverOverTheAppsFile() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = I18nTableTextsTest.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            texts.load(in);
        }
        return new I18nResolver() {
            @Override
            public String getRawText(String key) {
                return texts.getProperty(key, key);
            }

            @Override
            public String getText(String key, Serializable... arguments) {
                return new MessageFormat(getRawText(key), Locale.ENGLISH).format(arguments);
            }

            @Override
            public String getText(Locale locale, String key, Serializable... arguments) {
                return getText(key, arguments);
            }

            @Override
            public String getText(String key) {
                return getText(key, new Serializable[0]);
            }

            @Override
            public String getText(Locale locale, String key) {
                return getText(key);
            }
        };
    }

    @Test
    public void texts_fromTheAppsI18nFile_equalTheEnglishDefaults() throws Exception {
        TableTexts i18n = new I18nTableTexts(resolverOverTheAppsFile());
        TableTexts english = TableTexts.english();

        assertEquals(english.nullValue(), i18n.nullValue());
        assertEquals(english.trueValue(), i18n.trueValue());
        assertEquals(english.falseValue(), i18n.falseValue());
        assertEquals(english.noRows(), i18n.noRows());
        assertEquals(english.noResult(), i18n.noResult());
        assertEquals(english.rowNumberHeader(), i18n.rowNumberHeader());
        assertEquals(english.truncated(1000), i18n.truncated(1000));
        assertEquals("Only the first 1000 rows are shown.", i18n.truncated(1000));
        assertEquals(english.binary("12 KB"), i18n.binary("12 KB"));
        assertEquals(english.textCut(1000000), i18n.textCut(1000000));
    }
}
