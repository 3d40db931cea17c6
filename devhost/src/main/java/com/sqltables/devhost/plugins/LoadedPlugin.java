package com.sqltables.devhost.plugins;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.devhost.services.HostServices;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.ScheduledJobs;
import com.sqltables.devhost.spi.ServletModule;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebResourceModule;
import com.sqltables.devhost.spi.WebSectionModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.Servlet;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** An enabled plugin: its bundle, container, host services and the modules its descriptor declared. */
final class LoadedPlugin implements PluginSystem {
    private static final Logger log = LoggerFactory.getLogger(LoadedPlugin.class);
    static final String LIFECYCLE_AWARE = "com.atlassian.sal.api.lifecycle.LifecycleAware";

    /** A web item with its compiled condition. */
    record WebItem(WebItemModule module, WebConditions.Compiled condition) {
    }

    private final PluginBundle bundle;
    private final PluginDescriptor descriptor;
    private final HostServices services;
    private final ComponentContainer container;
    private final Map<String, PluginMacro> macros;
    private final List<ServletModule> servlets;
    private final List<WebSectionModule> webSections;
    private final List<WebItem> webItems;
    private final List<WebResourceModule> webResources;
    private final JobConfigModules jobs;
    private final List<Object> lifecycleAware;
    private volatile boolean closed;

    LoadedPlugin(PluginBundle bundle, PluginDescriptor descriptor, HostServices services, ComponentContainer container,
                 Map<String, PluginMacro> macros, List<ServletModule> servlets, List<WebSectionModule> webSections,
                 List<WebItem> webItems, List<WebResourceModule> webResources, JobConfigModules jobs, List<Object> lifecycleAware) {
        this.bundle = bundle;
        this.descriptor = descriptor;
        this.services = services;
        this.container = container;
        this.macros = new LinkedHashMap<>(macros);
        this.servlets = List.copyOf(servlets);
        this.webSections = List.copyOf(webSections);
        this.webItems = List.copyOf(webItems);
        this.webResources = List.copyOf(webResources);
        this.jobs = jobs;
        this.lifecycleAware = List.copyOf(lifecycleAware);
    }

    @Override
    public String pluginKey() {
        return descriptor.key();
    }

    @Override
    public String pluginName() {
        return descriptor.name() == null || descriptor.name().isEmpty() ? descriptor.key() : descriptor.name();
    }

    @Override
    public String pluginVersion() {
        return descriptor.version() != null ? descriptor.version() : bundle.version();
    }

    @Override
    public Optional<Macro> macro(String name) {
        return Optional.ofNullable(macros.get(name));
    }

    @Override
    public List<String> macroNames() {
        return List.copyOf(macros.keySet());
    }

    @Override
    public List<ServletModule> servlets() {
        return servlets;
    }

    @Override
    public List<WebSectionModule> webSections() {
        return webSections;
    }

    @Override
    public List<WebItemModule> webItems(String section) {
        return webItems.stream()
                .filter(item -> item.module().section().equals(section))
                .filter(item -> item.condition().shouldDisplay())
                .map(WebItem::module)
                .sorted(Comparator.comparingInt(WebItemModule::weight))
                .collect(Collectors.toList());
    }

    @Override
    public List<WebResourceModule> webResources() {
        return webResources;
    }

    @Override
    public Optional<InputStream> openResource(String webResourceKey, String resourceName) {
        for (PluginDescriptor.WebResource resource : descriptor.webResources()) {
            String completeKey = descriptor.key() + ":" + resource.key();
            if (!resource.key().equals(webResourceKey) && !completeKey.equals(webResourceKey)) {
                continue;
            }
            for (PluginDescriptor.Resource file : resource.resources()) {
                if (file.name().equals(resourceName) && ("download".equals(file.type()) || file.type().isEmpty())) {
                    String location = file.location().startsWith("/") ? file.location().substring(1) : file.location();
                    return Optional.ofNullable(bundle.classLoader().getResourceAsStream(location));
                }
            }
        }
        return Optional.empty();
    }

    @Override
    public ScheduledJobs scheduledJobs() {
        return jobs;
    }

    @Override
    public Optional<ClassLoader> pluginClassLoader() {
        return Optional.of(bundle.classLoader());
    }

    @Override
    public List<Object> components(String typeName) {
        return container.components(typeName);
    }

    /** The host services this plugin sees (for the web host's and tests' use). */
    HostServices services() {
        return services;
    }

    ComponentContainer container() {
        return container;
    }

    I18nResolver i18n() {
        return services.i18n();
    }

    ClassLoader classLoader() {
        return bundle.classLoader();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Object component : lifecycleAware) {
            callLifecycle(component, "onStop");
        }
        jobs.disable();
        for (ServletModule servlet : servlets) {
            Servlet plugin = ((PluginServlets.Delegating) servlet.servlet()).pluginServlet();
            try {
                plugin.destroy();
            } catch (RuntimeException e) {
                log.error("Destroying servlet {} failed", servlet.key(), e);
            }
        }
        container.close();
        services.close();
        bundle.close();
        log.info("Plugin {} disabled", descriptor.key());
    }

    /** Calls {@code onStart}/{@code onStop} of a SAL {@code LifecycleAware} service the plugin exports. */
    static void callLifecycle(Object component, String method) {
        try {
            for (Class<?> c = component.getClass(); c != null; c = c.getSuperclass()) {
                for (Class<?> iface : c.getInterfaces()) {
                    if (iface.getName().equals(LIFECYCLE_AWARE)) {
                        Method m = iface.getMethod(method);
                        m.invoke(component);
                        return;
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            log.error("{}.{} failed", component.getClass().getName(), method, e.getCause() != null ? e.getCause() : e);
        }
    }

    static List<Object> lifecycleAwareExports(ComponentContainer container) {
        List<Object> result = new ArrayList<>();
        container.exportedServices().forEach((instance, interfaces) -> {
            if (interfaces.stream().anyMatch(i -> i.getName().equals(LIFECYCLE_AWARE))) {
                result.add(instance);
            }
        });
        return result;
    }
}
