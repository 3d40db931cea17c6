package com.sqltables.devhost.admin;

import com.sqltables.devhost.db.HostDatabase;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebSectionModule;
import com.sqltables.devhost.web.Html;
import com.sqltables.devhost.web.Layout;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * {@code /admin/console.action}: the administration start page with the system information a developer
 * needs and the plugin's {@code system.admin} web-sections and web-items.
 */
public final class AdminConsoleServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient HostEnvironment environment;
    private final transient PluginSystem plugins;
    private final transient Layout layout;

    public AdminConsoleServlet(HostEnvironment environment, PluginSystem plugins, Layout layout) {
        this.environment = environment;
        this.plugins = plugins;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdminAccess.allowView(request, response, layout)) {
            return;
        }
        String ctx = request.getContextPath();
        StringBuilder body = new StringBuilder("<h1>General configuration</h1><table class=\"aui\" id=\"system-info\">")
                .append(row("Confluence version", environment.productVersion()))
                .append(row("Build number", environment.buildNumber()))
                .append(row("Base URL", environment.baseUrl()))
                .append(row("Cluster node", environment.nodeId()))
                .append(row("Database", HostDatabase.maskUrl(environment.databaseUrl())))
                .append(row("Data directory", environment.dataDir().toAbsolutePath().toString()))
                .append(row("Plugin", plugins.pluginName() + " (" + plugins.pluginKey() + ") " + plugins.pluginVersion()))
                .append(row("Macros", plugins.macroNames().isEmpty() ? "none" : String.join(", ", plugins.macroNames())))
                .append(row("Extra datasources", environment.datasources().isEmpty() ? "none"
                        : environment.datasources().stream().map(d -> d.name()).reduce((a, b) -> a + ", " + b).orElse("")))
                .append("</table><h2>Plugin administration</h2>");
        List<WebSectionModule> sections = Layout.adminSections(plugins);
        if (sections.isEmpty()) {
            body.append("<p id=\"no-plugin-sections\">The plugin adds no sections to the administration menu.</p>");
        }
        for (WebSectionModule section : sections) {
            body.append("<div class=\"admin-section\" id=\"section-").append(Html.attr(section.key())).append("\"><h3>")
                    .append(Html.text(section.label())).append("</h3><ul>");
            for (WebItemModule item : plugins.webItems("system.admin/" + section.key())) {
                body.append("<li><a class=\"admin-item\" id=\"item-").append(Html.attr(item.key())).append("\" href=\"")
                        .append(Html.attr(Layout.link(ctx, item.link()))).append("\">").append(Html.text(item.label()))
                        .append("</a></li>");
            }
            body.append("</ul></div>");
        }
        layout.write(request, response, 200, "General configuration", body.toString(), Layout.Kind.ADMIN);
    }

    private static String row(String label, String value) {
        return "<tr><th>" + Html.text(label) + "</th><td>" + Html.text(value) + "</td></tr>";
    }
}
