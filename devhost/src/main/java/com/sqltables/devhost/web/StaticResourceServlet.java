package com.sqltables.devhost.web;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The host's own stylesheet and scripts, {@code /devhost/static/<name>}, from the dev host jar. */
public final class StaticResourceServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FILES = Map.of("devhost.css", "text/css;charset=UTF-8",
            "aui-lite.css", "text/css;charset=UTF-8", "aui-lite.js", "application/javascript;charset=UTF-8");

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        String type = FILES.get(name);
        InputStream in = type == null ? null : StaticResourceServlet.class.getResourceAsStream("static/" + name);
        if (in == null) {
            response.sendError(404);
            return;
        }
        response.setContentType(type);
        response.setHeader("Cache-Control", "max-age=300");
        response.setHeader("X-Content-Type-Options", "nosniff");
        try (in) {
            in.transferTo(response.getOutputStream());
        }
    }
}
