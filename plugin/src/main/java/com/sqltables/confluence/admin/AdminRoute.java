package com.sqltables.confluence.admin;

import java.util.Optional;

/**
 * Every URL of the admin screen, below {@code /plugins/servlet/sql-tables/admin}. {@link AdminServlet}
 * serves nothing else, and {@link AdminAccess} checks each before it runs: the security tests enumerate
 * this list.
 */
public enum AdminRoute {
    DATASOURCES("GET", "/datasources", Kind.PAGE),
    DATASOURCE_NEW("GET", "/datasources/new", Kind.PAGE),
    DATASOURCE_EDIT("GET", "/datasources/edit", Kind.PAGE),
    DATASOURCE_SAVE("POST", "/datasources/save", Kind.FORM),
    DATASOURCE_DELETE("POST", "/datasources/delete", Kind.FORM),
    DATASOURCE_TEST("POST", "/datasources/test", Kind.JSON),
    QUERIES("GET", "/queries", Kind.PAGE),
    QUERY_NEW("GET", "/queries/new", Kind.PAGE),
    QUERY_EDIT("GET", "/queries/edit", Kind.PAGE),
    QUERY_SAVE("POST", "/queries/save", Kind.FORM),
    QUERY_DELETE("POST", "/queries/delete", Kind.FORM),
    QUERY_PREVIEW("POST", "/queries/preview", Kind.JSON),
    AUDIT("GET", "/audit", Kind.PAGE),
    SETTINGS("GET", "/settings", Kind.PAGE),
    SETTINGS_SAVE("POST", "/settings/save", Kind.FORM),
    /** The next usage report's JSON as a download; reads only. */
    SETTINGS_REPORT_DOWNLOAD("GET", "/settings/usage-report.json", Kind.PAGE);

    /** How a route answers, which decides how it is protected. */
    public enum Kind {
        /** An HTML page; GET, never changes anything. */
        PAGE,
        /** A form submission (POST): needs the form's XSRF token; answers with a redirect or the form. */
        FORM,
        /** A JSON endpoint (POST): needs the XSRF token and the {@code X-Atlassian-Token} header. */
        JSON
    }

    /** Where the admin screen lives, below Confluence's context path. */
    public static final String BASE = "/plugins/servlet/sql-tables/admin";

    private final String method;
    private final String path;
    private final Kind kind;

    AdminRoute(String method, String path, Kind kind) {
        this.method = method;
        this.path = path;
        this.kind = kind;
    }

    /** @return {@code GET} or {@code POST} */
    public String getMethod() {
        return method;
    }

    /** @return the path below {@link #BASE} */
    public String getPath() {
        return path;
    }

    /** @return how it answers */
    public Kind getKind() {
        return kind;
    }

    /** @return whether it may change state */
    public boolean isStateChanging() {
        return kind != Kind.PAGE;
    }

    /** @return the route for this method and path (below {@link #BASE}), if any */
    public static Optional<AdminRoute> find(String method, String path) {
        for (AdminRoute route : values()) {
            if (route.method.equals(method) && route.path.equals(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }
}
