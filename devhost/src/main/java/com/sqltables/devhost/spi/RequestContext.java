package com.sqltables.devhost.spi;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Optional;

/**
 * The HTTP request being served on this thread and its authenticated user, as Confluence's
 * {@code AuthenticatedUserThreadLocal} does. The web host sets it in a filter around every request
 * (and around macro rendering); SAL services read it for {@code getRemoteUserKey()}.
 */
public final class RequestContext {
    private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final DevUser user;

    private RequestContext(HttpServletRequest request, HttpServletResponse response, DevUser user) {
        this.request = request;
        this.response = response;
        this.user = user;
    }

    /** Binds a request (may be null for background work run as a user) and its user (null = anonymous). */
    public static void bind(HttpServletRequest request, HttpServletResponse response, DevUser user) {
        CURRENT.set(new RequestContext(request, response, user));
    }

    public static void clear() {
        CURRENT.remove();
    }

    public static Optional<DevUser> currentUser() {
        RequestContext c = CURRENT.get();
        return c == null ? Optional.empty() : Optional.ofNullable(c.user);
    }

    public static Optional<HttpServletRequest> currentRequest() {
        RequestContext c = CURRENT.get();
        return c == null ? Optional.empty() : Optional.ofNullable(c.request);
    }

    public static Optional<HttpServletResponse> currentResponse() {
        RequestContext c = CURRENT.get();
        return c == null ? Optional.empty() : Optional.ofNullable(c.response);
    }
}
