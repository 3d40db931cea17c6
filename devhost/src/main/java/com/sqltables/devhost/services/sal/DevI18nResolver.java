package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.message.I18nResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SAL's i18n resolver over the plugin's {@code <resource type="i18n">} bundles, with Confluence's formatting
 * rules: a missing key resolves to the key itself; every text goes through {@link MessageFormat} (so a lone
 * apostrophe disappears, as in Confluence), but without arguments literal braces are kept; a text that
 * cannot be formatted resolves to its key.
 */
public final class DevI18nResolver implements I18nResolver {
    private final ClassLoader pluginClassLoader;
    private final List<String> locations;
    private final Map<Locale, List<ResourceBundle>> bundles = new ConcurrentHashMap<>();

    /**
     * @param locations the {@code location} attributes of the plugin's i18n resources (slashes or dots,
     *                  without {@code .properties})
     */
    public DevI18nResolver(ClassLoader pluginClassLoader, List<String> locations) {
        this.pluginClassLoader = pluginClassLoader;
        this.locations = List.copyOf(locations);
    }

    @Override
    public String getRawText(String key) {
        String value = lookup(Locale.getDefault(), key);
        return value == null ? key : value;
    }

    @Override
    public String getText(String key, Serializable... arguments) {
        return format(Locale.getDefault(), key, arguments);
    }

    @Override
    public String getText(Locale locale, String key, Serializable... arguments) {
        return format(Objects.requireNonNull(locale, "locale"), key, arguments);
    }

    @Override
    public String getText(String key) {
        return format(Locale.getDefault(), key, null);
    }

    @Override
    public String getText(Locale locale, String key) {
        return format(Objects.requireNonNull(locale, "locale"), key, null);
    }

    private String format(Locale locale, String key, Object[] arguments) {
        if (key == null) {
            return "";
        }
        String value = lookup(locale, key);
        String text = value == null ? key : value;
        boolean hasArguments = arguments != null && arguments.length > 0;
        if (!hasArguments && !text.contains("'{") && !text.contains("'}")) {
            text = text.replace("{", "'{").replace("}", "'}");
        }
        try {
            return MessageFormat.format(text, arguments);
        } catch (IllegalArgumentException e) {
            return key;
        }
    }

    private String lookup(Locale locale, String key) {
        String bare = key.length() > 1 && key.startsWith("'") && key.endsWith("'") ? key.substring(1, key.length() - 1) : key;
        for (ResourceBundle bundle : bundles(locale)) {
            if (bundle.containsKey(bare)) {
                return bundle.getString(bare);
            }
        }
        return null;
    }

    /** @return for each location, the most specific bundle for the locale (chained to its parents) */
    private List<ResourceBundle> bundles(Locale locale) {
        return bundles.computeIfAbsent(locale, l -> {
            List<ResourceBundle> result = new ArrayList<>();
            for (String location : locations) {
                ResourceBundle bundle = load(location, l);
                if (bundle != null) {
                    result.add(bundle);
                }
            }
            return Collections.unmodifiableList(result);
        });
    }

    private ResourceBundle load(String location, Locale locale) {
        String base = location.endsWith(".properties") ? location.substring(0, location.length() - ".properties".length()) : location;
        List<String> candidates = new ArrayList<>();
        for (String root : List.of(base, base.replace('.', '/'))) {
            if (!locale.getCountry().isEmpty()) {
                candidates.add(root + "_" + locale.getLanguage() + "_" + locale.getCountry());
            }
            if (!locale.getLanguage().isEmpty()) {
                candidates.add(root + "_" + locale.getLanguage());
            }
            candidates.add(root);
        }
        // Least specific first, so each more specific bundle can chain to it as its parent.
        Collections.reverse(candidates);
        ChainedBundle chained = null;
        List<String> seen = new ArrayList<>();
        for (String candidate : candidates) {
            if (seen.contains(candidate)) {
                continue;
            }
            seen.add(candidate);
            try (InputStream in = pluginClassLoader.getResourceAsStream(candidate + ".properties")) {
                if (in != null) {
                    chained = new ChainedBundle(in, chained);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read i18n resource " + candidate + ".properties", e);
            }
        }
        return chained;
    }

    /** A properties bundle (UTF-8, ISO-8859-1 fallback, as Java 9+ reads them) with a parent for missing keys. */
    private static final class ChainedBundle extends PropertyResourceBundle {
        ChainedBundle(InputStream in, ResourceBundle parent) throws IOException {
            super(in);
            if (parent != null) {
                setParent(parent);
            }
        }
    }
}
