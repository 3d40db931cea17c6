package com.sqltables.devhost.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sqltables.devhost.content.ContentLinks;
import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.content.Page;
import com.sqltables.devhost.content.PageSummary;
import com.sqltables.devhost.content.Space;
import com.sqltables.devhost.render.InvalidStorageFormatException;
import com.sqltables.devhost.render.MacroBoxes;
import com.sqltables.devhost.render.RenderContext;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.UserDirectory;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Confluence's JSON for content, spaces, versions and users: ids of content as strings, {@code _links} with
 * {@code webui}/{@code self}, and {@code _expandable} naming what {@code expand} would add.
 */
final class ContentJson {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX")
            .withZone(ZoneOffset.UTC);

    private final String baseUrl;
    private final String contextPath;
    private final ContentService content;
    private final UserDirectory users;

    ContentJson(String baseUrl, String contextPath, ContentService content, UserDirectory users) {
        this.baseUrl = baseUrl;
        this.contextPath = contextPath;
        this.content = content;
        this.users = users;
    }

    /** {@code base} and {@code context} as every top-level response carries them. */
    void topLinks(ObjectNode links) {
        links.put("base", baseUrl);
        links.put("context", contextPath);
    }

    ObjectNode page(Page page, Space space, Expansions expand, boolean topLevel) {
        ObjectNode node = RestErrors.JSON.createObjectNode();
        node.put("id", Long.toString(page.id()));
        node.put("type", "page");
        node.put("status", "current");
        node.put("title", page.title());
        ObjectNode expandable = RestErrors.JSON.createObjectNode();
        String self = "/rest/api/content/" + page.id();
        if (expand.has("space")) {
            node.set("space", space(space, expand.below("space"), false));
        } else {
            expandable.put("space", "/rest/api/space/" + page.spaceKey());
        }
        if (expand.has("history")) {
            ObjectNode history = node.putObject("history");
            history.put("latest", true);
            history.set("createdBy", user(page.creatorKey()));
            history.put("createdDate", WHEN.format(page.createdAt()));
            history.putObject("_links").put("self", baseUrl + self + "/history");
            ObjectNode more = history.putObject("_expandable");
            more.put("lastUpdated", "");
            more.put("previousVersion", "");
            more.put("contributors", "");
            more.put("nextVersion", "");
        } else {
            expandable.put("history", self + "/history");
        }
        if (expand.has("version")) {
            node.set("version", version(page));
        } else {
            expandable.put("version", "");
        }
        if (expand.has("ancestors")) {
            ArrayNode ancestors = node.putArray("ancestors");
            for (PageSummary ancestor : content.ancestors(page)) {
                ancestors.add(summary(ancestor));
            }
        } else {
            expandable.put("ancestors", "");
        }
        if (expand.has("body")) {
            node.set("body", body(page, expand.below("body")));
        } else {
            expandable.put("body", "");
        }
        node.putObject("extensions").put("position", "none");
        ObjectNode links = node.putObject("_links");
        links.put("webui", ContentLinks.page(page));
        links.put("edit", ContentLinks.edit(page.id()));
        links.put("tinyui", "/pages/viewpage.action?pageId=" + page.id());
        links.put("collection", "/rest/api/content");
        if (topLevel) {
            topLinks(links);
        }
        links.put("self", baseUrl + self);
        expandable.put("childTypes", "");
        expandable.put("container", "/rest/api/space/" + page.spaceKey());
        expandable.put("metadata", "");
        expandable.put("operations", "");
        expandable.put("children", self + "/child");
        expandable.put("restrictions", self + "/restriction/byOperation");
        expandable.put("descendants", self + "/descendant");
        node.set("_expandable", expandable);
        return node;
    }

    /** A page without expansions (list entries without expand, ancestors, a space's home page). */
    ObjectNode summary(PageSummary page) {
        ObjectNode node = RestErrors.JSON.createObjectNode();
        String self = "/rest/api/content/" + page.id();
        node.put("id", Long.toString(page.id()));
        node.put("type", "page");
        node.put("status", "current");
        node.put("title", page.title());
        node.putObject("extensions").put("position", "none");
        ObjectNode links = node.putObject("_links");
        links.put("webui", ContentLinks.page(page));
        links.put("edit", ContentLinks.edit(page.id()));
        links.put("tinyui", "/pages/viewpage.action?pageId=" + page.id());
        links.put("self", baseUrl + self);
        ObjectNode expandable = node.putObject("_expandable");
        expandable.put("container", "/rest/api/space/" + page.spaceKey());
        expandable.put("metadata", "");
        expandable.put("operations", "");
        expandable.put("children", self + "/child");
        expandable.put("restrictions", self + "/restriction/byOperation");
        expandable.put("history", self + "/history");
        expandable.put("ancestors", "");
        expandable.put("body", "");
        expandable.put("version", "");
        expandable.put("descendants", self + "/descendant");
        expandable.put("space", "/rest/api/space/" + page.spaceKey());
        return node;
    }

