package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.PluginSystem;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Web-resource downloads, {@code /download/resources/<completeKey>/<resourceName>}: the plugin's files, and
 * for AUI's key the host's {@code aui-lite} stand-ins (see {@link WebResources}).
 */
public final class WebResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> TYPES = Map.of("css", "text/css;charset=UTF-8",
            "js", "application/javascript;charset=UTF-8", "png", "image/png", "svg", "image/svg+xml",
            "gif", "image/gif", "jpg", "image/jpeg", "json", "application/json", "woff2", "font/woff2",
            "soy", "text/plain;charset=UTF-8", "html", "text/plain;charset=UTF-8");

    private final transient PluginSystem plugins;

    public WebResourceServlet(PluginSystem plugins) {
        this.plugins = plugins;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        int slash = path.indexOf('/', 1);
        if (!path.startsWith("/") || slash < 0 || slash == path.length() - 1) {
            response.sendError(404);
            return;
        }
        String key = path.substring(1, slash);
        String name = path.substring(slash + 1);
        Optional<InputStream> resource;
        if (key.startsWith(WebResources.AUI_PREFIX)) {
            resource = WebResources.AUI_FILES.contains(name)
                    ? Optional.ofNullable(WebResourceServlet.class.getResourceAsStream("static/" + name)) : Optional.empty();
        } else {
            resource = plugins.openResource(key, name);
        }
        if (resource.isEmpty()) {
            response.sendError(404);
            return;
        }
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        // Unknown types are sent as bytes the browser will not interpret (no sniffing either).
        response.setContentType(TYPES.getOrDefault(extension, "application/octet-stream"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-cache");
        try (InputStream in = resource.get()) {
            in.transferTo(response.getOutputStream());
        }
    }
}
