package com.sqltables.devhost.web;

import com.sqltables.devhost.content.ContentException;
import com.sqltables.devhost.content.ContentLinks;
import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.content.Page;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.render.InvalidStorageFormatException;
import com.sqltables.devhost.render.MacroBoxes;
import com.sqltables.devhost.render.RenderContext;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The storage-format editor: {@code /pages/createpage.action?spaceKey=&fromPageId=} and
 * {@code /pages/editpage.action?pageId=}. A plain textarea with Save and Preview (macros run with output type
 * {@code preview}); every POST needs the XSRF token. Invalid XHTML is answered with 400 and the parser's
 * message above the editor, a concurrent edit with 409.
 */
public final class PageEditorServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient ContentService content;
    private final transient Layout layout;

    public PageEditorServlet(ContentService content, Layout layout) {
        this.content = content;
        this.layout = layout;
    }

    /** What the form holds. */
    private record Form(Long pageId, int originalVersion, String spaceKey, Long parentId, String title, String body) {
        boolean isCreate() {
            return pageId == null;
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DevUser user = RequestContext.currentUser().orElseThrow();
        try {
            if (isCreate(request)) {
                String spaceKey = request.getParameter("spaceKey");
                Long parentId = PageViewServlet.parseId(request.getParameter("fromPageId"));
                List<Space> editable = editableSpaces(user);
                if (editable.isEmpty() || (spaceKey != null && !content.canEdit(user, content.space(user, spaceKey)))) {
                    ErrorPages.forbidden(layout, request, response, "You are not permitted to create pages here.");
                    return;
                }
                String key = spaceKey != null ? spaceKey : editable.get(0).key();
                editor(request, response, 200, new Form(null, 0, key, parentId, "", ""), null, null);
            } else {
                Long id = PageViewServlet.parseId(request.getParameter("pageId"));
                if (id == null) {
                    ErrorPages.notFound(layout, request, response, "No page id was given.");
                    return;
                }
                Page page = content.page(user, id);
                if (!content.canEdit(user, content.space(user, page.spaceKey()))) {
                    ErrorPages.forbidden(layout, request, response, "You are not permitted to edit this page.");
                    return;
                }
                editor(request, response, 200, new Form(page.id(), page.version(), page.spaceKey(), page.parentId(),
                        page.title(), page.body()), null, null);
            }
        } catch (ContentException e) {
            ErrorPages.write(layout, request, response, e.kind().status(), "Cannot edit", e.getMessage());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DevUser user = RequestContext.currentUser().orElseThrow();
        Form form = new Form(PageViewServlet.parseId(request.getParameter("pageId")),
                parseInt(request.getParameter("originalVersion")), request.getParameter("spaceKey"),
                PageViewServlet.parseId(request.getParameter("parentPageId")), request.getParameter("title"),
                request.getParameter("content"));
        if (!Xsrf.isValidForm(request)) {
            editor(request, response, 403, form, "Your session expired or the security token is missing. Your "
                    + "changes were not saved; save again.", null);
            return;
        }
        if (request.getParameter("preview") != null) {
            preview(request, response, user, form);
            return;
        }
        try {
            Page saved = form.isCreate()
                    ? content.create(user, form.spaceKey(), form.title(), form.body(), form.parentId())
                    : content.update(user, form.pageId(), form.originalVersion() + 1, form.title(), form.body(), null);
            response.sendRedirect(request.getContextPath() + ContentLinks.page(saved));
        } catch (ContentException e) {
            String message = e.kind() == ContentException.Kind.CONFLICT
                    ? "Someone else saved this page while you were editing it. " + e.getMessage() : e.getMessage();
            if (e.kind() == ContentException.Kind.NOT_FOUND || e.kind() == ContentException.Kind.FORBIDDEN) {
                ErrorPages.write(layout, request, response, e.kind().status(), "Cannot save", message);
            } else {
                editor(request, response, e.kind().status(), form, message, null);
            }
        }
    }

    private void preview(HttpServletRequest request, HttpServletResponse response, DevUser user, Form form)
            throws IOException {
        String html;
        int status = 200;
        try {
            Page context = form.isCreate() ? null : content.page(user, form.pageId());
            html = content.render(form.body(), context, form.spaceKey(), RenderContext.PREVIEW);
        } catch (InvalidStorageFormatException e) {
            status = 400;
            html = MacroBoxes.macroError("preview", "Error parsing xhtml: " + e.getMessage());
        } catch (ContentException e) {
            status = e.kind().status();
            html = MacroBoxes.macroError("preview", e.getMessage());
        }
        editor(request, response, status, form, null, html);
    }

    private void editor(HttpServletRequest request, HttpServletResponse response, int status, Form form, String error,
                        String previewHtml) throws IOException {
        String ctx = request.getContextPath();
        String action = ctx + (form.isCreate() ? "/pages/createpage.action" : "/pages/editpage.action");
        String heading = form.isCreate() ? "Create page in " + form.spaceKey() : "Edit " + form.title();
        StringBuilder body = new StringBuilder("<div class=\"page-panel editor\"><h1>").append(Html.text(heading))
                .append("</h1>");
        if (error != null) {
            body.append("<div class=\"aui-message aui-message-error\" id=\"editor-error\"><p>").append(Html.text(error))
                    .append("</p></div>");
        }
        body.append("<form class=\"aui\" method=\"post\" id=\"editpageform\" action=\"").append(Html.attr(action))
                .append("\">").append(Xsrf.hiddenField(request, response));
        if (form.isCreate()) {
            body.append("<input type=\"hidden\" name=\"spaceKey\" value=\"").append(Html.attr(form.spaceKey())).append("\">");
            if (form.parentId() != null) {
                body.append("<input type=\"hidden\" name=\"parentPageId\" value=\"").append(form.parentId()).append("\">");
            }
        } else {
            body.append("<input type=\"hidden\" name=\"pageId\" value=\"").append(form.pageId()).append("\">")
                    .append("<input type=\"hidden\" name=\"originalVersion\" value=\"").append(form.originalVersion())
                    .append("\">");
        }
        body.append("<div class=\"field-group\"><label for=\"content-title\">Title</label><input class=\"text long-field\" "
                        + "type=\"text\" id=\"content-title\" name=\"title\" maxlength=\"255\" value=\"")
                .append(Html.attr(form.title())).append("\"></div>")
                .append("<div class=\"field-group\"><label for=\"wysiwygTextarea\">Content (storage format)</label>")
                .append("<textarea id=\"wysiwygTextarea\" name=\"content\" rows=\"20\" spellcheck=\"false\">")
                .append(Html.text(form.body())).append("</textarea></div><div class=\"buttons\">")
                .append("<button class=\"aui-button aui-button-primary\" type=\"submit\" name=\"confirm\" id=\"rte-button-publish\">")
                .append(form.isCreate() ? "Publish" : "Update").append("</button>")
                .append("<button class=\"aui-button\" type=\"submit\" name=\"preview\" value=\"true\" id=\"rte-button-preview\">")
                .append("Preview</button><a class=\"aui-button aui-button-link\" href=\"")
                .append(Html.attr(form.isCreate() ? ctx + ContentLinks.space(form.spaceKey()) : ctx + "/pages/viewpage.action?pageId=" + form.pageId()))
                .append("\">Cancel</a></div></form>");
        if (previewHtml != null) {
            body.append("<div class=\"preview\"><h2>Preview</h2><div id=\"preview-content\" class=\"wiki-content\">")
                    .append(previewHtml).append("</div></div>");
        }
        body.append("</div>");
        layout.write(request, response, status, heading, body.toString(), Layout.Kind.GENERAL);
    }

    private List<Space> editableSpaces(DevUser user) {
        return content.visibleSpaces(user).stream().filter(s -> content.canEdit(user, s)).collect(Collectors.toList());
    }

    private static boolean isCreate(HttpServletRequest request) {
        return request.getServletPath().equals("/pages/createpage.action");
    }

    private static int parseInt(String value) {
        try {
            return value == null ? 0 : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
