package com.sqltables.devhost.web;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The host's error pages: a title and an escaped message inside the normal layout, never a stack trace. */
public final class ErrorPages {
    private ErrorPages() {
    }

    public static void write(Layout layout, HttpServletRequest request, HttpServletResponse response, int status,
                             String title, String message) throws IOException {
        String body = "<div class=\"page-panel error-page\"><h1>" + Html.text(title) + "</h1>"
                + "<div class=\"aui-message aui-message-error\"><p>" + Html.text(message) + "</p></div>"
                + "<p><a href=\"" + Html.attr(com.sqltables.devhost.spi.HostConventions.CONTEXT_PATH) + "/dashboard.action\">Go to the dashboard</a></p>"
                + "</div>";
        layout.write(request, response, status, title, body, Layout.Kind.GENERAL);
    }

    public static void notFound(Layout layout, HttpServletRequest request, HttpServletResponse response, String message)
            throws IOException {
        write(layout, request, response, 404, "Page not found", message);
    }

    public static void forbidden(Layout layout, HttpServletRequest request, HttpServletResponse response,
                                 String message) throws IOException {
        write(layout, request, response, 403, "Not permitted", message);
    }
}
