package com.sqltables.devhost.spi;

import java.util.List;

/** A {@code web-resource} module: complete key ({@code pluginKey:moduleKey}), contexts, resource names (css/js). */
public final class WebResourceModule {
    private final String completeKey;
    private final List<String> contexts;
    private final List<String> resourceNames;
    private final List<String> dependencies;

    public WebResourceModule(String completeKey, List<String> contexts, List<String> resourceNames, List<String> dependencies) {
        this.completeKey = completeKey;
        this.contexts = List.copyOf(contexts);
        this.resourceNames = List.copyOf(resourceNames);
        this.dependencies = List.copyOf(dependencies);
    }

    public String completeKey() { return completeKey; }
    public List<String> contexts() { return contexts; }
    public List<String> resourceNames() { return resourceNames; }
    public List<String> dependencies() { return dependencies; }
}
