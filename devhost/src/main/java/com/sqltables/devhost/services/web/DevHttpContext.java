package com.sqltables.devhost.services.web;

import com.atlassian.confluence.web.context.HttpContext;
import com.sqltables.devhost.spi.RequestContext;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;

/**
 * Confluence's {@link HttpContext} over the request the web host binds to {@link RequestContext} around every
 * request: {@code null} everywhere on threads that serve no request (scheduled jobs, start-up work).
 */
public final class DevHttpContext implements HttpContext {
    @Override
    public HttpServletRequest getRequest() {
        return RequestContext.currentRequest().orElse(null);
    }

    @Override
    public HttpServletResponse getResponse() {
        return RequestContext.currentResponse().orElse(null);
    }

    @Override
    public HttpSession getSession(boolean create) {
        HttpServletRequest request = getRequest();
        return request == null ? null : request.getSession(create);
    }
}
