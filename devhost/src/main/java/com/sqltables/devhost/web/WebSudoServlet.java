package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.UserDirectory;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Confluence's "administrator access" page ({@code /authenticate.action}): the logged-in user re-enters the
 * password, which starts a secure administrator session of {@link WebSudo#DURATION}, then goes on to
 * {@code destination}.
 */
public final class WebSudoServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_DESTINATION = "/admin/console.action";

    private final transient UserDirectory users;
    private final transient Layout layout;

    public WebSudoServlet(UserDirectory users, Layout layout) {
        this.users = users;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        form(request, response, 200, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DevUser user = RequestContext.currentUser().orElseThrow();
        if (!Xsrf.isValidForm(request)) {
            form(request, response, 403, "Your session expired or the security token is missing. Please try again.");
            return;
        }
        if (users.authenticate(user.username(), request.getParameter("password")).isEmpty()) {
            form(request, response, 200, "The password is incorrect. Please try again.");
            return;
        }
        WebSudo.start(request);
        response.sendRedirect(request.getContextPath()
                + Destinations.safe(request.getParameter("destination"), DEFAULT_DESTINATION));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        DevUser user = RequestContext.currentUser().orElseThrow();
        String destination = Destinations.safe(request.getParameter("destination"), DEFAULT_DESTINATION);
        String body = "<div class=\"login-panel page-panel\"><h1>Administrator Access</h1>"
                + "<p>You have requested access to an administrative function in Confluence and need to validate "
                + "your credentials below.</p>"
                + (error == null ? "" : "<div class=\"aui-message aui-message-error\" id=\"websudo-error\"><p>"
                + Html.text(error) + "</p></div>")
                + "<form class=\"aui\" method=\"post\" id=\"authenticateform\" action=\""
                + Html.attr(request.getContextPath()) + HostConventions.WEBSUDO_PATH + "\">"
                + Xsrf.hiddenField(request, response)
                + "<div class=\"field-group\"><label>Username</label><span class=\"field-value\">"
                + Html.text(user.username()) + "</span></div>"
                + "<div class=\"field-group\"><label for=\"password\">Password</label><input class=\"text\" "
                + "type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" autofocus></div>"
                + "<input type=\"hidden\" name=\"destination\" value=\"" + Html.attr(destination) + "\">"
                + "<div class=\"buttons\"><button class=\"aui-button aui-button-primary\" type=\"submit\" "
                + "id=\"authenticateButton\">Confirm</button></div></form></div>";
        layout.write(request, response, status, "Administrator Access", body, Layout.Kind.GENERAL);
    }
}
