package com.atlassian.confluence.content.render.xhtml;

import com.atlassian.confluence.core.ContentEntityObject;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/content/render/xhtml/ConversionContext.java and public macros calling getSpaceKey/getEntity/getOutputType/getOutputDeviceType/getProperty (Confluence Jira macro, idea-search macro).
/**
 * Compile-only stand-in for the state of one storage-to-view conversion. A subset: the plugin only
 * calls it. {@code getPageContext()} is left out on purpose (deprecated, drags in the renderer API).
 */
public interface ConversionContext {

    /** @return the content being rendered, or {@code null} (e.g. a preview of new content) */
    ContentEntityObject getEntity();

    /** @return the key of the space the content is in, or {@code null} */
    String getSpaceKey();

    /**
     * @return the render target in lower case: {@code display}, {@code preview}, {@code word},
     *         {@code pdf}, {@code html_export}, {@code feed}, {@code email}, {@code diff}, ...
     */
    String getOutputType();

    /** @return the device the output is for, e.g. {@code desktop} or {@code mobile} */
    String getOutputDeviceType();

    /** @return {@code true} when rendering a diff or an e-mail */
    boolean isDiffOrEmail();

    /** @return the property, or {@code null} */
    Object getProperty(String name);

    /** @return the property, or {@code defaultValue} when it is not set */
    Object getProperty(String name, Object defaultValue);

    /** Sets a property that lives as long as this conversion. */
    void setProperty(String name, Object value);

    /** @return whether the property is set */
    boolean hasProperty(String name);
}
