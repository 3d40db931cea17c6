package com.atlassian.sal.api.pluginsettings;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/pluginsettings/PluginSettings.java and public plugins reading settings with get(String) (Slack integration, survey macro).
/**
 * Compile-only stand-in for a key/value store of plugin settings. Declared in full (the dev host
 * implements it). Values are {@code String}, {@code List<String>} or {@code Map<String,String>}.
 */
public interface PluginSettings {

    Object get(String key);

    /** @return the previous value, or {@code null} */
    Object put(String key, Object value);

    /** @return the removed value, or {@code null} */
    Object remove(String key);
}
