package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.HostConventions;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Confluence's XSRF protection: a random token per session, sent as the cookie {@code atlassian.xsrf.token}
 * and required as the form parameter {@code atl_token} on every state-changing form the host serves.
 */
public final class Xsrf {
    /** The cookie Confluence sets. */
    public static final String COOKIE_NAME = "atlassian.xsrf.token";
    /** REST requests with a form-like content type need this header set to {@code no-check}. */
    public static final String NO_CHECK_HEADER = "X-Atlassian-Token";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Xsrf() {
    }

    /** The session's token, created (and sent as cookie) on first use. */
    public static String token(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(true);
        Object existing = session.getAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE);
        if (existing instanceof String) {
            return (String) existing;
        }
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        session.setAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE, token);
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE_NAME, token);
            cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
            response.addCookie(cookie);
        }
        return token;
    }

    /** Forgets the token (after login or logout) so the next page gets a fresh one. */
    public static void reset(HttpSession session) {
        session.removeAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE);
    }

    /** Whether the form carries the session's token. */
    public static boolean isValidForm(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE);
        String given = request.getParameter(HostConventions.XSRF_TOKEN_PARAMETER);
        return expected instanceof String && given != null && MessageDigest.isEqual(
                ((String) expected).getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    /** The hidden form field carrying the token. */
    public static String hiddenField(HttpServletRequest request, HttpServletResponse response) {
        return "<input type=\"hidden\" name=\"" + HostConventions.XSRF_TOKEN_PARAMETER + "\" value=\""
                + Html.attr(token(request, response)) + "\">";
    }
}
