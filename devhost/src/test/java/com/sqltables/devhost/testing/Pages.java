package com.sqltables.devhost.testing;

import java.util.List;
import java.util.Map;

/** Request bodies of Confluence's REST API, as clients send them. */
public final class Pages {
    private Pages() {
    }

    public static Map<String, Object> newPage(String spaceKey, String title, String storage, String... ancestorIds) {
        return Map.of("type", "page", "title", title, "space", Map.of("key", spaceKey),
                "body", Map.of("storage", Map.of("value", storage, "representation", "storage")),
                "ancestors", List.of(ancestorIds).stream().map(id -> Map.of("id", id)).toList());
    }

    public static Map<String, Object> update(String title, String storage, int versionNumber) {
        return Map.of("type", "page", "title", title, "version", Map.of("number", versionNumber),
                "body", Map.of("storage", Map.of("value", storage, "representation", "storage")));
    }
}
