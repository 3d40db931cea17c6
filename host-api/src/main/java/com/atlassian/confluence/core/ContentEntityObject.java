package com.atlassian.confluence.core;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/core/ContentEntityObject.java (getId/setId inherited from atlassian-core EntityObject, also seen in its public source) and public macros calling getEntity().getId().
/**
 * Compile-only stand-in for a page, blog post, comment or other piece of content. Abstract, like the
 * real class. A subset: in Confluence {@code getId()}/{@code setId(long)} are inherited from
 * {@code com.atlassian.core.bean.EntityObject}; declaring them here resolves to the same methods.
 */
public abstract class ContentEntityObject {

    private long id;
    private String title;

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

    /** @return the content type, e.g. {@code page}, {@code blogpost}, {@code comment} */
    public abstract String getType();
}
