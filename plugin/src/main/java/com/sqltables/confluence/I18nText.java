package com.sqltables.confluence;

import com.atlassian.sal.api.message.I18nResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * A user-facing sentence as an i18n key of {@code i18n/sql-tables.properties} with its arguments, for
 * code that has no {@link I18nResolver} at hand (value parsing, JDBC failure mapping): it travels in an
 * exception and is worded where it is shown ({@link #resolve}), in the reader's language. An argument
 * may itself be an {@code I18nText} (a phrase inside a sentence); it is worded in the same language.
 * Pass numbers as strings: MessageFormat would group their digits by locale ("1,000,000").
 * Immutable.
 */
public final class I18nText implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String FILE = "/i18n/sql-tables.properties";

    private final String key;
    private final List<Serializable> arguments;

    private I18nText(String key, List<Serializable> arguments) {
        this.key = Objects.requireNonNull(key, "key");
        this.arguments = arguments;
    }

    /**
     * @param key the full i18n key
     * @param arguments the values of {@code {0}}, {@code {1}}, …: strings or {@code I18nText}s
     */
    public static I18nText of(String key, Serializable... arguments) {
        return new I18nText(key, Collections.unmodifiableList(new ArrayList<>(Arrays.asList(arguments))));
    }

    /** @return the full i18n key */
    public String getKey() {
        return key;
    }

    /** @return the arguments, in order */
    public List<Serializable> getArguments() {
        return arguments;
    }

    /** @return the sentence in the language of {@code i18n}; plain text (escape to show) */
    public String resolve(I18nResolver i18n) {
        return i18n.getText(key, values(nested -> nested.resolve(i18n)));
    }

    /**
     * @return the sentence in the app's own English file, formatted as Confluence formats it; for
     *     exception messages and logs, where no reader's language applies
     */
    public String english() {
        Serializable[] values = values(I18nText::english);
        String pattern = English.TEXTS.getProperty(key);
        if (pattern == null) {
            // A missing text must not hide the failure being reported; PluginBundleIT finds the gap.
            return key + arguments;
        }
        return new MessageFormat(pattern, Locale.ENGLISH).format(values);
    }

    /** @return the arguments, nested texts worded by {@code wording} */
    private Serializable[] values(Function<I18nText, String> wording) {
        Serializable[] values = new Serializable[arguments.size()];
        for (int i = 0; i < values.length; i++) {
            Serializable argument = arguments.get(i);
            values[i] = argument instanceof I18nText ? wording.apply((I18nText) argument) : argument;
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof I18nText && key.equals(((I18nText) o).key)
                && arguments.equals(((I18nText) o).arguments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, arguments);
    }

    @Override
    public String toString() {
        return key + arguments;
    }

    /** The English file, loaded on first use only. */
    private static final class English {
        static final Properties TEXTS = load();

        private static Properties load() {
            Properties texts = new Properties();
            try (InputStream in = I18nText.class.getResourceAsStream(FILE)) {
                if (in != null) {
                    texts.load(in);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return texts;
        }
    }
}
