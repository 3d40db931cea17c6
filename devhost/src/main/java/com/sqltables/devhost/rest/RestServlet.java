package com.sqltables.devhost.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sqltables.devhost.content.ContentException;
import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.content.Page;
import com.sqltables.devhost.content.PageSummary;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.render.InvalidStorageFormatException;
import com.sqltables.devhost.render.RenderContext;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.UserDirectory;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The subset of Confluence's REST API ({@code /rest/api}) that content needs, with Confluence's paths,
 * parameters and JSON: content create/read/list/update/delete, storage-to-view conversion, spaces and the
 * current user. Errors are Confluence's JSON error object.
 */
public final class RestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Pattern CONTENT_ID = Pattern.compile("/api/content/([^/]+)");
    private static final Pattern SPACE_KEY = Pattern.compile("/api/space/([^/]+)");
    private static final Pattern CONVERT = Pattern.compile("/api/contentbody/convert/([^/]+)");
    private static final int DEFAULT_LIMIT = 25;
    private static final int MAX_LIMIT = 200;

    private final transient ContentService content;
    private final transient UserDirectory users;
    private final String baseUrl;

    public RestServlet(ContentService content, UserDirectory users, String baseUrl) {
        this.content = content;
        this.users = users;
        this.baseUrl = baseUrl;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String method = request.getMethod();
        DevUser user = RequestContext.currentUser().orElseThrow();
        ContentJson json = new ContentJson(baseUrl, request.getContextPath(), content, users);
        try {
            JsonNode result;
            Matcher m;
            if (path.equals("/api/content") || path.equals("/api/content/")) {
                result = switch (method) {
                    case "GET" -> listContent(request, user, json);
                    case "POST" -> createContent(request, user, json);
                    default -> throw notAllowed(method);
                };
            } else if ((m = CONTENT_ID.matcher(path)).matches()) {
                long id = contentId(m.group(1));
                switch (method) {
                    case "GET":
                        result = getContent(request, user, json, id);
                        break;
                    case "PUT":
                        result = updateContent(request, user, json, id);
                        break;
                    case "DELETE":
                        content.delete(user, id);
                        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
                        return;
                    default:
                        throw notAllowed(method);
                }
            } else if ((m = CONVERT.matcher(path)).matches()) {
                requireMethod(method, "POST");
                result = convert(request, user, json, m.group(1));
            } else if (path.equals("/api/space") || path.equals("/api/space/")) {
                requireMethod(method, "GET");
                result = listSpaces(request, user, json);
            } else if ((m = SPACE_KEY.matcher(path)).matches()) {
                requireMethod(method, "GET");
                result = json.space(content.space(user, m.group(1)), Expansions.parse(request.getParameter("expand")),
                        true);
            } else if (path.equals("/api/user/current")) {
                requireMethod(method, "GET");
                result = json.user(user.key());
            } else {
                throw new RestException(404, "No REST resource at " + request.getRequestURI()
                        + " (the dev host implements a subset of Confluence's REST API)");
            }
            response.setStatus(200);
            response.setContentType("application/json;charset=UTF-8");
            response.setHeader("Cache-Control", "no-cache, no-store, no-transform");
            RestErrors.JSON.writeValue(response.getWriter(), result);
        } catch (ContentException e) {
            RestErrors.write(response, e.kind().status(), e.getMessage());
        } catch (RestException e) {
            RestErrors.write(response, e.status(), e.getMessage());
        }
    }

    private JsonNode listContent(HttpServletRequest request, DevUser user, ContentJson json) {
        String type = request.getParameter("type");
        int start = intParam(request, "start", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(request, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        Expansions expand = Expansions.parse(request.getParameter("expand"));
        List<PageSummary> pages = type != null && !type.equals("page") ? List.of()
                : content.pages(user, blankToNull(request.getParameter("spaceKey")),
                blankToNull(request.getParameter("title")));
        ObjectNode result = RestErrors.JSON.createObjectNode();
        ArrayNode results = result.putArray("results");
        List<PageSummary> window = pages.stream().skip(start).limit(limit).collect(Collectors.toList());
        for (PageSummary summary : window) {
            if (expand.isEmpty()) {
                results.add(json.summary(summary));
            } else {
                Page page = content.page(user, summary.id());
                results.add(json.page(page, content.space(user, page.spaceKey()), expand, false));
            }
        }
        result.put("start", start);
        result.put("limit", limit);
        result.put("size", window.size());
        ObjectNode links = result.putObject("_links");
        links.put("self", baseUrl + "/rest/api/content" + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString()));
        if (start + window.size() < pages.size()) {
            links.put("next", "/rest/api/content?" + replaceStart(request, start + limit));
        }
        json.topLinks(links);
        return result;
    }

    private JsonNode getContent(HttpServletRequest request, DevUser user, ContentJson json, long id) {
        String expandParam = request.getParameter("expand");
        // Confluence expands these for a single piece of content when the client does not say.
        Expansions expand = expandParam == null ? Expansions.of("space", "history", "version")
                : Expansions.parse(expandParam);
        Page page = content.page(user, id);
        return json.page(page, content.space(user, page.spaceKey()), expand, true);
    }

    private JsonNode createContent(HttpServletRequest request, DevUser user, ContentJson json) throws IOException {
        JsonNode in = readJson(request);
        String type = text(in, "type");
        if (type == null) {
            throw new RestException(400, "Content type is required (\"type\": \"page\")");
        }
        if (!type.equals("page")) {
            throw new RestException(400, "The dev host supports content of type page only, not " + type);
        }
        String spaceKey = text(in.path("space"), "key");
        String storage = storageBody(in);
        Long parentId = null;
        JsonNode ancestors = in.path("ancestors");
        if (ancestors.isArray() && ancestors.size() > 0) {
            // The last ancestor is the direct parent, as in the order Confluence lists them.
            parentId = contentId(ancestors.get(ancestors.size() - 1).path("id").asText());
        }
        Page page = content.create(user, spaceKey, text(in, "title"), storage == null ? "" : storage, parentId);
        return json.page(page, content.space(user, page.spaceKey()),
                Expansions.of("body.storage", "space", "history", "version", "ancestors"), true);
    }

    private JsonNode updateContent(HttpServletRequest request, DevUser user, ContentJson json, long id)
            throws IOException {
        JsonNode in = readJson(request);
        JsonNode number = in.path("version").path("number");
        if (!number.canConvertToInt()) {
            throw new RestException(400, "Version number is required to update content (\"version\": {\"number\": n})");
        }
        String type = text(in, "type");
        if (type != null && !type.equals("page")) {
            throw new RestException(400, "Cannot change the type of content " + id + " to " + type);
        }
        String message = text(in.path("version"), "message");
        Page page = content.update(user, id, number.asInt(), text(in, "title"), storageBody(in), message);
        return json.page(page, content.space(user, page.spaceKey()),
                Expansions.of("body.storage", "space", "history", "version", "ancestors"), true);
    }

    private JsonNode convert(HttpServletRequest request, DevUser user, ContentJson json, String to) throws IOException {
        if (!to.equals("view")) {
            throw new RestException(400, "The dev host converts storage to view only, not to " + to);
        }
        JsonNode in = readJson(request);
        String representation = text(in, "representation");
        if (representation != null && !representation.equals("storage")) {
            throw new RestException(400, "Cannot convert from " + representation + ": only storage is supported");
        }
        String value = text(in, "value");
        Page contextPage = null;
        String contextId = request.getParameter("contentIdContext");
        if (contextId != null && !contextId.isBlank()) {
            contextPage = content.page(user, contentId(contextId));
        }
        String spaceKey = blankToNull(request.getParameter("spaceKeyContext"));
        if (spaceKey != null) {
            content.space(user, spaceKey);
        }
        String view;
        try {
            view = content.render(value == null ? "" : value, contextPage, spaceKey, RenderContext.DISPLAY);
        } catch (InvalidStorageFormatException e) {
            throw new RestException(400, "Error parsing xhtml: " + e.getMessage());
        }
        ObjectNode result = RestErrors.JSON.createObjectNode();
        result.put("value", view);
        result.put("representation", "view");
        json.topLinks(result.putObject("_links"));
        return result;
    }

    private JsonNode listSpaces(HttpServletRequest request, DevUser user, ContentJson json) {
        int start = intParam(request, "start", 0, 0, Integer.MAX_VALUE);
        int limit = intParam(request, "limit", DEFAULT_LIMIT, 0, MAX_LIMIT);
        Expansions expand = Expansions.parse(request.getParameter("expand"));
        String[] keys = request.getParameterValues("spaceKey");
        Set<String> wanted = keys == null ? Set.of() : Arrays.stream(keys)
                .flatMap(k -> Arrays.stream(k.split(","))).map(String::trim).collect(Collectors.toSet());
        List<Space> spaces = new ArrayList<>();
        for (Space space : content.visibleSpaces(user)) {
            if (wanted.isEmpty() || wanted.contains(space.key())) {
                spaces.add(space);
            }
        }
        ObjectNode result = RestErrors.JSON.createObjectNode();
        ArrayNode results = result.putArray("results");
        List<Space> window = spaces.stream().skip(start).limit(limit).collect(Collectors.toList());
        window.forEach(s -> results.add(json.space(s, expand, false)));
        result.put("start", start);
        result.put("limit", limit);
        result.put("size", window.size());
        ObjectNode links = result.putObject("_links");
        links.put("self", baseUrl + "/rest/api/space");
        if (start + window.size() < spaces.size()) {
            links.put("next", "/rest/api/space?" + replaceStart(request, start + limit));
        }
        json.topLinks(links);
        return result;
    }

    /** The storage value of {@code body.storage}, or null when the request has no body. */
    private static String storageBody(JsonNode in) {
        JsonNode body = in.path("body");
        if (body.isMissingNode() || body.isNull()) {
            return null;
        }
        JsonNode storage = body.path("storage");
        if (storage.isMissingNode()) {
            throw new RestException(400, "The dev host accepts bodies in storage representation only "
                    + "(\"body\": {\"storage\": {\"value\": ..., \"representation\": \"storage\"}})");
        }
        String representation = text(storage, "representation");
        if (representation != null && !representation.equals("storage")) {
            throw new RestException(400, "Unsupported representation " + representation + " in body.storage");
        }
        String value = text(storage, "value");
        return value == null ? "" : value;
    }

    private static JsonNode readJson(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new RestException(415, "Content-Type must be application/json");
        }
        try {
            JsonNode node = RestErrors.JSON.readTree(request.getReader());
            if (node == null || !node.isObject()) {
                throw new RestException(400, "The request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new RestException(400, "Unable to parse the request body as JSON: " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static long contentId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ContentException(ContentException.Kind.NOT_FOUND, "No content found with id: " + value);
        }
    }

    private static int intParam(HttpServletRequest request, String name, int fallback, int min, int max) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            throw new RestException(400, "Parameter " + name + " must be a number");
        }
    }

    private static String replaceStart(HttpServletRequest request, int start) {
        StringBuilder query = new StringBuilder();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("start")) {
                for (String v : values) {
                    query.append(query.length() == 0 ? "" : "&").append(com.sqltables.devhost.web.Html.url(name))
                            .append('=').append(com.sqltables.devhost.web.Html.url(v));
                }
            }
        });
        return query.append(query.length() == 0 ? "" : "&").append("start=").append(start).toString();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static void requireMethod(String method, String allowed) {
        if (!method.equals(allowed)) {
            throw notAllowed(method);
        }
    }

    private static RestException notAllowed(String method) {
        return new RestException(405, "Method " + method + " is not allowed here");
    }
}
