package com.sqltables.devhost.render;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.core.ContentEntityObject;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/** One storage-to-view conversion: the page (null for an unsaved preview), its space and the output type. */
public final class RenderContext implements ConversionContext {
    /** Viewing a saved page. */
    public static final String DISPLAY = "display";
    /** The editor's preview. */
    public static final String PREVIEW = "preview";

    private final ContentEntityObject entity;
    private final String spaceKey;
    private final String outputType;
    private final Map<String, Object> properties = new HashMap<>();

    public RenderContext(ContentEntityObject entity, String spaceKey, String outputType) {
        this.entity = entity;
        this.spaceKey = spaceKey;
        this.outputType = Objects.requireNonNull(outputType, "outputType");
    }

    @Override public ContentEntityObject getEntity() {
        return entity;
    }

    @Override public String getSpaceKey() {
        return spaceKey;
    }

    @Override public String getOutputType() {
        return outputType;
    }

    @Override public String getOutputDeviceType() {
        return "desktop";
    }

    @Override public boolean isDiffOrEmail() {
        return "diff".equals(outputType) || "email".equals(outputType);
    }

    @Override public Object getProperty(String name) {
        return properties.get(name);
    }

    @Override public Object getProperty(String name, Object defaultValue) {
        return properties.getOrDefault(name, defaultValue);
    }

    @Override public void setProperty(String name, Object value) {
        properties.put(name, value);
    }

    @Override public boolean hasProperty(String name) {
        return properties.containsKey(name);
    }
}
