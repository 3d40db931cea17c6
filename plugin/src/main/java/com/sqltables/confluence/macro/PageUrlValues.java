package com.sqltables.confluence.macro;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the page URL's query string: {@code sqlp_<name>=value} gives the query parameter {@code name}
 * a value (used only if the saved query declares it URL-settable), {@code sqlt_refresh=1} asks to
 * refresh cached tables. Only the URL is read, never a form body.
 */
final class PageUrlValues {
    /** Prefix of query-parameter values in the page URL. */
    static final String VALUE_PREFIX = "sqlp_";
    /** The refresh request in the page URL. */
    static final String REFRESH_PARAMETER = "sqlt_refresh";
    /** Longer query strings are not read: no browser sends one for a page view. */
    static final int MAX_QUERY_LENGTH = 16_384;
    static final int MAX_VALUES = 100;

    private final Map<String, String> values;
    private final boolean refresh;
    private final String queryWithoutRefresh;

    private PageUrlValues(Map<String, String> values, boolean refresh, String queryWithoutRefresh) {
        this.values = values;
        this.refresh = refresh;
        this.queryWithoutRefresh = queryWithoutRefresh;
    }

    /** @param queryString the raw query string of the request being served, or {@code null} for none */
    static PageUrlValues parse(String queryString) {
        if (queryString == null || queryString.isEmpty()) {
            return new PageUrlValues(Collections.emptyMap(), false, "");
        }
        if (queryString.length() > MAX_QUERY_LENGTH) {
            // Not read at all; without the query, a refresh link could not lead back to this page.
            return new PageUrlValues(Collections.emptyMap(), false, null);
        }
        Map<String, String> values = new LinkedHashMap<>();
        boolean refresh = false;
        StringBuilder rest = new StringBuilder(queryString.length());
        for (String pair : queryString.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                continue;
            }
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals(REFRESH_PARAMETER)) {
                refresh = refresh || value.equals("1") || value.equalsIgnoreCase("true");
                continue;
            }
            if (rest.length() > 0) {
                rest.append('&');
            }
            rest.append(pair);
            if (lower.startsWith(VALUE_PREFIX) && lower.length() > VALUE_PREFIX.length() && values.size() < MAX_VALUES) {
                values.putIfAbsent(lower.substring(VALUE_PREFIX.length()), value);
            }
        }
        return new PageUrlValues(Collections.unmodifiableMap(values), refresh, rest.toString());
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // A malformed escape such as %zz: the pair is ignored, like a servlet container would.
            return null;
        }
    }

    /** @return lower-case name (prefix removed) → value, the first of each name */
    Map<String, String> values() {
        return values;
    }

    boolean refresh() {
        return refresh;
    }

    /** @return the raw query string without the refresh parameter; {@code null} if it was not read */
    String queryWithoutRefresh() {
        return queryWithoutRefresh;
    }
}
