package com.sqltables.devhost.content;

import java.time.Instant;
import java.util.Optional;

/** A space: key, name and home page, as in Confluence ({@code homepageId} is empty once the home page is deleted). */
public record Space(long id, String key, String name, String description, Long homepageId, Instant createdAt) {
    public Optional<Long> homepage() {
        return Optional.ofNullable(homepageId);
    }
}
