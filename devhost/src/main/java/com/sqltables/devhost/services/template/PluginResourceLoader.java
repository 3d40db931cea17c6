package com.sqltables.devhost.services.template;

import org.apache.commons.collections.ExtendedProperties;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.runtime.resource.Resource;
import org.apache.velocity.runtime.resource.loader.ResourceLoader;

import java.io.InputStream;

/** Loads templates through the plugin's bundle class loader, as Confluence's template renderer does. */
final class PluginResourceLoader extends ResourceLoader {
    private final ClassLoader pluginClassLoader;

    PluginResourceLoader(ClassLoader pluginClassLoader) {
        this.pluginClassLoader = pluginClassLoader;
    }

    @Override
    public void init(ExtendedProperties configuration) {
        // Nothing to configure: the class loader is the whole configuration.
    }

    @Override
    public InputStream getResourceStream(String source) throws ResourceNotFoundException {
        String name = source.startsWith("/") ? source.substring(1) : source;
        InputStream in = pluginClassLoader.getResourceAsStream(name);
        if (in == null) {
            throw new ResourceNotFoundException("Template " + source + " is not in the plugin");
        }
        return in;
    }

    @Override
    public boolean isSourceModified(Resource resource) {
        return false;
    }

    @Override
    public long getLastModified(Resource resource) {
        return 0;
    }
}
