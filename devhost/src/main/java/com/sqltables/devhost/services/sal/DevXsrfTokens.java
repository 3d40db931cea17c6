package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
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
 * XSRF tokens as Confluence issues them: one random token per HTTP session (also sent as the
 * {@code atlassian.xsrf.token} cookie), checked against the {@code atl_token} form parameter.
 */
public final class DevXsrfTokens implements XsrfTokenAccessor, XsrfTokenValidator {
    static final String COOKIE_NAME = "atlassian.xsrf.token";

    private final SecureRandom random = new SecureRandom();

    @Override
    public String getXsrfToken(HttpServletRequest request, HttpServletResponse response, boolean create) {
        HttpSession session = request.getSession(create);
        if (session == null) {
            return null;
        }
        Object existing = session.getAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE);
        if (existing instanceof String) {
            return (String) existing;
        }
        if (!create) {
            return null;
        }
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        session.setAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE, token);
        if (response != null && !response.isCommitted()) {
            Cookie cookie = new Cookie(COOKIE_NAME, token);
            String contextPath = request.getContextPath();
            cookie.setPath(contextPath == null || contextPath.isEmpty() ? "/" : contextPath);
            response.addCookie(cookie);
        }
        return token;
    }

    @Override
    public boolean validateFormEncodedToken(HttpServletRequest request) {
        String submitted = request.getParameter(HostConventions.XSRF_TOKEN_PARAMETER);
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE);
        if (submitted == null || !(expected instanceof String)) {
            return false;
        }
        // Constant time, so the token cannot be guessed byte by byte from response timings.
        return MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8), ((String) expected).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String getXsrfParameterName() {
        return HostConventions.XSRF_TOKEN_PARAMETER;
    }
}
