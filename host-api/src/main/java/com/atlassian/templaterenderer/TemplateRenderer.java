package com.atlassian.templaterenderer;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

// Signature confirmed against Decompiled-Files atlassian-template-renderer-api-5.0.4 com/atlassian/templaterenderer/TemplateRenderer.java and the public MockTemplateRenderer (de.uhd.ifi.se.decision) implementing all four methods.
/**
 * Compile-only stand-in for the host's (Velocity) template renderer. Declared in full (the dev host
 * implements it). Template names are class-path resources of the plugin.
 */
public interface TemplateRenderer {

    void render(String templateName, Writer writer) throws RenderingException, IOException;

    void render(String templateName, Map<String, Object> context, Writer writer)
            throws RenderingException, IOException;

    /** Renders a template given as text, not as a resource name. */
    String renderFragment(String fragment, Map<String, Object> context) throws RenderingException;

    /** @return whether the template exists */
    boolean resolve(String templateName);
}
