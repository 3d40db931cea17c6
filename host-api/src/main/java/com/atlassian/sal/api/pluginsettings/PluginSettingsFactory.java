package com.atlassian.sal.api.pluginsettings;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/pluginsettings/PluginSettingsFactory.java and public plugins calling createGlobalSettings() (scio search config servlet, space-watcher job).
/**
 * Compile-only stand-in for the source of {@link PluginSettings}. Declared in full.
 */
public interface PluginSettingsFactory {

    /** @return settings scoped to a key (in Confluence: a space key) */
    PluginSettings createSettingsForKey(String key);

    PluginSettings createGlobalSettings();
}
