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

    /** Disables the plugin: unregisters job runners, destroys components, closes its class loader. */
    @Override
    void close();
}
