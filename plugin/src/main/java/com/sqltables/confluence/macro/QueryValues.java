package com.sqltables.confluence.macro;

import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.sql.ParsedSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides where each parameter of the SQL gets its value, in this order:
 *
 * <ol>
 *   <li>context values, which nothing else can set: {@code :spaceKey} (the page's space key),
 *       {@code :pageId} (the page's id, an integer), {@code :currentUser} (the viewer's user name, NULL
 *       when anonymous);</li>
 *   <li>the page URL ({@code sqlp_<name>=…}), only for parameters the saved query declares URL-settable;</li>
 *   <li>the macro's {@code parameters};</li>
 *   <li>the saved query's default, else NULL for an optional parameter, else an error naming it.</li>
 * </ol>
 * Names match ignoring case.
 */
final class QueryValues {
    static final String SPACE_KEY = "spaceKey";
    static final String PAGE_ID = "pageId";
    static final String CURRENT_USER = "currentUser";
    private static final Map<String, QueryParameter> CONTEXT = contextDeclarations();

    private final Map<String, String> supplied;
    private final List<QueryParameter> declarations;
    private final int macroCount;
    private final int urlCount;
    private final int contextCount;

    private QueryValues(Map<String, String> supplied, List<QueryParameter> declarations, int macroCount,
                        int urlCount, int contextCount) {
        this.supplied = supplied;
        this.declarations = declarations;
        this.macroCount = macroCount;
        this.urlCount = urlCount;
        this.contextCount = contextCount;
    }

    private static Map<String, QueryParameter> contextDeclarations() {
        Map<String, QueryParameter> context = new LinkedHashMap<>();
        context.put(key(SPACE_KEY), new QueryParameter(SPACE_KEY, ParameterType.TEXT, null, false, false));
        context.put(key(PAGE_ID), new QueryParameter(PAGE_ID, ParameterType.INTEGER, null, false, false));
        context.put(key(CURRENT_USER), new QueryParameter(CURRENT_USER, ParameterType.TEXT, null, false, false));
        return Collections.unmodifiableMap(context);
    }

    /** @return whether the name is a context value's */
    static boolean isContextName(String name) {
        return name != null && CONTEXT.containsKey(key(name));
    }

    /**
     * @param sql the parsed SQL
     * @param declared the saved query's parameters; empty for inline SQL
     * @param macroValues the macro's {@code parameters}; must not name a context value
     * @param context the render's context (space, page, viewer, URL values)
     */
    static QueryValues of(ParsedSql sql, List<QueryParameter> declared, Map<String, String> macroValues,
                          RenderContext context) {
        Map<String, QueryParameter> declarations = new HashMap<>();
        for (QueryParameter parameter : declared) {
            declarations.putIfAbsent(key(parameter.getName()), parameter);
        }
        Map<String, String> macro = new HashMap<>();
        macroValues.forEach((name, value) -> macro.putIfAbsent(key(name), value));
        Map<String, String> supplied = new LinkedHashMap<>();
        List<QueryParameter> effective = new ArrayList<>(declared);
        int macroCount = 0;
        int urlCount = 0;
        int contextCount = 0;
        for (String name : sql.getDistinctParameterNames()) {
            String key = key(name);
            if (CONTEXT.containsKey(key)) {
                contextCount++;
                if (!declarations.containsKey(key)) {
                    effective.add(CONTEXT.get(key));
                }
                String value = contextValue(key, context);
                if (value != null) {
                    supplied.put(name, value);
                }
                continue;
            }
            QueryParameter declaration = declarations.get(key);
            String fromUrl = declaration != null && declaration.isUrlSettable() ? context.getUrlValues().get(key) : null;
            if (fromUrl != null) {
                supplied.put(name, fromUrl);
                urlCount++;
            } else if (macro.containsKey(key)) {
                supplied.put(name, macro.get(key));
                macroCount++;
            }
        }
        return new QueryValues(Collections.unmodifiableMap(supplied), Collections.unmodifiableList(effective),
                macroCount, urlCount, contextCount);
    }

    private static String contextValue(String key, RenderContext context) {
        if (key.equals(key(SPACE_KEY))) {
            return context.getSpaceKey();
        }
        if (key.equals(key(PAGE_ID))) {
            return context.getPageId() == null ? null : Long.toString(context.getPageId());
        }
        return context.getViewerName();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return name → value text for {@code BoundParameters.resolve}, only names the SQL uses */
    Map<String, String> supplied() {
        return supplied;
    }

    /** @return the saved query's declarations plus those of the context values the SQL uses */
    List<QueryParameter> declarations() {
        return declarations;
    }

    int macroCount() {
        return macroCount;
    }

    int urlCount() {
        return urlCount;
    }

    int contextCount() {
        return contextCount;
    }
}
