package com.sqltables.devhost.web;

import com.sqltables.devhost.content.ContentException;
import com.sqltables.devhost.content.ContentLinks;
import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.content.PageSummary;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Space navigation: the context root and {@code /dashboard.action} and {@code /spacedirectory/view.action}
 * (spaces the user can view), and {@code /collector/pages.action?key=KEY} (the space's page tree).
 */
public final class SpaceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ContentService content;
    private final transient Layout layout;

    public SpaceServlet(ContentService content, Layout layout) {
        this.content = content;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        if (path.isEmpty() || path.equals("/")) {
            response.sendRedirect(request.getContextPath() + "/dashboard.action");
            return;
        }
        DevUser user = RequestContext.currentUser().orElseThrow();
        if (path.equals("/collector/pages.action")) {
            pageTree(request, response, user);
        } else {
            directory(request, response, user, path.equals("/dashboard.action") ? "Dashboard" : "Space directory");
        }
    }

    private void directory(HttpServletRequest request, HttpServletResponse response, DevUser user, String title)
            throws IOException {
        String ctx = request.getContextPath();
        List<Space> spaces = content.visibleSpaces(user);
        StringBuilder body = new StringBuilder("<div class=\"page-panel\"><h1>").append(Html.text(title))
                .append("</h1><p>Welcome, ").append(Html.text(user.fullName() == null ? user.username() : user.fullName()))
                .append(".</p>");
        if (spaces.isEmpty()) {
            body.append("<div class=\"aui-message aui-message-info\"><p>There are no spaces you can view. Ask an "
                    + "administrator for access.</p></div>");
        } else {
            body.append("<table class=\"aui\" id=\"space-list\"><thead><tr><th>Space</th><th>Key</th><th>Description</th>"
                    + "<th></th></tr></thead><tbody>");
            for (Space space : spaces) {
                body.append("<tr><td><a href=\"").append(Html.attr(ctx + ContentLinks.space(space.key()))).append("\">")
                        .append(Html.text(space.name())).append("</a></td><td>").append(Html.text(space.key()))
                        .append("</td><td>").append(Html.text(space.description())).append("</td><td><a href=\"")
                        .append(Html.attr(ctx + ContentLinks.pageList(space.key()))).append("\">Pages</a></td></tr>");
            }
            body.append("</tbody></table>");
        }
        body.append("</div>");
        layout.write(request, response, 200, title, body.toString(), Layout.Kind.GENERAL);
    }

    private void pageTree(HttpServletRequest request, HttpServletResponse response, DevUser user) throws IOException {
        String key = request.getParameter("key");
        Space space;
        try {
            space = content.space(user, key == null ? "" : key);
        } catch (ContentException e) {
            ErrorPages.write(layout, request, response, e.kind().status(),
                    e.kind() == ContentException.Kind.NOT_FOUND ? "Space not found" : "Not permitted", e.getMessage());
            return;
        }
        String ctx = request.getContextPath();
        List<PageSummary> pages = content.pages(user, space.key(), null);
        Map<Long, List<PageSummary>> byParent = new HashMap<>();
        List<PageSummary> roots = new ArrayList<>();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        pages.forEach(p -> ids.add(p.id()));
        for (PageSummary p : pages) {
            if (p.parentId() == null || !ids.contains(p.parentId())) {
                roots.add(p);
            } else {
                byParent.computeIfAbsent(p.parentId(), k -> new ArrayList<>()).add(p);
            }
        }
        StringBuilder body = new StringBuilder("<div class=\"page-panel\"><h1>").append(Html.text(space.name()))
                .append(" &mdash; pages</h1><div class=\"page-actions\">");
        if (content.canEdit(user, space)) {
            body.append("<a class=\"aui-button\" id=\"create-page-link\" href=\"")
                    .append(Html.attr(ctx + ContentLinks.create(space.key(), null))).append("\">Create page</a>");
        }
        body.append("</div><div id=\"page-tree\">");
        tree(body, ctx, roots, byParent, 0);
        body.append("</div></div>");
        layout.write(request, response, 200, space.name(), body.toString(), Layout.Kind.GENERAL);
    }

    private static void tree(StringBuilder body, String ctx, List<PageSummary> level, Map<Long, List<PageSummary>> byParent,
                             int depth) {
        if (level.isEmpty() || depth > 50) {
            return;
        }
        body.append("<ul class=\"page-tree\">");
        level.sort(java.util.Comparator.comparing(p -> p.title().toLowerCase(java.util.Locale.ROOT)));
        for (PageSummary p : level) {
            body.append("<li><a href=\"").append(Html.attr(ctx + ContentLinks.page(p))).append("\">")
                    .append(Html.text(p.title())).append("</a>");
            tree(body, ctx, byParent.getOrDefault(p.id(), new ArrayList<>()), byParent, depth + 1);
            body.append("</li>");
        }
        body.append("</ul>");
    }
}
