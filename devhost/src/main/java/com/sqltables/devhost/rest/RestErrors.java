package com.sqltables.devhost.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;

/** Errors in Confluence's REST shape: {@code {statusCode, data: {...}, message, reason}}. */
public final class RestErrors {
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Integer, String> REASONS = Map.of(400, "Bad Request", 401, "Unauthorized",
            403, "Forbidden", 404, "Not Found", 405, "Method Not Allowed", 409, "Conflict",
            415, "Unsupported Media Type", 500, "Internal Server Error");

    private RestErrors() {
    }

    public static ObjectNode body(int status, String message) {
        ObjectNode error = JSON.createObjectNode();
        error.put("statusCode", status);
        ObjectNode data = error.putObject("data");
        data.put("authorized", status != 401 && status != 403);
        data.put("valid", status != 400 && status != 409);
        data.put("allowedInReadOnlyMode", true);
        data.putArray("errors");
        data.put("successful", false);
        error.put("message", message);
        error.put("reason", REASONS.getOrDefault(status, "Error"));
        return error;
    }

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache, no-store, no-transform");
        JSON.writeValue(response.getWriter(), body(status, message));
    }
}
