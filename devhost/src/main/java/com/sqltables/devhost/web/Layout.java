package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebSectionModule;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The page chrome of the host, in the spirit of Confluence's: a header with Spaces, Create, a Help menu (the
 * plugin's {@code system.help/pages} web-items), the administration link for administrators and the user
 * menu; an administration layout with a sidebar; web resources in the head. Plain HTML and the host's own
 * CSS (nothing is fetched from elsewhere); the menus are {@code <details>} elements, so no script is needed.
 */
public final class Layout {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Layout.class);
    /** Which decorator a page uses (Confluence's {@code atl.general}, {@code atl.admin}, login). */
    public enum Kind {
        GENERAL("atl.general"), ADMIN("atl.admin"), LOGIN("atl.general");

        private final String resourceContext;

        Kind(String resourceContext) {
            this.resourceContext = resourceContext;
        }

        public String resourceContext() {
            return resourceContext;
        }

        /** The decorator named in a page's {@code <meta name="decorator">}. */
        public static Kind forDecorator(String decorator) {
            return decorator != null && decorator.toLowerCase(Locale.ROOT).contains("admin") ? ADMIN : GENERAL;
        }
    }

    /** A host page of the administration sidebar. */
    private static final List<String[]> HOST_ADMIN_PAGES = List.of(
            new String[] {"/admin/console.action", "General configuration"},
            new String[] {"/admin/scheduledjobs/viewscheduledjobs.action", "Scheduled jobs"},
            new String[] {"/admin/mail/viewmailservers.action", "Mail servers"},
            new String[] {"/devhost/mail", "Received mail (dev host)"});

    private final PluginSystem plugins;
    private final HostEnvironment environment;
    private final WebResources resources;

    public Layout(PluginSystem plugins, HostEnvironment environment, WebResources resources) {
        this.plugins = plugins;
        this.environment = environment;
        this.resources = resources;
    }

    /** Writes a complete page around {@code bodyHtml} (already escaped by the caller). */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String bodyHtml, Kind kind) throws IOException {
        write(request, response, status, title, "", bodyHtml, kind);
    }

    /** As {@link #write(HttpServletRequest, HttpServletResponse, int, String, String, Kind)}, with extra head markup. */
    public void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
                      String extraHeadHtml, String bodyHtml, Kind kind) throws IOException {
        // Not request.getContextPath(): error dispatches have none, and the context path is fixed anyway.
        String ctx = HostConventions.CONTEXT_PATH;
        DevUser user = RequestContext.currentUser().orElse(null);
        // Read after the body was rendered: macros and plugin pages require resources while rendering.
        String resourceTags = resources.headTags(requiredResources(request), kind.resourceContext());
        String token = user == null ? "" : Xsrf.token(request, response);

        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        PrintWriter out = response.getWriter();
        out.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>").append(Html.text(title)).append(" - Confluence</title>")
                .append("<meta name=\"ajs-context-path\" content=\"").append(Html.attr(ctx)).append("\">")
                .append("<meta name=\"ajs-base-url\" content=\"").append(Html.attr(environment.baseUrl())).append("\">")
                .append("<meta name=\"ajs-version-number\" content=\"").append(Html.attr(environment.productVersion()))
                .append("\">")
                .append(user == null ? "" : "<meta name=\"ajs-remote-user\" content=\"" + Html.attr(user.username()) + "\">")
                .append(token.isEmpty() ? "" : "<meta name=\"atlassian-token\" content=\"" + Html.attr(token) + "\">")
                .append("<link rel=\"stylesheet\" href=\"").append(Html.attr(ctx)).append("/devhost/static/aui-lite.css\">")
                .append("<link rel=\"stylesheet\" href=\"").append(Html.attr(ctx)).append("/devhost/static/devhost.css\">\n")
                .append(resourceTags).append(extraHeadHtml == null ? "" : extraHeadHtml)
                .append("</head><body class=\"").append(kind == Kind.ADMIN ? "admin" : kind == Kind.LOGIN ? "login" : "general")
                .append("\">");
        header(out, request, response, user, kind);
        out.append("<main id=\"main\" class=\"main\">");
        if (kind == Kind.ADMIN) {
            out.append("<div class=\"admin-layout\"><nav class=\"admin-sidebar\" aria-label=\"Administration\">");
            String uri = request.getRequestURI() == null ? "" : request.getRequestURI();
            adminSidebar(out, ctx, uri.startsWith(ctx) ? uri.substring(ctx.length()) : uri);
            out.append("</nav><section class=\"admin-content\">").append(bodyHtml).append("</section></div>");
        } else {
            out.append(bodyHtml);
        }
        out.append("</main><footer class=\"footer\">Powered by the SQL Tables dev host, pretending to be Confluence ")
                .append(Html.text(environment.productVersion())).append(" (build ")
                .append(Html.text(environment.buildNumber())).append(") &middot; node ")
                .append(Html.text(environment.nodeId())).append("</footer></body></html>");
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> requiredResources(HttpServletRequest request) {
        Object required = request.getAttribute(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE);
        return required instanceof Collection ? (Collection<String>) required : Set.of();
    }

    private void header(PrintWriter out, HttpServletRequest request, HttpServletResponse response, DevUser user,
                        Kind kind) {
        String ctx = HostConventions.CONTEXT_PATH;
        out.append("<header class=\"header\"><a class=\"logo\" href=\"").append(Html.attr(ctx))
                .append("/dashboard.action\">Confluence <span class=\"logo-sub\">dev host</span></a>");
        if (kind == Kind.LOGIN || user == null) {
            out.append("<nav class=\"nav\"></nav><div class=\"nav-right\">");
            if (kind != Kind.LOGIN) {
                out.append("<a class=\"nav-link\" href=\"").append(Html.attr(ctx)).append(HostConventions.LOGIN_PATH)
                        .append("\">Log in</a>");
            }
            out.append("</div></header>");
            return;
        }
        out.append("<nav class=\"nav\"><a class=\"nav-link\" href=\"").append(Html.attr(ctx))
                .append("/spacedirectory/view.action\">Spaces</a>")
                .append("<a class=\"nav-link nav-create\" href=\"").append(Html.attr(ctx))
                .append("/pages/createpage.action\">Create</a></nav><div class=\"nav-right\">");
        helpMenu(out, ctx);
        if (user.systemAdmin()) {
            out.append("<a class=\"nav-link\" id=\"admin-menu-link\" href=\"").append(Html.attr(ctx))
                    .append("/admin/console.action\">Administration</a>");
        }
        out.append("<details class=\"menu\" id=\"user-menu\"><summary class=\"nav-link\">")
                .append(Html.text(user.fullName() == null ? user.username() : user.fullName()))
                .append("</summary><div class=\"menu-items\"><span class=\"menu-note\">Logged in as ")
                .append(Html.text(user.username())).append("</span><form method=\"post\" action=\"")
                .append(Html.attr(ctx)).append("/logout.action\">").append(Xsrf.hiddenField(request, response))
                .append("<button type=\"submit\" class=\"menu-button\" id=\"logout-button\">Log out</button></form>")
                .append("</div></details></div></header>");
    }

    private void helpMenu(PrintWriter out, String ctx) {
        List<WebItemModule> items = safely(() -> plugins.webItems("system.help/pages"));
        out.append("<details class=\"menu\" id=\"help-menu\"><summary class=\"nav-link\">Help</summary>")
                .append("<div class=\"menu-items\">");
        if (items.isEmpty()) {
            out.append("<span class=\"menu-note\">No help pages</span>");
        }
        for (WebItemModule item : items) {
            out.append("<a id=\"").append(Html.attr(item.key())).append("\" href=\"")
                    .append(Html.attr(link(ctx, item.link()))).append("\">").append(Html.text(item.label()))
                    .append("</a>");
        }
        out.append("</div></details>");
    }

    private void adminSidebar(PrintWriter out, String ctx, String currentPath) {
        out.append("<h3>Confluence administration</h3><ul>");
        for (String[] page : HOST_ADMIN_PAGES) {
            out.append("<li").append(currentPath.equals(page[0]) ? " class=\"active\"" : "").append("><a href=\"")
                    .append(Html.attr(ctx + page[0])).append("\">").append(Html.text(page[1])).append("</a></li>");
        }
        out.append("</ul>");
        for (WebSectionModule section : safely(() -> adminSections(plugins))) {
            List<WebItemModule> items = safely(() -> plugins.webItems("system.admin/" + section.key()));
            if (items.isEmpty()) {
                continue;
            }
            out.append("<h3>").append(Html.text(section.label())).append("</h3><ul>");
            for (WebItemModule item : items) {
                out.append("<li><a id=\"").append(Html.attr(item.key())).append("\" href=\"")
                        .append(Html.attr(link(ctx, item.link()))).append("\">").append(Html.text(item.label()))
                        .append("</a></li>");
            }
            out.append("</ul>");
        }
    }

    /** A menu's items from the plugin; a failing condition must not break every page, so it costs only the menu. */
    private static <T> List<T> safely(java.util.function.Supplier<List<T>> items) {
        try {
            return items.get();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("The plugin's web items could not be listed", e);
            return List.of();
        }
    }

    /** The plugin's web-sections in the administration menu, by weight. */
    public static List<WebSectionModule> adminSections(PluginSystem plugins) {
        return plugins.webSections().stream().filter(s -> "system.admin".equals(s.location()))
                .sorted(Comparator.comparingInt(WebSectionModule::weight)).collect(Collectors.toList());
    }

    /** A web-item link: relative to the context path unless it is an absolute http(s) URL. */
    public static String link(String contextPath, String link) {
        if (link == null || link.isEmpty()) {
            return contextPath + "/";
        }
        String lower = link.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return link;
        }
        return link.startsWith("/") ? contextPath + link : contextPath + "/" + link;
    }
}
