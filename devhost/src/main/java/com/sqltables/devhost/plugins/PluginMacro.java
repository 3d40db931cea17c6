package com.sqltables.devhost.plugins;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;

import java.util.Map;

/**
 * The plugin's macro as the web host calls it. A class the macro cannot see (missing Import-Package) becomes a
 * {@link MacroExecutionException} that says which import is missing, instead of an Error that would break the page.
 */
final class PluginMacro implements Macro {
    private final Macro delegate;
    private final ClassLoader pluginClassLoader;

    PluginMacro(Macro delegate, ClassLoader pluginClassLoader) {
        this.delegate = delegate;
        this.pluginClassLoader = pluginClassLoader;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext context) throws MacroExecutionException {
        try {
            return delegate.execute(parameters, body, context);
        } catch (LinkageError e) {
            throw new MacroExecutionException(Failures.describe(e, pluginClassLoader), e);
        }
    }

    @Override
    public BodyType getBodyType() {
        return delegate.getBodyType();
    }

    @Override
    public OutputType getOutputType() {
        return delegate.getOutputType();
    }

    /** The plugin's own macro instance. */
    Macro delegate() {
        return delegate;
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
