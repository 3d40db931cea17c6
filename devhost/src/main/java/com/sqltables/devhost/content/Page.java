package com.sqltables.devhost.content;

import java.time.Instant;
import java.util.Optional;

/**
 * The current version of a page: its storage-format body, who created it and who wrote this version.
 * {@code parentId} is empty for top-level pages of the space.
 */
public record Page(long id, long spaceId, String spaceKey, String title, Long parentId, int version, String body,
                   String creatorKey, Instant createdAt, String authorKey, Instant modifiedAt, String message) {
    public Optional<Long> parent() {
        return Optional.ofNullable(parentId);
    }
}
