package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.HostConventions;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;

/**
 * {@code /logout.action}. Logging out changes state, so it takes a POST with the XSRF token (the header's
 * menu sends one); a GET shows a confirmation button instead of logging out behind the user's back.
 */
public final class LogoutServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient Layout layout;

    public LogoutServlet(Layout layout) {
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String body = "<div class=\"page-panel\"><h1>Log out</h1><form method=\"post\" action=\""
                + Html.attr(request.getContextPath()) + "/logout.action\">" + Xsrf.hiddenField(request, response)
                + "<button class=\"aui-button aui-button-primary\" type=\"submit\">Log out</button></form></div>";
        layout.write(request, response, 200, "Log out", body, Layout.Kind.GENERAL);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!Xsrf.isValidForm(request)) {
            ErrorPages.write(layout, request, response, 403, "XSRF Security Token Missing",
                    "This action could not be completed because the security token is missing or expired. "
                            + "Go back, reload the page and try again.");
            return;
        }
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + HostConventions.LOGIN_PATH + "?logout=true");
    }
}
