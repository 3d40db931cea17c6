package com.sqltables.devhost.plugins;

import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.devhost.services.HostServices;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.ServletModule;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebResourceModule;
import com.sqltables.devhost.spi.WebSectionModule;
import net.java.ao.RawEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Loads a built plugin jar as Confluence's plugin framework would: checks the bundle's manifest, resolves its
 * {@code Import-Package} against what the host exports, creates its components from the Spring Scanner index
 * only, then enables the modules of {@code atlassian-plugin.xml}. Every mistake Confluence would punish (a class
 * missing from the index or the jar, an import missing from the manifest, an un-imported host service) stops
 * loading with a {@link PluginLoadException} that names the file and the class.
 */
public final class PluginLoader {
    private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);

    private PluginLoader() {
    }

    /**
     * Loads and enables the plugin, with the system clock and the scheduler ticking by itself.
     *
     * @throws PluginLoadException with a message a developer can act on when the jar, its descriptor or its
     *                             Spring Scanner index is wrong
     */
    public static PluginSystem load(Path pluginJar, HostEnvironment environment) throws PluginLoadException {
        return load(pluginJar, environment, Clock.systemDefaultZone(), true);
    }

    /**
     * Loads and enables the plugin.
     *
     * @param clock          time source of the scheduler and WebSudo
     * @param schedulerTick  whether the scheduler runs due jobs by itself (tests drive it instead)
     */
    public static PluginSystem load(Path pluginJar, HostEnvironment environment, Clock clock, boolean schedulerTick)
            throws PluginLoadException {
        HostPackages hostPackages = new HostPackages(PluginLoader.class.getClassLoader(), environment.productVersion());
        Path workDir = environment.dataDir().resolve("plugins").resolve("bundle-cache");
        PluginBundle bundle = PluginBundle.open(pluginJar, workDir, hostPackages, PluginLoader.class.getClassLoader());
        List<AutoCloseable> opened = new ArrayList<>();
        opened.add(bundle);
        try {
            PluginSystem plugin = enable(bundle, environment, clock, schedulerTick, opened);
            log.info("Plugin {} {} enabled from {}", plugin.pluginKey(), plugin.pluginVersion(), pluginJar);
            return plugin;
        } catch (PluginLoadException | RuntimeException e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception closing) {
                    e.addSuppressed(closing);
                }
            }
            throw e;
        }
    }

    private static PluginSystem enable(PluginBundle bundle, HostEnvironment environment, Clock clock, boolean schedulerTick,
                                       List<AutoCloseable> opened) throws PluginLoadException {
        PluginDescriptor descriptor = readDescriptor(bundle);
        if (!descriptor.key().equals(bundle.symbolicName())) {
            throw new PluginLoadException(PluginDescriptor.FILE + " declares plugin key '" + descriptor.key()
                    + "', but MANIFEST.MF has Bundle-SymbolicName/Atlassian-Plugin-Key '" + bundle.symbolicName()
                    + "': they must be equal");
        }
        for (PluginDescriptor.Other other : descriptor.others()) {
            log.info("Module <{} key=\"{}\"> of {} is not emulated by the dev host; ignored", other.type(), other.key(), descriptor.key());
        }
        BundleClassLoader loader = bundle.classLoader();

        String aoNamespace = null;
        List<Class<? extends RawEntity<?>>> entities = new ArrayList<>();
        List<Class<?>> upgradeTaskTypes = new ArrayList<>();
        if (!descriptor.aoModules().isEmpty()) {
            PluginDescriptor.Ao ao = descriptor.aoModules().get(0);
            aoNamespace = ao.namespace() != null ? ao.namespace() : descriptor.key();
            String module = "<ao key=\"" + ao.key() + "\">";
            for (String entity : ao.entities()) {
                entities.add(entityClass(loadClass(loader, entity, module + " <entity>"), module));
            }
            for (String task : ao.upgradeTasks()) {
                Class<?> type = loadClass(loader, task, module + " <upgradeTask>");
                if (!ActiveObjectsUpgradeTask.class.isAssignableFrom(type)) {
                    throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " upgrade task " + task
                            + " does not implement " + ActiveObjectsUpgradeTask.class.getName());
                }
                upgradeTaskTypes.add(type);
            }
        }

        AtomicReference<ComponentContainer> containerRef = new AtomicReference<>();
        HostServices.PluginInfo info = new HostServices.PluginInfo(descriptor.key(), loader, descriptor.i18nLocations(), aoNamespace,
                entities, () -> upgradeTasks(containerRef.get(), upgradeTaskTypes),
                context -> resourcesOfContext(descriptor, context));
        HostServices services = HostServices.start(environment, info, clock, schedulerTick);
        opened.add(services);

        ComponentContainer container = new ComponentContainer(loader, services::lookup);
        containerRef.set(container);
        container.start(ScannerIndex.read(bundle::openJarEntry));
        opened.add(container);

        I18nResolver i18n = services.i18n();
        Map<String, PluginMacro> macros = new LinkedHashMap<>();
        for (PluginDescriptor.Macro macro : descriptor.macros()) {
            String module = "<xhtml-macro key=\"" + macro.key() + "\">";
            Class<?> type = loadClass(loader, macro.className(), module);
            if (!Macro.class.isAssignableFrom(type)) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " class " + macro.className() + " does not"
                        + " implement " + Macro.class.getName() + importHint(loader, Macro.class));
            }
            if (macros.containsKey(macro.name())) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": two xhtml-macro modules are named '" + macro.name() + "'");
            }
            macros.put(macro.name(), new PluginMacro((Macro) container.moduleInstance(type, module), loader));
        }

        List<ServletModule> servlets = new ArrayList<>();
        ServletContext servletContext = PluginServlets.servletContext(descriptor.name(), loader);
        for (PluginDescriptor.Servlet servlet : descriptor.servlets()) {
            String module = "<servlet key=\"" + servlet.key() + "\">";
            Class<?> type = loadClass(loader, servlet.className(), module);
            if (!HttpServlet.class.isAssignableFrom(type)) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " class " + servlet.className()
                        + " is not a javax.servlet.http.HttpServlet" + importHint(loader, HttpServlet.class));
            }
            HttpServlet instance = (HttpServlet) container.moduleInstance(type, module);
            ServletConfig config = PluginServlets.servletConfig(servlet.key(), servletContext, servlet.initParams());
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                instance.init(config);
            } catch (ServletException | RuntimeException | LinkageError e) {
                throw new PluginLoadException(module + " failed in init(): " + Failures.describe(e, loader), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
            servlets.add(new ServletModule(servlet.key(), servlet.urlPatterns(), new PluginServlets.Delegating(instance, loader)));
        }

        WebConditions conditions = new WebConditions(environment, container, loader);
        List<WebSectionModule> sections = new ArrayList<>();
        for (PluginDescriptor.WebSection section : descriptor.webSections()) {
            conditions.compile(section.condition(), "<web-section key=\"" + section.key() + "\">");
            sections.add(new WebSectionModule(section.key(), section.location(), label(i18n, section.label()), section.weight()));
        }
        List<LoadedPlugin.WebItem> items = new ArrayList<>();
        for (PluginDescriptor.WebItem item : descriptor.webItems()) {
            String module = "<web-item key=\"" + item.key() + "\">";
            items.add(new LoadedPlugin.WebItem(
                    new WebItemModule(item.key(), item.section(), label(i18n, item.label()), item.link(), item.weight()),
                    conditions.compile(item.condition(), module)));
        }

        List<WebResourceModule> webResources = new ArrayList<>();
        for (PluginDescriptor.WebResource resource : descriptor.webResources()) {
            List<String> names = new ArrayList<>();
            for (PluginDescriptor.Resource file : resource.resources()) {
                if (!"download".equals(file.type())) {
                    continue;
                }
                names.add(file.name());
                String location = file.location().startsWith("/") ? file.location().substring(1) : file.location();
                if (loader.getResource(location) == null) {
                    log.warn("<web-resource key=\"{}\"> resource {} points at {}, which is not in the plugin jar (it would be a 404)",
                            resource.key(), file.name(), location);
                }
            }
            webResources.add(new WebResourceModule(descriptor.key() + ":" + resource.key(), resource.contexts(), names,
                    resource.dependencies()));
        }

        JobConfigModules jobs = new JobConfigModules(descriptor.key(), descriptor.jobConfigs(), services.scheduler());
        LoadedPlugin plugin = new LoadedPlugin(bundle, descriptor, services, container, macros, servlets, sections, items,
                webResources, jobs, LoadedPlugin.lifecycleAwareExports(container));
        opened.clear();
        opened.add(plugin);

        // The plugin is enabled: what Confluence does only now.
        services.pluginEnabled();
        jobs.enable(container);
        for (Object component : LoadedPlugin.lifecycleAwareExports(container)) {
            LoadedPlugin.callLifecycle(component, "onStart");
        }
        return plugin;
    }

    private static PluginDescriptor readDescriptor(PluginBundle bundle) throws PluginLoadException {
        try (InputStream in = bundle.openJarEntry(PluginDescriptor.FILE)) {
            if (in == null) {
                throw new PluginLoadException(bundle.jarPath().getFileName() + " has no " + PluginDescriptor.FILE
                        + " at its root: it is not an Atlassian plugin");
            }
            return PluginDescriptor.parse(in);
        } catch (IOException e) {
            throw new PluginLoadException("Cannot read " + PluginDescriptor.FILE + ": " + e.getMessage(), e);
        }
    }

    static Class<?> loadClass(BundleClassLoader loader, String className, String module) throws PluginLoadException {
        try {
            return loader.loadClass(className);
        } catch (MissingImportException e) {
            throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " names class " + className
                    + ", which is not in the plugin jar", e);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " names class " + className
                    + ", which cannot be loaded: " + Failures.describe(e, loader), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends RawEntity<?>> entityClass(Class<?> type, String module) throws PluginLoadException {
        if (!type.isInterface() || !RawEntity.class.isAssignableFrom(type)) {
            throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " entity " + type.getName()
                    + " is not an interface extending net.java.ao.RawEntity (e.g. net.java.ao.Entity)");
        }
        return (Class<? extends RawEntity<?>>) type;
    }

    private static List<ActiveObjectsUpgradeTask> upgradeTasks(ComponentContainer container, List<Class<?>> types) {
        List<ActiveObjectsUpgradeTask> tasks = new ArrayList<>();
        for (Class<?> type : types) {
            try {
                tasks.add((ActiveObjectsUpgradeTask) container.moduleInstance(type, "AO upgrade task " + type.getName()));
            } catch (PluginLoadException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        return tasks;
    }

    private static List<String> resourcesOfContext(PluginDescriptor descriptor, String context) {
        List<String> keys = new ArrayList<>();
        for (PluginDescriptor.WebResource resource : descriptor.webResources()) {
            if (resource.contexts().contains(context)) {
                keys.add(descriptor.key() + ":" + resource.key());
            }
        }
        return keys;
    }

    private static String label(I18nResolver i18n, PluginDescriptor.Label label) {
        if (label.key() != null) {
            return i18n.getText(label.key());
        }
        return label.text();
    }

    /** Explains the usual cause of "does not implement" when the interface is a host type: the jar embeds its own copy. */
    private static String importHint(BundleClassLoader loader, Class<?> hostType) {
        String packageName = hostType.getPackageName();
        if (loader.containsPackage(packageName) && !loader.importsPackage(packageName)) {
            return " (the jar contains its own copy of package " + packageName + "; import it from the host instead:"
                    + " provided scope and Import-Package)";
        }
        return "";
    }
}
