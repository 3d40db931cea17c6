package com.sqltables.devhost.admin;

import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.web.Destinations;
import com.sqltables.devhost.web.ErrorPages;
import com.sqltables.devhost.web.Layout;
import com.sqltables.devhost.web.WebSudo;
import com.sqltables.devhost.web.Xsrf;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The gate of every administration page: system administrators only (others get 403), inside a secure
 * administrator session (WebSudo, else a redirect to the password prompt), and, for actions, the XSRF token.
 */
final class AdminAccess {
    /** Session attribute carrying a one-time notice to the next admin page (e.g. the result of "Run now"). */
    static final String FLASH_ATTRIBUTE = "devhost.admin.flash";

    private AdminAccess() {
    }

    /** @return whether the page may be shown; when not, the response is already written */
    static boolean allowView(HttpServletRequest request, HttpServletResponse response, Layout layout)
            throws IOException {
        DevUser user = RequestContext.currentUser().orElse(null);
        if (user == null || !user.systemAdmin()) {
            ErrorPages.forbidden(layout, request, response,
                    "Only Confluence system administrators may open the administration area.");
            return false;
        }
        if (!WebSudo.isActive(request)) {
            response.sendRedirect(WebSudo.prompt(request, Destinations.current(request)));
            return false;
        }
        return true;
    }

    /** As {@link #allowView}, plus the XSRF token for a state-changing POST. */
    static boolean allowAction(HttpServletRequest request, HttpServletResponse response, Layout layout,
                               String returnPath) throws IOException {
        DevUser user = RequestContext.currentUser().orElse(null);
        if (user == null || !user.systemAdmin()) {
            ErrorPages.forbidden(layout, request, response,
                    "Only Confluence system administrators may open the administration area.");
            return false;
        }
        if (!Xsrf.isValidForm(request)) {
            ErrorPages.write(layout, request, response, 403, "XSRF Security Token Missing",
                    "This action could not be completed because the security token is missing or expired. "
                            + "Go back, reload the page and try again.");
            return false;
        }
        if (!WebSudo.isActive(request)) {
            // A POST cannot be replayed after the prompt: come back to the page and repeat the action.
            response.sendRedirect(WebSudo.prompt(request, returnPath));
            return false;
        }
        return true;
    }

    static void flash(HttpServletRequest request, String message) {
        request.getSession(true).setAttribute(FLASH_ATTRIBUTE, message);
    }

    /** The pending notice (removed), or null. */
    static String takeFlash(HttpServletRequest request) {
        if (request.getSession(false) == null) {
            return null;
        }
        Object message = request.getSession().getAttribute(FLASH_ATTRIBUTE);
        request.getSession().removeAttribute(FLASH_ATTRIBUTE);
        return message == null ? null : message.toString();
    }
}
