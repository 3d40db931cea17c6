package com.sqltables.devhost.spi;

import com.atlassian.confluence.macro.Macro;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The loaded plugin as the web host sees it: the modules its descriptor declared, backed by instances
 * created from its Spring Scanner index. Implemented by the plugin system.
 */
public interface PluginSystem extends AutoCloseable {
    String pluginKey();

    String pluginName();

    String pluginVersion();

    /** The {@code xhtml-macro} with this name, if the plugin declares one. */
    Optional<Macro> macro(String name);

    /** Names of all declared macros. */
    List<String> macroNames();

    /** {@code servlet} modules; the web host mounts each under {@code /plugins/servlet/<url-pattern>}. */
    List<ServletModule> servlets();

    /** {@code web-section} modules (e.g. location {@code system.admin}). */
    List<WebSectionModule> webSections();

    /** {@code web-item} modules of one section (e.g. {@code system.admin/sql-tables}), ordered by weight,
     *  only those whose conditions pass for the current {@link RequestContext} user. */
    List<WebItemModule> webItems(String section);

    /** Web resources ({@code web-resource} modules), for the page builder. */
    List<WebResourceModule> webResources();

    /** Opens a downloadable resource of a web-resource module, or empty when there is none. */
    Optional<InputStream> openResource(String webResourceKey, String resourceName);

    /** The managed jobs of {@code job-config} modules, for the Scheduled Jobs admin page. */
    ScheduledJobs scheduledJobs();

    /**
     * The plugin bundle's class loader: the classes and libraries the plugin embeds (e.g. its own JDBC drivers,
     * whose static state, such as H2's in-memory databases, is the plugin's and not the host's). Empty without a
     * plugin.
     */
    default Optional<ClassLoader> pluginClassLoader() {
        return Optional.empty();
    }

    /**
     * The plugin's components (beans of its Spring Scanner index, not the host services it imports) whose class
     * is, extends or implements the named type, in creation order. By name because the host cannot link against
     * plugin classes; callers use them reflectively with {@link #pluginClassLoader()} as context class loader.
     */
    default List<Object> components(String typeName) {
        return List.of();
    }

    /** Disables the plugin: unregisters job runners, destroys components, closes its class loader. */
    @Override
    void close();
}
