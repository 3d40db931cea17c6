package com.sqltables.devhost.plugins;

/** The plugin cannot be enabled; the message says why in terms of the jar, descriptor or index. */
public class PluginLoadException extends Exception {
    private static final long serialVersionUID = 1L;

    public PluginLoadException(String message) {
        super(message);
    }

    public PluginLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
