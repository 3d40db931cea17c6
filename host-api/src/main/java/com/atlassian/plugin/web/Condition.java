package com.atlassian.plugin.web;

import java.util.Map;

// Signature confirmed against the decompiled atlassian-plugins web fragment API (find_string "package com.atlassian.plugin.web;" in Decompiled-Files, sibling ContextProvider id 42435795448) and public plugins implementing it (e.g. cures-hub/cures-condec-jira ActivationCondition).
/**
 * Compile-only stand-in: decides whether a web section or web item is shown. Created and autowired by
 * the plugin's container, then {@link #init} receives the {@code <param>}s of the {@code <condition>}.
 */
public interface Condition {
    /**
     * The real method also declares {@code throws com.atlassian.plugin.PluginParseException}, an unchecked
     * exception, left out here: throws clauses are not part of the binary signature.
     */
    void init(Map<String, String> params);

    boolean shouldDisplay(Map<String, Object> context);
}
