package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.WebResourceModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns required web-resource keys into {@code <link>}/{@code <script>} tags for the page head, dependencies
 * first, each module once. AUI ({@code com.atlassian.auiplugin:*}) is not available here: those keys map to
 * the host's small AUI-compatible stylesheet and script ({@code aui-lite.css}, {@code aui-lite.js}: the
 * message, button, table and form classes and {@code AJS.toInit}/{@code AJS.contextPath}), nothing more.
 */
public final class WebResources {
    /** Prefix of AUI's keys; served by the host itself. */
    public static final String AUI_PREFIX = "com.atlassian.auiplugin:";
    /** The single module standing in for every AUI key. */
    public static final String AUI_KEY = "com.atlassian.auiplugin:ajs";
    static final List<String> AUI_FILES = List.of("aui-lite.css", "aui-lite.js");

    private static final Logger LOG = LoggerFactory.getLogger(WebResources.class);

    private final PluginSystem plugins;
    private final String contextPath;

    public WebResources(PluginSystem plugins, String contextPath) {
        this.plugins = plugins;
        this.contextPath = contextPath;
    }

    /**
     * @param required keys required while rendering the request (may be empty)
     * @param context  the decorator's web-resource context, e.g. {@code atl.general} or {@code atl.admin}
     */
    public String headTags(Collection<String> required, String context) {
        Map<String, WebResourceModule> modules = new LinkedHashMap<>();
        for (WebResourceModule m : plugins.webResources()) {
            modules.put(m.completeKey(), m);
        }
        Set<String> ordered = new LinkedHashSet<>();
        List<String> roots = new ArrayList<>();
        for (WebResourceModule m : modules.values()) {
            if (m.contexts().contains(context)) {
                roots.add(m.completeKey());
            }
        }
        roots.addAll(required);
        for (String key : roots) {
            visit(key, modules, ordered, new LinkedHashSet<>());
        }
        StringBuilder html = new StringBuilder();
        for (String key : ordered) {
            List<String> files = key.startsWith(AUI_PREFIX) ? AUI_FILES
                    : Optional.ofNullable(modules.get(key)).map(WebResourceModule::resourceNames).orElse(List.of());
            String moduleKey = key.startsWith(AUI_PREFIX) ? AUI_KEY : key;
            for (String file : files) {
                String href = contextPath + HostConventions.RESOURCE_DOWNLOAD_PREFIX + "/" + Html.url(moduleKey) + "/"
                        + encodePath(file);
                String lower = file.toLowerCase(Locale.ROOT);
                if (lower.endsWith(".css")) {
                    html.append("<link rel=\"stylesheet\" href=\"").append(Html.attr(href)).append("\">\n");
                } else if (lower.endsWith(".js")) {
                    html.append("<script src=\"").append(Html.attr(href)).append("\"></script>\n");
                }
            }
        }
        return html.toString();
    }

    private void visit(String key, Map<String, WebResourceModule> modules, Set<String> ordered, Set<String> path) {
        String normalized = key.startsWith(AUI_PREFIX) ? AUI_KEY : key;
        if (ordered.contains(normalized) || !path.add(normalized)) {
            return;
        }
        WebResourceModule module = modules.get(normalized);
        if (module == null && !normalized.equals(AUI_KEY)) {
            LOG.warn("Web resource {} is required but no plugin declares it", key);
            return;
        }
        if (module != null) {
            for (String dependency : module.dependencies()) {
                visit(dependency, modules, ordered, path);
            }
        }
        ordered.add(normalized);
    }

    private static String encodePath(String name) {
        return java.util.Arrays.stream(name.split("/", -1)).map(Html::url)
                .collect(java.util.stream.Collectors.joining("/"));
    }
}
