package com.sqltables.devhost.render;

import com.atlassian.confluence.core.ContentEntityObject;

/** The page being rendered, as macros see it through {@code ConversionContext.getEntity()}. */
public final class PageEntity extends ContentEntityObject {
    private final String spaceKey;

    public PageEntity(long id, String title, String spaceKey) {
        setId(id);
        setTitle(title);
        this.spaceKey = spaceKey;
    }

    /** The key of the page's space (Confluence reaches it through {@code getSpace().getKey()}). */
    public String getSpaceKey() {
        return spaceKey;
    }

    @Override
    public String getType() {
        return "page";
    }

    @Override
    public String toString() {
        return "page " + getId() + " '" + getTitle() + "' in " + spaceKey;
    }
}
