package com.sqltables.devhost.web;

/** Redirect targets taken from request parameters: only paths inside the application, never another site. */
public final class Destinations {
    private Destinations() {
    }

    /**
     * @return {@code candidate} when it is a path below the context (starts with one {@code /}, no scheme, no
     *         backslash, no control characters), else {@code fallback}
     */
    public static String safe(String candidate, String fallback) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > 2000) {
            return fallback;
        }
        if (!candidate.startsWith("/") || candidate.startsWith("//") || candidate.contains("\\")
                || candidate.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f) || candidate.contains("/../")
                || candidate.endsWith("/..")) {
            return fallback;
        }
        return candidate;
    }

    /** The request's path below the context plus its query string: where to come back to after a login. */
    public static String current(javax.servlet.http.HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }
}
