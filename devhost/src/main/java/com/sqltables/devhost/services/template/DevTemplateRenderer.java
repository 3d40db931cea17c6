package com.sqltables.devhost.services.template;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.RenderingException;
import com.atlassian.templaterenderer.TemplateRenderer;
import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.app.event.EventCartridge;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/**
 * The plugin's {@code TemplateRenderer}: Velocity 1.7 (the closest public release to Confluence's 1.6 fork)
 * loading templates from the plugin's class loader, with Confluence's HTML escaping convention and the
 * context items Confluence adds ({@code $i18n}, {@code $context}).
 */
public final class DevTemplateRenderer implements TemplateRenderer {
    private final VelocityEngine engine;
    private final I18nResolver i18n;

    public DevTemplateRenderer(ClassLoader pluginClassLoader, I18nResolver i18n) {
        this.i18n = i18n;
        VelocityEngine velocity = new VelocityEngine();
        velocity.setProperty(RuntimeConstants.RESOURCE_LOADER, "plugin");
        velocity.setProperty("plugin.resource.loader.instance", new PluginResourceLoader(pluginClassLoader));
        velocity.setProperty("plugin.resource.loader.cache", "true");
        velocity.setProperty(RuntimeConstants.RUNTIME_LOG_LOGSYSTEM, new Slf4jLogChute());
        velocity.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        velocity.setProperty(RuntimeConstants.OUTPUT_ENCODING, "UTF-8");
        // No global macro library: avoids a lookup of VM_global_library.vm in the plugin.
        velocity.setProperty(RuntimeConstants.VM_LIBRARY, "");
        try {
            velocity.init();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start Velocity: " + e.getMessage(), e);
        }
        this.engine = velocity;
    }

    @Override
    public void render(String templateName, Writer writer) throws RenderingException, IOException {
        render(templateName, new HashMap<>(), writer);
    }

    @Override
    public void render(String templateName, Map<String, Object> context, Writer writer) throws RenderingException, IOException {
        Template template;
        try {
            template = engine.getTemplate(templateName, "UTF-8");
        } catch (ResourceNotFoundException e) {
            throw new RenderingException("Template " + templateName + " not found in the plugin", e);
        } catch (VelocityException e) {
            throw new RenderingException("Template " + templateName + " cannot be parsed: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new RenderingException(e);
        }
        try {
            template.merge(velocityContext(context), writer);
        } catch (VelocityException e) {
            throw new RenderingException("Rendering " + templateName + " failed: " + e.getMessage(), e);
        }
        writer.flush();
    }

    @Override
    public String renderFragment(String fragment, Map<String, Object> context) throws RenderingException {
        StringWriter writer = new StringWriter();
        try {
            engine.evaluate(velocityContext(context), writer, "fragment", fragment);
        } catch (VelocityException e) {
            throw new RenderingException("Rendering a fragment failed: " + e.getMessage(), e);
        }
        return writer.toString();
    }

    @Override
    public boolean resolve(String templateName) {
        return engine.resourceExists(templateName);
    }

    private VelocityContext velocityContext(Map<String, Object> params) {
        Map<String, Object> values = new HashMap<>();
        values.put("context", values);
        values.put("i18n", i18n);
        if (params != null) {
            values.putAll(params);
        }
        VelocityContext context = new VelocityContext(values);
        EventCartridge cartridge = new EventCartridge();
        cartridge.addEventHandler(new HtmlEscapingPolicy());
        cartridge.attachToContext(context);
        return context;
    }
}
