package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.websudo.WebSudoSessionException;
import com.sqltables.devhost.spi.HostConventions;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Confluence's secure administrator sessions: a request may run an admin operation only while the session's
 * WebSudo deadline (set by the web host's {@code authenticate.action}) lies in the future.
 */
public final class DevWebSudoManager implements WebSudoManager {
    /** Request attribute marking a request that did a WebSudo-protected operation. */
    static final String WEBSUDO_REQUEST_ATTRIBUTE = "devhost.websudo.request";

    private final Clock clock;

    public DevWebSudoManager(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean canExecuteRequest(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        Object until = session.getAttribute(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE);
        return until instanceof Number && ((Number) until).longValue() > clock.millis();
    }

    @Override
    public void enforceWebSudoProtection(HttpServletRequest request, HttpServletResponse response) {
        String destination = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (contextPath != null && !contextPath.isEmpty() && destination.startsWith(contextPath)) {
            destination = destination.substring(contextPath.length());
        }
        if (request.getQueryString() != null) {
            destination += "?" + request.getQueryString();
        }
        try {
            response.sendRedirect((contextPath == null ? "" : contextPath) + HostConventions.WEBSUDO_PATH + "?destination="
                    + URLEncoder.encode(destination, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot redirect to the WebSudo page", e);
        }
    }

    @Override
    public void willExecuteWebSudoRequest(HttpServletRequest request) throws WebSudoSessionException {
        if (!canExecuteRequest(request)) {
            throw new WebSudoSessionException("This operation needs a secure administrator session (WebSudo)");
        }
        request.setAttribute(WEBSUDO_REQUEST_ATTRIBUTE, Boolean.TRUE);
    }
}
