package com.sqltables.devhost.content;

/** A page as listed (no body): for page lists, ancestors and search results. */
public record PageSummary(long id, String spaceKey, String title, Long parentId, int version) {
}
