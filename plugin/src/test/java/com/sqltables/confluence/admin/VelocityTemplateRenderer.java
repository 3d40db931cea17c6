package com.sqltables.confluence.admin;

import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;

import java.io.IOException;
import java.io.Writer;
import java.util.Map;

/**
 * Real Velocity with Confluence's escaping rule (every reference HTML-escaped unless its name ends in
 * {@code Html}), templates from the class path, strict about undefined references in directives.
 */
public final class VelocityTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine = new VelocityEngine();

    public VelocityTemplateRenderer() {
        engine.setProperty(RuntimeConstants.RESOURCE_LOADER, "classpath");
        engine.setProperty("classpath.resource.loader.class", ClasspathResourceLoader.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM_CLASS, "org.apache.velocity.runtime.log.NullLogChute");
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.init();
    }

    @Override
    public void render(String templateName, Writer writer) throws IOException {
        render(templateName, Map.of(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws IOException {
        VelocityContext velocityContext = new VelocityContext(new java.util.HashMap<>(context));
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler((ReferenceInsertionEventHandler) (reference, value) -> {
            if (value == null) {
                return null;
            }
            String name = reference.replaceAll("[${}!]", "");
            return name.endsWith("Html") ? value : escape(value.toString());
        });
        cartridge.attachToContext(velocityContext);
        try {
            Template template = engine.getTemplate(templateName, "UTF-8");
            template.merge(velocityContext, writer);
            writer.flush();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new RenderingException("Cannot render " + templateName + ": " + e, e);
        }
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean resolve(String templateName) {
        return engine.resourceExists(templateName);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<': out.append("&lt;"); break;
                case '>': out.append("&gt;"); break;
                case '&': out.append("&amp;"); break;
                case '"': out.append("&quot;"); break;
                case '\'': out.append("&#39;"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}
