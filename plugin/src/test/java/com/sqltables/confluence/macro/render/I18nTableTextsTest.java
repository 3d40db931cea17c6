package com.sqltables.confluence.macro.render;

import static org.junit.Assert.assertEquals;

import com.sqltables.confluence.testing.PropertiesI18nResolver;
import org.junit.Test;

/** The i18n texts of result tables: every key exists in the app's file and matches the English defaults. */
public class I18nTableTextsTest {

    @Test
    public void texts_fromTheAppsI18nFile_equalTheEnglishDefaults() throws Exception {
        TableTexts i18n = new I18nTableTexts(new PropertiesI18nResolver());
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
