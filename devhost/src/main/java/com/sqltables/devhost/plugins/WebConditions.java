package com.sqltables.devhost.plugins;

import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.RequestContext;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code <condition>} elements of web items, compiled once when the plugin is enabled. Confluence's own
 * condition classes are known by name; a plugin's condition class must implement
 * {@code com.atlassian.plugin.web.Condition} and is created by the plugin's container, as Confluence does.
 */
final class WebConditions {
    static final String CONDITION_INTERFACE = "com.atlassian.plugin.web.Condition";
    private static final String CONFLUENCE = "com.atlassian.confluence.plugin.descriptor.web.conditions.";
    private static final String ADMINISTRATORS = "confluence-administrators";
    private static final String USERS = "confluence-users";

    /** A compiled condition: whether the current request's user may see the item. */
    interface Compiled {
        boolean shouldDisplay();
    }

    private final HostEnvironment environment;
    private final ComponentContainer container;
    private final ClassLoader loader;

    WebConditions(HostEnvironment environment, ComponentContainer container, ClassLoader loader) {
        this.environment = environment;
        this.container = container;
        this.loader = loader;
    }

    Compiled compile(PluginDescriptor.Condition condition, String module) throws PluginLoadException {
        if (condition == null) {
            return () -> true;
        }
        Compiled compiled;
        if (condition.composite()) {
            List<Compiled> children = new ArrayList<>();
            for (PluginDescriptor.Condition child : condition.children()) {
                children.add(compile(child, module));
            }
            boolean and = "AND".equals(condition.type());
            compiled = () -> and ? children.stream().allMatch(Compiled::shouldDisplay) : children.stream().anyMatch(Compiled::shouldDisplay);
        } else {
            compiled = builtIn(condition.className()).orElse(null);
            if (compiled == null) {
                compiled = pluginCondition(condition, module);
            }
        }
        if (condition.invert()) {
            Compiled positive = compiled;
            return () -> !positive.shouldDisplay();
        }
        return compiled;
    }

    private Optional<Compiled> builtIn(String className) {
        switch (className) {
            case CONFLUENCE + "SystemAdministratorCondition":
                return Optional.of(() -> user().map(DevUser::systemAdmin).orElse(false));
            case CONFLUENCE + "ConfluenceAdministratorCondition":
                return Optional.of(() -> user().map(u -> u.systemAdmin() || u.groups().contains(ADMINISTRATORS)).orElse(false));
            case CONFLUENCE + "user.UserLoggedInCondition":
                return Optional.of(() -> user().isPresent());
            case CONFLUENCE + "user.RemoteUserHasLicensedAccessCondition":
            case CONFLUENCE + "user.RemoteUserCanUseConfluenceCondition":
                return Optional.of(() -> user().map(u -> u.systemAdmin() || u.groups().contains(ADMINISTRATORS)
                        || u.groups().contains(USERS)).orElse(false));
            case CONFLUENCE + "IsMailServerConfiguredCondition":
                return Optional.of(() -> environment.smtp() != null);
            case "com.atlassian.plugin.web.conditions.AlwaysDisplayCondition":
                return Optional.of(() -> true);
            case "com.atlassian.plugin.web.conditions.NeverDisplayCondition":
                return Optional.of(() -> false);
            default:
                return Optional.empty();
        }
    }

    private Compiled pluginCondition(PluginDescriptor.Condition condition, String module) throws PluginLoadException {
        String className = condition.className();
        Class<?> type;
        try {
            type = loader.loadClass(className);
        } catch (ClassNotFoundException | LinkageError e) {
            if (className.startsWith("com.atlassian.")) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " uses condition " + className
                        + ", which the dev host does not know and the plugin does not contain (supported host conditions: "
                        + "SystemAdministratorCondition, ConfluenceAdministratorCondition, UserLoggedInCondition,"
                        + " RemoteUserHasLicensedAccessCondition, IsMailServerConfiguredCondition)", e);
            }
            throw new PluginLoadException(PluginDescriptor.FILE + ": " + module + " uses condition class " + className
                    + ", which cannot be loaded: " + Failures.describe(e, loader), e);
        }
        Class<?> conditionInterface = findInterface(type);
        if (conditionInterface == null) {
            throw new PluginLoadException(PluginDescriptor.FILE + ": condition " + className + " of " + module
                    + " does not implement " + CONDITION_INTERFACE);
        }
        Object instance = container.moduleInstance(type, "condition " + className + " of " + module);
        try {
            Method init = conditionInterface.getMethod("init", Map.class);
            init.invoke(instance, new HashMap<>(condition.params()));
            Method shouldDisplay = conditionInterface.getMethod("shouldDisplay", Map.class);
            return () -> {
                Map<String, Object> context = new HashMap<>();
                RequestContext.currentRequest().ifPresent(r -> context.put("request", r));
                RequestContext.currentUser().ifPresent(u -> context.put("username", u.username()));
                try {
                    return Boolean.TRUE.equals(shouldDisplay.invoke(instance, context));
                } catch (InvocationTargetException e) {
                    throw new IllegalStateException("Condition " + className + " failed: " + e.getCause(), e.getCause());
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            };
        } catch (InvocationTargetException e) {
            throw new PluginLoadException("Condition " + className + " of " + module + " failed in init: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new PluginLoadException("Condition " + className + " of " + module + " cannot be initialised: " + e, e);
        }
    }

    private static Class<?> findInterface(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> iface : c.getInterfaces()) {
                if (iface.getName().equals(CONDITION_INTERFACE)) {
                    return iface;
                }
                Class<?> inherited = findInterface(iface);
                if (inherited != null) {
                    return inherited;
                }
            }
        }
        return null;
    }

    private static Optional<DevUser> user() {
        return RequestContext.currentUser();
    }
}
