package com.sqltables.confluence.testing;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The app's real i18n file, formatted with {@link MessageFormat} as Confluence formats every text (with
 * or without arguments); a missing key fails the test loudly, so tests also prove that every text used
 * exists.
 */
public final class PropertiesI18nResolver implements I18nResolver {
    private final Properties texts = new Properties();

    public PropertiesI18nResolver() {
        try (InputStream in = PropertiesI18nResolver.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            texts.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces one text from now on, as if the next viewer read another language (SAL resolves texts in
     * the current viewer's language).
     */
    public void translate(String key, String text) {
        getRawText(key);
        texts.setProperty(key, text);
    }

    @Override
    public String getRawText(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new AssertionError("i18n key missing from sql-tables.properties: " + key);
        }
        return text;
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
}
