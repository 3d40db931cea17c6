package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.UserDirectory;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Confluence's login form ({@code /login.action}): {@code os_username}, {@code os_password} and
 * {@code os_destination}, a path below the context to return to (anything else goes to the dashboard).
 */
public final class LoginServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String DEFAULT_DESTINATION = "/dashboard.action";

    private final transient UserDirectory users;
    private final transient Layout layout;

    public LoginServlet(UserDirectory users, Layout layout) {
        this.users = users;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        form(request, response, 200, null, "");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String username = request.getParameter("os_username");
        Optional<DevUser> user = users.authenticate(username, request.getParameter("os_password"));
        if (user.isEmpty()) {
            form(request, response, 200, "Sorry, your username and password are incorrect - please try again.",
                    username == null ? "" : username);
            return;
        }
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        // A fresh session id at login: a session fixed by someone else before login is worthless.
        HttpSession session = request.getSession(true);
        session.setAttribute(SecurityFilter.SESSION_USER_KEY, user.get().key());
        RequestContext.bind(request, response, user.get());
        Xsrf.token(request, response);
        response.sendRedirect(request.getContextPath()
                + Destinations.safe(request.getParameter("os_destination"), DEFAULT_DESTINATION));
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, String error,
                      String username) throws IOException {
        String destination = Destinations.safe(request.getParameter("os_destination"), DEFAULT_DESTINATION);
        String body = "<div class=\"login-panel page-panel\"><h1>Log in</h1>"
                + (error == null ? "" : "<div class=\"aui-message aui-message-error\" id=\"login-error\"><p>"
                + Html.text(error) + "</p></div>")
                + "<form class=\"aui\" method=\"post\" id=\"loginform\" action=\"" + Html.attr(request.getContextPath())
                + HostConventions.LOGIN_PATH + "\">"
                + "<div class=\"field-group\"><label for=\"os_username\">Username</label>"
                + "<input class=\"text\" type=\"text\" id=\"os_username\" name=\"os_username\" autocomplete=\"username\" "
                + "value=\"" + Html.attr(username) + "\" autofocus></div>"
                + "<div class=\"field-group\"><label for=\"os_password\">Password</label>"
                + "<input class=\"text\" type=\"password\" id=\"os_password\" name=\"os_password\" "
                + "autocomplete=\"current-password\"></div>"
                + "<input type=\"hidden\" name=\"os_destination\" value=\"" + Html.attr(destination) + "\">"
                + "<div class=\"buttons\"><button class=\"aui-button aui-button-primary\" type=\"submit\" id=\"loginButton\">"
                + "Log in</button></div></form>"
                + "<p class=\"hint\">Demo users: admin, author, viewer, outsider &mdash; the password is the user name.</p>"
                + "</div>";
        layout.write(request, response, status, "Log in", body, Layout.Kind.LOGIN);
    }
}
