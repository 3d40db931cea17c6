package com.sqltables.devhost.web;

import com.sqltables.devhost.content.ContentException;
import com.sqltables.devhost.content.ContentLinks;
import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.content.Page;
import com.sqltables.devhost.content.PageSummary;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.render.InvalidStorageFormatException;
import com.sqltables.devhost.render.MacroBoxes;
import com.sqltables.devhost.render.RenderContext;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.UserDirectory;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Viewing pages: {@code /display/KEY} (the space's home page), {@code /display/KEY/Title} and
 * {@code /pages/viewpage.action?pageId=N}. Macros run with output type {@code display}.
 */
public final class PageViewServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final transient ContentService content;
    private final transient UserDirectory users;
    private final transient Layout layout;

    public PageViewServlet(ContentService content, UserDirectory users, Layout layout) {
        this.content = content;
        this.users = users;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DevUser user = RequestContext.currentUser().orElseThrow();
        try {
            Page page = resolve(request, user);
            if (page == null) {
                ErrorPages.notFound(layout, request, response, "The page you are looking for does not exist.");
                return;
            }
            show(request, response, user, page);
        } catch (ContentException e) {
            ErrorPages.write(layout, request, response, e.kind().status(),
                    e.kind() == ContentException.Kind.NOT_FOUND ? "Page not found" : "Not permitted", e.getMessage());
        }
    }

    /** The page the URL names, or null when there is none. */
    private Page resolve(HttpServletRequest request, DevUser user) {
        if (request.getServletPath().equals("/pages/viewpage.action")) {
            Long id = parseId(request.getParameter("pageId"));
            return id == null ? null : content.page(user, id);
        }
        // /display/KEY[/Title]: decoded from the raw URI, because Confluence writes spaces in titles as '+'.
        String raw = request.getRequestURI().substring(request.getContextPath().length() + "/display/".length());
        String[] parts = raw.split("/", 2);
        if (parts[0].isEmpty()) {
            return null;
        }
        String spaceKey = decode(parts[0]);
        if (parts.length == 1 || parts[1].isEmpty()) {
            Space space = content.space(user, spaceKey);
            return space.homepage().map(id -> content.page(user, id)).orElse(null);
        }
        return content.pageByTitle(user, spaceKey, decode(parts[1])).orElse(null);
    }

    private void show(HttpServletRequest request, HttpServletResponse response, DevUser user, Page page)
            throws IOException {
        String ctx = request.getContextPath();
        String rendered;
        try {
            rendered = content.render(page, RenderContext.DISPLAY);
        } catch (InvalidStorageFormatException e) {
            rendered = MacroBoxes.macroError("page", "The page content is not valid storage format: " + e.getMessage());
        }
        Space space = content.space(user, page.spaceKey());
        boolean canEdit = content.canEdit(user, space);
        StringBuilder body = new StringBuilder("<div class=\"page-panel\" id=\"content\" data-page-id=\"")
                .append(page.id()).append("\"><ol class=\"breadcrumbs\"><li><a href=\"").append(Html.attr(ctx))
                .append(Html.attr(ContentLinks.pageList(space.key()))).append("\">").append(Html.text(space.name()))
                .append("</a></li>");
        for (PageSummary ancestor : content.ancestors(page)) {
            body.append("<li><a href=\"").append(Html.attr(ctx + ContentLinks.page(ancestor))).append("\">")
                    .append(Html.text(ancestor.title())).append("</a></li>");
        }
        body.append("</ol><div class=\"page-header\"><h1 id=\"title-text\">").append(Html.text(page.title()))
                .append("</h1><div class=\"page-actions\">");
        if (canEdit) {
            body.append("<a class=\"aui-button\" id=\"editPageLink\" href=\"").append(Html.attr(ctx + ContentLinks.edit(page.id())))
                    .append("\">Edit</a><a class=\"aui-button\" id=\"addChildLink\" href=\"")
                    .append(Html.attr(ctx + ContentLinks.create(space.key(), page.id()))).append("\">Add child page</a>");
        }
        body.append("</div></div><div class=\"page-metadata\">Created by ").append(Html.text(displayName(page.creatorKey())))
                .append(page.version() > 1 ? ", last modified by " + Html.text(displayName(page.authorKey())) : "")
                .append(" on ").append(Html.text(DATE.format(page.modifiedAt()))).append(" &middot; version ")
                .append(page.version()).append("</div><div id=\"main-content\" class=\"wiki-content\">")
                .append(rendered).append("</div>");
        List<PageSummary> children = content.children(page);
        if (!children.isEmpty()) {
            body.append("<div class=\"children\"><h2>Child pages</h2><ul>");
            for (PageSummary child : children) {
                body.append("<li><a href=\"").append(Html.attr(ctx + ContentLinks.page(child))).append("\">")
                        .append(Html.text(child.title())).append("</a></li>");
            }
            body.append("</ul></div>");
        }
        body.append("</div>");
        layout.write(request, response, 200, page.title(), body.toString(), Layout.Kind.GENERAL);
    }

    private String displayName(String userKey) {
        return users.byKey(userKey).map(u -> u.fullName() == null ? u.username() : u.fullName()).orElse("Unknown user");
    }

    static Long parseId(String value) {
        try {
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String decode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }
}
