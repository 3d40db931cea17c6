package com.sqltables.confluence.macro;

import com.atlassian.sal.api.message.I18nResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

/**
 * The host's i18n service for tests: the app's real {@code i18n/sql-tables.properties}, formatted with
 * {@link MessageFormat} as SAL does. A key missing from the file fails the test instead of showing the
 * key, so tests also prove that every text the macro uses exists.
 */
final class PropertiesI18nResolver implements I18nResolver {
    private final Properties texts = new Properties();

    PropertiesI18nResolver() {
        try (InputStream in = PropertiesI18nResolver.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            texts.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Replaces one text from now on, as if the next viewer read another language (SAL resolves texts in
     * the current viewer's language).
     */
    void translate(String key, String text) {
        getRawText(key);
        texts.setProperty(key, text);
    }

    @Override
    public String getRawText(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            throw new IllegalStateException("No i18n text " + key);
        }
        return text;
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return arguments == null || arguments.length == 0 ? getRawText(key)
                : new MessageFormat(getRawText(key), Locale.ENGLISH).format(arguments);
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
