package com.sqltables.devhost.web;

import com.sqltables.devhost.spi.HostConventions;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpSession;
import java.time.Duration;

/** Confluence's secure administrator session ("WebSudo"): a password re-check valid for ten minutes. */
public final class WebSudo {
    public static final Duration DURATION = Duration.ofMinutes(10);

    private WebSudo() {
    }

    public static boolean isActive(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object until = session == null ? null : session.getAttribute(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE);
        return until instanceof Long && (Long) until > System.currentTimeMillis();
    }

    public static void start(HttpServletRequest request) {
        request.getSession(true).setAttribute(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE,
                System.currentTimeMillis() + DURATION.toMillis());
    }

    public static void end(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE);
        }
    }

    /** Where to send a request that needs WebSudo first. */
    public static String prompt(HttpServletRequest request, String destination) {
        return request.getContextPath() + HostConventions.WEBSUDO_PATH + "?destination=" + Html.url(destination);
    }
}
