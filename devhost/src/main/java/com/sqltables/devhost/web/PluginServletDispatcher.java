package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.ServletModule;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the plugin's {@code servlet} modules below {@code /plugins/servlet}, as Confluence does: the plugin
 * servlet sees servlet path {@code /plugins/servlet} and the rest as path info, and matches its
 * {@code url-pattern}s ({@code *} is a wildcard). HTML answers that ask for a decorator
 * ({@code <meta name="decorator" content="atl.admin">}) get the host's layout, the way SiteMesh decorates them
 * in Confluence, including the web resources required while rendering.
 */
public final class PluginServletDispatcher extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient List<Mount> mounts = new ArrayList<>();
    private final transient Layout layout;

    private record Mount(Pattern pattern, ServletModule module) {
    }

    public PluginServletDispatcher(PluginSystem plugins, Layout layout) {
        this.layout = layout;
        for (ServletModule module : plugins.servlets()) {
            for (String urlPattern : module.urlPatterns()) {
                mounts.add(new Mount(glob(urlPattern), module));
            }
        }
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        Optional<ServletModule> module = mounts.stream().filter(m -> m.pattern().matcher(pathInfo).matches())
                .map(Mount::module).findFirst();
        if (module.isEmpty()) {
            ErrorPages.notFound(layout, request, response, "No plugin servlet is mounted at "
                    + "/plugins/servlet" + pathInfo + ".");
            return;
        }
        DecoratingResponse decorating = new DecoratingResponse(response);
        module.get().servlet().service(request, decorating);
        decorating.finish(request, layout);
    }

    /** A servlet url-pattern as a regex: {@code *} matches anything, everything else literally. */
    static Pattern glob(String urlPattern) {
        String normalized = urlPattern.startsWith("/") ? urlPattern : "/" + urlPattern;
        StringBuilder regex = new StringBuilder();
        for (String part : normalized.split("\\*", -1)) {
            if (regex.length() > 0) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        // "/x/*" also matches "/x", as a servlet container's path mapping does.
        String result = regex.toString();
        if (normalized.endsWith("/*")) {
            result = "(?:" + result + "|" + Pattern.quote(normalized.substring(0, normalized.length() - 2)) + ")";
        }
        return Pattern.compile(result);
    }
}
