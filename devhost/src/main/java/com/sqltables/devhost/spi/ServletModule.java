package com.sqltables.devhost.spi;

import javax.servlet.http.HttpServlet;
import java.util.List;

/** A {@code servlet} module: its key, url patterns (e.g. {@code /sql-tables/admin*}) and the initialised servlet. */
public final class ServletModule {
    private final String key;
    private final List<String> urlPatterns;
    private final HttpServlet servlet;

    public ServletModule(String key, List<String> urlPatterns, HttpServlet servlet) {
        this.key = key;
        this.urlPatterns = List.copyOf(urlPatterns);
        this.servlet = servlet;
    }

    public String key() { return key; }
    public List<String> urlPatterns() { return urlPatterns; }
    public HttpServlet servlet() { return servlet; }
}