    private ObjectNode body(Page page, Expansions expand) {
        ObjectNode body = RestErrors.JSON.createObjectNode();
        ObjectNode expandable = RestErrors.JSON.createObjectNode();
        for (String representation : new String[] {"editor", "view", "export_view", "styled_view", "storage",
                "anonymous_export_view"}) {
            if (!expand.has(representation)) {
                expandable.put(representation, "");
            }
        }
        if (expand.has("storage")) {
            ObjectNode storage = body.putObject("storage");
            storage.put("value", page.body());
            storage.put("representation", "storage");
            storage.putObject("_expandable").put("content", "/rest/api/content/" + page.id());
        }
        if (expand.has("view")) {
            ObjectNode view = body.putObject("view");
            view.put("value", renderView(page));
            view.put("representation", "view");
            ObjectNode more = view.putObject("_expandable");
            more.put("webresource", "");
            more.put("content", "/rest/api/content/" + page.id());
        }
        body.set("_expandable", expandable);
        return body;
    }

    private String renderView(Page page) {
        try {
            return content.render(page, RenderContext.DISPLAY);
        } catch (InvalidStorageFormatException e) {
            return MacroBoxes.macroError("page", "The page content is not valid storage format: " + e.getMessage());
        }
    }

    ObjectNode version(Page page) {
        ObjectNode version = RestErrors.JSON.createObjectNode();
        version.set("by", user(page.authorKey()));
        version.put("when", WHEN.format(page.modifiedAt()));
        version.put("message", page.message() == null ? "" : page.message());
        version.put("number", page.version());
        version.put("minorEdit", false);
        version.put("hidden", false);
        version.putObject("_links").put("self", baseUrl + "/rest/experimental/content/" + page.id() + "/version/"
                + page.version());
        version.putObject("_expandable").put("content", "/rest/api/content/" + page.id());
        return version;
    }

    ObjectNode space(Space space, Expansions expand, boolean topLevel) {
        ObjectNode node = RestErrors.JSON.createObjectNode();
        node.put("id", space.id());
        node.put("key", space.key());
        node.put("name", space.name());
        node.put("type", "global");
        node.put("status", "current");
        ObjectNode expandable = RestErrors.JSON.createObjectNode();
        if (expand.has("description")) {
            ObjectNode plain = node.putObject("description").putObject("plain");
            plain.put("value", space.description() == null ? "" : space.description());
            plain.put("representation", "plain");
        } else {
            expandable.put("description", "");
        }
        if (expand.has("homepage")) {
            space.homepage().flatMap(content::summary).ifPresent(h -> node.set("homepage", summary(h)));
        } else {
            space.homepage().ifPresent(id -> expandable.put("homepage", "/rest/api/content/" + id));
        }
        ObjectNode links = node.putObject("_links");
        links.put("webui", ContentLinks.space(space.key()));
        if (topLevel) {
            topLinks(links);
        }
        links.put("self", baseUrl + "/rest/api/space/" + space.key());
        expandable.put("settings", "/rest/api/space/" + space.key() + "/settings");
        expandable.put("metadata", "");
        expandable.put("operations", "");
        expandable.put("lookAndFeel", "/rest/api/settings/lookandfeel?spaceKey=" + space.key());
        expandable.put("identifiers", "");
        expandable.put("permissions", "");
        expandable.put("icon", "");
        expandable.put("theme", "/rest/api/space/" + space.key() + "/theme");
        expandable.put("history", "");
        node.set("_expandable", expandable);
        return node;
    }

    ObjectNode user(String userKey) {
        Optional<DevUser> user = users.byKey(userKey);
        ObjectNode node = RestErrors.JSON.createObjectNode();
        if (user.isEmpty()) {
            node.put("type", "anonymous");
            node.put("displayName", "Anonymous");
            return node;
        }
        DevUser u = user.get();
        node.put("type", "known");
        node.put("username", u.username());
        node.put("userKey", u.key());
        ObjectNode picture = node.putObject("profilePicture");
        picture.put("path", contextPath + "/images/icons/profilepics/default.svg");
        picture.put("width", 48);
        picture.put("height", 48);
        picture.put("isDefault", true);
        node.put("displayName", u.fullName() == null ? u.username() : u.fullName());
        node.putObject("_links").put("self", baseUrl + "/rest/api/user?key=" + u.key());
        node.putObject("_expandable").put("status", "");
        return node;
    }

    static String when(Instant instant) {
        return WHEN.format(instant);
    }
}
