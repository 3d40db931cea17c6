package com.sqltables.devhost.plugins.testing;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpSession;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough HTTP request, response and session for calling servlets and SAL services directly. Methods a test
 * does not prepare throw, so a test never passes because an unexpected call silently returned null.
 */
public final class FakeHttp {
    private FakeHttp() {
    }

    /** A session: attributes only. */
    public static final class Session {
        public final Map<String, Object> attributes = new HashMap<>();
        public final HttpSession proxy = (HttpSession) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpSession.class}, (p, method, args) -> {
                    switch (method.getName()) {
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "removeAttribute":
                            attributes.remove((String) args[0]);
                            return null;
                        case "getId":
                            return "session-" + System.identityHashCode(attributes);
                        case "hashCode":
                            return System.identityHashCode(p);
                        case "equals":
                            return p == args[0];
                        case "toString":
                            return "FakeSession";
                        default:
                            throw new UnsupportedOperationException("HttpSession." + method.getName());
                    }
                });
    }

    /** A request: method, URI, query, parameters, attributes and optionally a session. */
    public static final class Request {
        public String method = "GET";
        public String contextPath = "/confluence";
        public String requestUri = "/confluence/plugins/servlet/sample";
        public String queryString;
        public final Map<String, String> parameters = new LinkedHashMap<>();
        public final Map<String, Object> attributes = new HashMap<>();
        public Session session;

        public final HttpServletRequest proxy = (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, method, args) -> {
                    switch (method.getName()) {
                        case "getMethod":
                            return this.method;
                        case "getContextPath":
                            return contextPath;
                        case "getRequestURI":
                            return requestUri;
                        case "getQueryString":
                            return queryString;
                        case "getParameter":
                            return parameters.get((String) args[0]);
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setAttribute":
                            attributes.put((String) args[0], args[1]);
                            return null;
                        case "getSession":
                            boolean create = args == null || (Boolean) args[0];
                            if (session == null && create) {
                                session = new Session();
                            }
                            return session == null ? null : session.proxy;
                        case "getProtocol":
                            return "HTTP/1.1";
                        case "getDispatcherType":
                            return javax.servlet.DispatcherType.REQUEST;
                        case "getHeader":
                            return null;
                        case "getHeaders":
                        case "getHeaderNames":
                            return Collections.emptyEnumeration();
                        case "getDateHeader":
                            return -1L;
                        case "hashCode":
                            return System.identityHashCode(p);
                        case "equals":
                            return p == args[0];
                        case "toString":
                            return "FakeRequest " + this.method + " " + requestUri;
                        default:
                            throw new UnsupportedOperationException("HttpServletRequest." + method.getName());
                    }
                });
    }

    /** A response capturing status, headers, cookies, redirect and body. */
    public static final class Response {
        public int status = 200;
        public String contentType;
        public String redirect;
        public final Map<String, String> headers = new LinkedHashMap<>();
        public final List<Cookie> cookies = new ArrayList<>();
        public final StringWriter body = new StringWriter();
        private final PrintWriter writer = new PrintWriter(body);
        public boolean committed;

        public final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus":
                            status = (Integer) args[0];
                            return null;
                        case "sendError":
                            status = (Integer) args[0];
                            committed = true;
                            return null;
                        case "getStatus":
                            return status;
                        case "setContentType":
                            contentType = (String) args[0];
                            return null;
                        case "getContentType":
                            return contentType;
                        case "setCharacterEncoding":
                            return null;
                        case "setHeader":
                        case "addHeader":
                            headers.put((String) args[0], (String) args[1]);
                            return null;
                        case "addCookie":
                            cookies.add((Cookie) args[0]);
                            return null;
                        case "sendRedirect":
                            redirect = (String) args[0];
                            status = 302;
                            committed = true;
                            return null;
                        case "getWriter":
                            return writer;
                        case "isCommitted":
                            return committed;
                        case "flushBuffer":
                            writer.flush();
                            return null;
                        case "hashCode":
                            return System.identityHashCode(p);
                        case "equals":
                            return p == args[0];
                        case "toString":
                            return "FakeResponse";
                        default:
                            throw new UnsupportedOperationException("HttpServletResponse." + method.getName());
                    }
                });

        public String body() {
            writer.flush();
            return body.toString();
        }
    }
}
