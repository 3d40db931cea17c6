package com.atlassian.confluence.core;

import com.atlassian.confluence.user.ConfluenceUser;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/core/ContentEntityObject.java (getId/setId inherited from atlassian-core EntityObject, also seen in its public source; getLastModifier/setLastModifier inherited from core/ConfluenceEntityObject.java) and public code calling getEntity().getId(), getLastModifier().getKey() and getBodyAsString().
/**
 * Compile-only stand-in for a page, blog post, comment or other piece of content. Abstract, like the
 * real class. A subset: in Confluence {@code getId()}/{@code setId(long)} are inherited from
 * {@code com.atlassian.core.bean.EntityObject} and {@code getLastModifier()}/{@code setLastModifier}
 * from {@code com.atlassian.confluence.core.ConfluenceEntityObject}; declaring them here resolves to
 * the same methods.
 */
public abstract class ContentEntityObject {

    private long id;
    private String title;
    private ConfluenceUser lastModifier;
    private String bodyAsString = "";

    protected ContentEntityObject() {
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    /** @return who saved this version of the content, or {@code null} (e.g. anonymous or not yet saved) */
    public ConfluenceUser getLastModifier() {
        return lastModifier;
    }

    public void setLastModifier(ConfluenceUser lastModifier) {
        this.lastModifier = lastModifier;
    }

    /** @return the body in storage format (XHTML with {@code ac:} elements); empty when there is none */
    public String getBodyAsString() {
        return bodyAsString;
    }

    public void setBodyAsString(String content) {
        this.bodyAsString = content;
    }

    /** @return the content type, e.g. {@code page}, {@code blogpost}, {@code comment} */
    public abstract String getType();
}
