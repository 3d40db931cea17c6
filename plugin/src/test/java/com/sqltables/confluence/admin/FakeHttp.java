package com.sqltables.confluence.admin;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.LinkedHashMap;
import java.util.Map;

/** Just enough of a servlet request and response for the admin servlet, recording what was answered. */
final class FakeHttp {
    static final String CONTEXT = "/confluence";

    private FakeHttp() {
    }

    /** A request under the admin base path; values are what a browser would send. */
    static final class Request {
        final String method;
        final String path;
        final Map<String, String> parameters = new LinkedHashMap<>();
        final Map<String, String> headers = new LinkedHashMap<>();

        Request(String method, String path) {
            this.method = method;
            this.path = path;
        }

        Request param(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        HttpServletRequest build() {
            return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "getMethod":
                                return method;
                            case "getPathInfo":
                                return AdminServlet.SERVLET_PREFIX + path;
                            case "getServletPath":
                                return "/plugins/servlet";
                            case "getContextPath":
                                return CONTEXT;
                            case "getRequestURI":
                                return CONTEXT + AdminRoute.BASE + path;
                            case "getQueryString":
                                return null;
                            case "getParameter":
                                return parameters.get((String) args[0]);
                            case "getHeader":
                                return headers.get((String) args[0]);
                            case "toString":
                                return method + " " + path;
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                throw new UnsupportedOperationException("HttpServletRequest." + m.getName());
                        }
                    });
        }
    }

    /** What the servlet answered. */
    static final class Response {
        int status = 200;
        String redirect;
        String contentType;
        final Map<String, String> headers = new LinkedHashMap<>();
        final StringWriter body = new StringWriter();

        HttpServletResponse build() {
            PrintWriter writer = new PrintWriter(body);
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus":
                                status = (Integer) args[0];
                                return null;
                            case "getStatus":
                                return status;
                            case "sendRedirect":
                                status = 302;
                                redirect = (String) args[0];
                                return null;
                            case "sendError":
                                status = (Integer) args[0];
                                return null;
                            case "setContentType":
                                contentType = (String) args[0];
                                return null;
                            case "setHeader":
                                headers.put((String) args[0], (String) args[1]);
                                return null;
                            case "getHeader":
                                return headers.get((String) args[0]);
                            case "getWriter":
                                return writer;
                            case "isCommitted":
                                return false;
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            case "toString":
                                return "response " + status;
                            default:
                                throw new UnsupportedOperationException("HttpServletResponse." + m.getName());
                        }
                    });
        }

        String body() {
            return body.toString();
        }

        String location() {
            return redirect != null ? redirect : headers.get("Location");
        }
    }
}
