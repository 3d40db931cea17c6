package com.sqltables.devhost;

import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.PluginSystem;

/**
 * Creates the plugin system once the host environment exists. The dev host uses the real plugin loader;
 * tests of the web host may substitute a fake plugin system through {@link DevHostOptions.Builder#pluginSystem}.
 */
@FunctionalInterface
public interface PluginSystemFactory {
    PluginSystem create(HostEnvironment environment) throws Exception;
}
