package com.sqltables.devhost.services;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.confluence.web.context.HttpContext;
import com.atlassian.mail.server.MailServerManager;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.license.LicenseHandler;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.pluginsettings.PluginSettingsFactory;
import com.atlassian.sal.api.transaction.TransactionTemplate;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.scheduler.SchedulerHistoryService;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.sqltables.devhost.services.ao.DevActiveObjects;
import com.sqltables.devhost.services.ao.DevTransactionTemplate;
import com.sqltables.devhost.services.mail.DevMailServerManager;
import com.sqltables.devhost.services.sal.DevApplicationProperties;
import com.sqltables.devhost.services.sal.DevI18nResolver;
import com.sqltables.devhost.services.sal.DevLicenseHandler;
import com.sqltables.devhost.services.sal.DevLoginUriProvider;
import com.sqltables.devhost.services.sal.DevPluginSettingsFactory;
import com.sqltables.devhost.services.sal.DevUserAccessor;
import com.sqltables.devhost.services.sal.DevUserManager;
import com.sqltables.devhost.services.sal.DevWebSudoManager;
import com.sqltables.devhost.services.sal.DevXsrfTokens;
import com.sqltables.devhost.services.scheduler.DevSchedulerService;
import com.sqltables.devhost.services.template.DevTemplateRenderer;
import com.sqltables.devhost.services.web.DevHttpContext;
import com.sqltables.devhost.services.web.DevPageBuilderService;
import com.sqltables.devhost.spi.HostEnvironment;
import net.java.ao.RawEntity;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The host services one plugin can import, each registered under the Atlassian interface it implements (the
 * OSGi service's {@code objectClass}). Per plugin, like Confluence's per-bundle service factories (Active
 * Objects, template renderer, i18n); per node for the scheduler.
 */
public final class HostServices implements AutoCloseable {
    /** What the services need to know about the plugin. */
    public record PluginInfo(String pluginKey, ClassLoader classLoader, List<String> i18nLocations, String aoNamespace,
                             List<Class<? extends RawEntity<?>>> aoEntities,
                             Supplier<List<ActiveObjectsUpgradeTask>> aoUpgradeTasks,
                             Function<String, List<String>> webResourcesOfContext) {
    }

    private final Map<Class<?>, Object> services = new LinkedHashMap<>();
    private final DevSchedulerService scheduler;
    private final DevActiveObjects activeObjects;
    private final I18nResolver i18n;
    private final ExecutorService aoExecutor;

    private HostServices(HostEnvironment env, PluginInfo plugin, Clock clock, boolean schedulerTick) {
        HostTables.ensure(env.database());
        this.aoExecutor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "devhost-activeobjects-" + plugin.pluginKey());
            thread.setDaemon(true);
            return thread;
        });
        this.activeObjects = new DevActiveObjects(plugin.pluginKey(), env.database(), plugin.aoNamespace(), plugin.aoEntities(),
                plugin.aoUpgradeTasks(), aoExecutor);
        this.scheduler = new DevSchedulerService(env.database(), env.nodeId(), clock, schedulerTick);
        this.i18n = new DevI18nResolver(plugin.classLoader(), plugin.i18nLocations());
        DevUserManager userManager = new DevUserManager(env.users(), env.baseUrl());
        DevXsrfTokens xsrf = new DevXsrfTokens();

        services.put(ActiveObjects.class, activeObjects);
        services.put(TransactionTemplate.class, new DevTransactionTemplate(activeObjects, plugin.aoNamespace() != null));
        services.put(SchedulerService.class, scheduler);
        services.put(SchedulerHistoryService.class, scheduler);
        services.put(MailServerManager.class, new DevMailServerManager(env::smtp));
        services.put(UserManager.class, userManager);
        services.put(LoginUriProvider.class, new DevLoginUriProvider(env.baseUrl()));
        services.put(WebSudoManager.class, new DevWebSudoManager(clock));
        services.put(XsrfTokenAccessor.class, xsrf);
        services.put(XsrfTokenValidator.class, xsrf);
        services.put(PluginSettingsFactory.class, new DevPluginSettingsFactory(env.database()));
        services.put(ApplicationProperties.class, new DevApplicationProperties(env.baseUrl(), env.productVersion(), env.buildNumber(),
                env.localHome(), env.sharedHome()));
        services.put(LicenseHandler.class, new DevLicenseHandler(env.database()));
        services.put(I18nResolver.class, i18n);
        services.put(UserAccessor.class, new DevUserAccessor(env.users()));
        services.put(TemplateRenderer.class, new DevTemplateRenderer(plugin.classLoader(), i18n));
        services.put(PageBuilderService.class, new DevPageBuilderService(plugin.webResourcesOfContext()));
        services.put(HttpContext.class, new DevHttpContext());
    }

    /**
     * @param clock          the time source of the scheduler and WebSudo
     * @param schedulerTick  whether the scheduler runs due jobs by itself every second (false in tests that tick it)
     */
    public static HostServices start(HostEnvironment env, PluginInfo plugin, Clock clock, boolean schedulerTick) {
        return new HostServices(env, plugin, clock, schedulerTick);
    }

    /** @return the service registered for exactly this interface */
    public Optional<Object> lookup(Class<?> type) {
        return Optional.ofNullable(services.get(type));
    }

    /** @return the interfaces the host offers as services */
    public Map<Class<?>, Object> all() {
        return Collections.unmodifiableMap(services);
    }

    public DevSchedulerService scheduler() {
        return scheduler;
    }

    public DevActiveObjects activeObjects() {
        return activeObjects;
    }

    public I18nResolver i18n() {
        return i18n;
    }

    /** The plugin is enabled: services that wait for that (Active Objects) start now. */
    public void pluginEnabled() {
        activeObjects.pluginEnabled();
    }

    @Override
    public void close() {
        scheduler.close();
        activeObjects.close();
        aoExecutor.shutdown();
    }
}
