package com.sqltables.devhost.plugins;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The plugin's Spring context as the Spring Scanner runtime builds it inside Confluence: one singleton per
 * {@code component} line of the index, one OSGi service import per {@code imports} line, constructor
 * injection by type (then by name), {@code @PostConstruct}/{@link InitializingBean} after each bean is
 * created and {@code @PreDestroy}/{@link DisposableBean} in reverse order on close. Nothing that is not in
 * the index exists, so a forgotten {@code @Named} or {@code @ComponentImport} fails here as it does there.
 */
final class ComponentContainer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ComponentContainer.class);

    private static final Set<String> INJECT_ANNOTATIONS = Set.of(
            "javax.inject.Inject", "org.springframework.beans.factory.annotation.Autowired", "jakarta.inject.Inject");
    private static final Set<String> QUALIFIER_ANNOTATIONS = Set.of(
            "javax.inject.Named", "org.springframework.beans.factory.annotation.Qualifier", "jakarta.inject.Named");

    /** A bean definition: a component of the plugin or a host service it imports. */
    private static final class Definition {
        final String name;
        final Class<?> type;
        final boolean imported;
        final boolean primary;
        final String source;
        Object instance;

        Definition(String name, Class<?> type, boolean imported, boolean primary, String source) {
            this.name = name;
            this.type = type;
            this.imported = imported;
            this.primary = primary;
            this.source = source;
        }
    }

    /** Unchecked carrier of a start-up failure through the recursive bean creation. */
    private static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final BundleClassLoader loader;
    private final Function<Class<?>, Optional<Object>> hostServices;
    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Map<String, List<Class<?>>> exports = new LinkedHashMap<>();
    private final List<Definition> created = new ArrayList<>();
    private final Deque<String> inCreation = new ArrayDeque<>();
    private final List<String> skippedImports = new ArrayList<>();
    private volatile boolean closed;

    /**
     * @param hostServices the host's service registry: the service for an exact interface, if the host offers one
     */
    ComponentContainer(BundleClassLoader loader, Function<Class<?>, Optional<Object>> hostServices) {
        this.loader = loader;
        this.hostServices = hostServices;
    }

    /** Registers the index's beans and creates every component. */
    synchronized void start(ScannerIndex index) throws PluginLoadException {
        List<String> problems = new ArrayList<>();
        registerImports(index, problems);
        registerComponents(index, problems);
        if (problems.isEmpty()) {
            registerExports(index, problems);
        }
        if (!problems.isEmpty()) {
            throw new PluginLoadException(String.join("\n", problems));
        }
        try {
            withPluginClassLoader(() -> {
                for (Definition definition : new ArrayList<>(definitions.values())) {
                    if (!definition.imported) {
                        instance(definition);
                    }
                }
                return null;
            });
        } catch (Failure e) {
            close();
            throw new PluginLoadException(e.getMessage(), e.getCause());
        }
    }

    private void registerImports(ScannerIndex index, List<String> problems) {
        for (ScannerIndex.Entry entry : index.imports()) {
            Class<?> type;
            try {
                type = loader.loadClass(entry.className());
            } catch (ClassNotFoundException | LinkageError e) {
                // The Scanner runtime only warns here; whatever needs the service then fails to be created.
                log.warn("Unable to load class '{}' for component importation purposes ({}). Skipping...",
                        entry.className(), Failures.describe(e, loader));
                skippedImports.add(entry.className() + " (" + Failures.describe(e, loader) + ")");
                continue;
            }
            if (type.getClassLoader() == loader) {
                problems.add(entry.file() + " imports " + type.getName() + ", but the plugin jar contains its own copy of"
                        + " that class: the host's service can never match it. Use provided scope for the host API and"
                        + " import its package (Import-Package) instead of embedding it");
                continue;
            }
            Optional<Object> service = hostServices.apply(type);
            if (service.isEmpty()) {
                problems.add(entry.file() + " imports " + type.getName() + ", but the dev host offers no such service"
                        + " (Confluence would wait for it and then fail the plugin)");
                continue;
            }
            String name = entry.beanName() != null ? entry.beanName()
                    : definitions.containsKey(entry.effectiveBeanName()) ? type.getName() : entry.effectiveBeanName();
            Definition definition = new Definition(name, type, true, false, entry.file());
            definition.instance = type.isInterface() ? serviceProxy(type, service.get()) : service.get();
            definitions.put(name, definition);
        }
    }

    private void registerComponents(ScannerIndex index, List<String> problems) {
        for (ScannerIndex.Entry entry : index.components()) {
            Class<?> type;
            try {
                type = loader.loadClass(entry.className());
            } catch (MissingImportException e) {
                problems.add(entry.file() + " names " + entry.className() + ", which is not in the plugin jar");
                continue;
            } catch (ClassNotFoundException | LinkageError e) {
                problems.add(entry.file() + " names " + entry.className() + ", which cannot be loaded: " + Failures.describe(e, loader));
                continue;
            }
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                problems.add(entry.file() + " names " + type.getName() + ", which is "
                        + (type.isInterface() ? "an interface" : "abstract") + " and cannot be a component");
                continue;
            }
            String name = entry.effectiveBeanName();
            Definition existing = definitions.get(name);
            if (existing != null) {
                problems.add(entry.file() + ": bean name '" + name + "' of " + type.getName() + " is already used by "
                        + existing.type.getName() + " (" + existing.source + ")");
                continue;
            }
            definitions.put(name, new Definition(name, type, false, index.isPrimary(entry), entry.file()));
        }
    }

    private void registerExports(ScannerIndex index, List<String> problems) {
        for (ScannerIndex.Export export : index.exports()) {
            Optional<Definition> component = definitions.values().stream()
                    .filter(d -> !d.imported && d.type.getName().equals(export.className())).findFirst();
            if (component.isEmpty()) {
                problems.add(export.file() + " exports " + export.className() + ", which is not a component of the index");
                continue;
            }
            List<Class<?>> interfaces = new ArrayList<>();
            for (String iface : export.interfaces()) {
                try {
                    Class<?> type = loader.loadClass(iface);
                    if (!type.isAssignableFrom(component.get().type)) {
                        problems.add(export.file() + " exports " + export.className() + " as " + iface + ", which it does not implement");
                    }
                    interfaces.add(type);
                } catch (ClassNotFoundException | LinkageError e) {
                    problems.add(export.file() + " exports " + export.className() + " as " + iface + ", which cannot be loaded: "
                            + Failures.describe(e, loader));
                }
            }
            exports.put(component.get().name, interfaces);
        }
    }

    /** @return the singleton of a bean name, if the index defines it */
    synchronized Optional<Object> bean(String name) {
        Definition definition = definitions.get(name);
        return definition == null ? Optional.empty() : Optional.ofNullable(definition.instance);
    }

    /** @return component instances (not imports) assignable to the type, in creation order */
    synchronized <T> List<T> components(Class<T> type) {
        return created.stream().filter(d -> type.isInstance(d.instance)).map(d -> type.cast(d.instance)).collect(Collectors.toList());
    }

    /** @return component instances (not imports) whose class is, extends or implements the named type */
    synchronized List<Object> components(String typeName) {
        return created.stream().map(d -> d.instance).filter(instance -> isA(instance.getClass(), typeName))
                .collect(Collectors.toList());
    }

    private static boolean isA(Class<?> type, String typeName) {
        if (type == null) {
            return false;
        }
        if (type.getName().equals(typeName) || isA(type.getSuperclass(), typeName)) {
            return true;
        }
        for (Class<?> iface : type.getInterfaces()) {
            if (isA(iface, typeName)) {
                return true;
            }
        }
        return false;
    }

    /** @return the exported services: instance → interfaces it is exported as */
    synchronized Map<Object, List<Class<?>>> exportedServices() {
        Map<Object, List<Class<?>>> result = new LinkedHashMap<>();
        exports.forEach((name, interfaces) -> result.put(definitions.get(name).instance, interfaces));
        return result;
    }

    /**
     * Creates a module object as Confluence's module factory does for a class named in the descriptor: the
     * component of exactly that class when the index has one, else a new autowired instance.
     *
     * @param purpose what the object is for, e.g. {@code <xhtml-macro key="x">}, for messages
     */
    synchronized Object moduleInstance(Class<?> type, String purpose) throws PluginLoadException {
        for (Definition definition : definitions.values()) {
            if (!definition.imported && definition.type == type) {
                return definition.instance;
            }
        }
        try {
            return withPluginClassLoader(() -> {
                Object instance = construct(type, purpose);
                initialise(instance, purpose);
                return instance;
            });
        } catch (Failure e) {
            throw new PluginLoadException(e.getMessage(), e.getCause());
        }
    }

    private Object instance(Definition definition) {
        if (definition.instance != null) {
            return definition.instance;
        }
        if (inCreation.contains(definition.name)) {
            List<String> cycle = new ArrayList<>(inCreation);
            Collections.reverse(cycle);
            throw new Failure("Circular dependency between components: " + String.join(" -> ", cycle) + " -> " + definition.name
                    + " (Spring cannot create constructor-injected beans that need each other)", null);
        }
        inCreation.push(definition.name);
        try {
            String purpose = "component " + definition.type.getName() + " (bean '" + definition.name + "')";
            Object instance = construct(definition.type, purpose);
            definition.instance = instance;
            initialise(instance, purpose);
            created.add(definition);
            return instance;
        } finally {
            inCreation.pop();
        }
    }

    private Object construct(Class<?> type, String purpose) {
        Constructor<?> constructor;
        Parameter[] parameters;
        try {
            constructor = chooseConstructor(type, purpose);
            parameters = constructor.getParameters();
        } catch (LinkageError e) {
            throw new Failure(purpose + " cannot be created: " + Failures.describe(e, loader), e);
        }
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Parameter parameter = parameters[i];
            arguments[i] = resolve(parameter.getType(), parameter.getParameterizedType(), qualifier(parameter),
                    parameter.isNamePresent() ? parameter.getName() : null, true, purpose,
                    "constructor parameter " + (i + 1));
        }
        try {
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        } catch (InvocationTargetException e) {
            throw new Failure(purpose + " failed in its constructor: " + Failures.describe(e.getCause(), loader), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new Failure(purpose + " cannot be instantiated: " + Failures.describe(e, loader), e);
        }
    }

    private static Constructor<?> chooseConstructor(Class<?> type, String purpose) {
        Constructor<?>[] constructors = type.getDeclaredConstructors();
        List<Constructor<?>> annotated = new ArrayList<>();
        for (Constructor<?> constructor : constructors) {
            if (hasAnnotation(constructor, INJECT_ANNOTATIONS)) {
                annotated.add(constructor);
            }
        }
        if (annotated.size() == 1) {
            return annotated.get(0);
        }
        if (annotated.size() > 1) {
            throw new Failure(purpose + " has " + annotated.size() + " constructors annotated @Inject/@Autowired; Spring needs one", null);
        }
        if (constructors.length == 1) {
            return constructors[0];
        }
        for (Constructor<?> constructor : constructors) {
            if (constructor.getParameterCount() == 0) {
                return constructor;
            }
        }
        throw new Failure(purpose + " has " + constructors.length + " constructors and none is annotated @Inject or"
                + " @Autowired, nor is there a no-argument one: Spring cannot choose", null);
    }

    private void initialise(Object instance, String purpose) {
        injectMembers(instance, purpose);
        try {
            for (Method method : lifecycleMethods(instance.getClass(), "PostConstruct")) {
                method.setAccessible(true);
                method.invoke(instance);
            }
            if (instance instanceof InitializingBean) {
                ((InitializingBean) instance).afterPropertiesSet();
            }
        } catch (InvocationTargetException e) {
            throw new Failure(purpose + " failed in its @PostConstruct method: " + Failures.describe(e.getCause(), loader), e.getCause());
        } catch (Exception | LinkageError e) {
            throw new Failure(purpose + " failed to initialise: " + Failures.describe(e, loader), e);
        }
    }

    private void injectMembers(Object instance, String purpose) {
        for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || !hasAnnotation(field, INJECT_ANNOTATIONS)) {
                    continue;
                }
                Object value = resolve(field.getType(), field.getGenericType(), qualifier(field), field.getName(),
                        required(field), purpose, "field " + field.getName());
                try {
                    field.setAccessible(true);
                    field.set(instance, value);
                } catch (IllegalAccessException e) {
                    throw new Failure(purpose + ": cannot inject field " + field.getName() + ": " + e.getMessage(), e);
                }
            }
            for (Method method : c.getDeclaredMethods()) {
                if (Modifier.isStatic(method.getModifiers()) || !hasAnnotation(method, INJECT_ANNOTATIONS)) {
                    continue;
                }
                Parameter[] parameters = method.getParameters();
                Object[] arguments = new Object[parameters.length];
                for (int i = 0; i < parameters.length; i++) {
                    arguments[i] = resolve(parameters[i].getType(), parameters[i].getParameterizedType(), qualifier(parameters[i]),
                            parameters[i].isNamePresent() ? parameters[i].getName() : null, required(method), purpose,
                            "parameter " + (i + 1) + " of method " + method.getName());
                }
                try {
                    method.setAccessible(true);
                    method.invoke(instance, arguments);
                } catch (InvocationTargetException e) {
                    throw new Failure(purpose + ": injection method " + method.getName() + " failed: "
                            + Failures.describe(e.getCause(), loader), e.getCause());
                } catch (IllegalAccessException e) {
                    throw new Failure(purpose + ": cannot call injection method " + method.getName() + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private Object resolve(Class<?> type, Type genericType, String qualifier, String name, boolean required,
                           String purpose, String where) {
        if (type == Optional.class) {
            Class<?> element = typeArgument(genericType);
            Object value = element == null ? null : resolve(element, element, qualifier, name, false, purpose, where);
            return Optional.ofNullable(value);
        }
        if (type == List.class || type == Collection.class) {
            Class<?> element = typeArgument(genericType);
            List<Object> all = new ArrayList<>();
            if (element != null) {
                for (Definition definition : candidates(element)) {
                    all.add(instance(definition));
                }
            }
            return all;
        }
        if (qualifier != null) {
            Definition named = definitions.get(qualifier);
            if (named == null || !type.isAssignableFrom(named.type)) {
                throw new Failure(purpose + " needs a bean named '" + qualifier + "' of type " + type.getName() + " (" + where
                        + "), but " + (named == null ? "there is no such bean" : "that bean is a " + named.type.getName()), null);
            }
            return instance(named);
        }
        List<Definition> candidates = candidates(type);
        if (candidates.size() > 1) {
            List<Definition> primary = candidates.stream().filter(d -> d.primary).collect(Collectors.toList());
            if (primary.size() == 1) {
                candidates = primary;
            } else if (name != null && definitions.containsKey(name) && candidates.contains(definitions.get(name))) {
                candidates = List.of(definitions.get(name));
            }
        }
        if (candidates.size() == 1) {
            return instance(candidates.get(0));
        }
        if (candidates.size() > 1) {
            throw new Failure(purpose + " needs one " + type.getName() + " (" + where + "), but " + candidates.size()
                    + " beans match: " + candidates.stream().map(d -> d.name).collect(Collectors.joining(", "))
                    + " (qualify it with @Named(\"beanName\"))", null);
        }
        if (!required) {
            return null;
        }
        throw new Failure(unsatisfied(type, purpose, where), null);
    }

    private String unsatisfied(Class<?> type, String purpose, String where) {
        boolean hostType = type.getClassLoader() != loader;
        if (hostType && hostServices.apply(type).isPresent()) {
            return purpose + " needs " + type.getName() + " (" + where + ") but the index imports no such service"
                    + " — annotate the parameter with @ComponentImport (META-INF/plugin-components/imports must list "
                    + type.getName() + ")";
        }
        if (hostType) {
            String skipped = skippedImports.stream().filter(s -> s.startsWith(type.getName() + " ")).findFirst()
                    .map(s -> "; the index imports it but its class could not be loaded: " + s).orElse("");
            return purpose + " needs " + type.getName() + " (" + where + "), which is neither a component of the plugin nor a"
                    + " service the host offers" + skipped;
        }
        return purpose + " needs " + type.getName() + " (" + where + "), but no component of that type is in"
                + " META-INF/plugin-components/component: annotate " + type.getName() + " with @Named (or @Component) and"
                + " rebuild so the Spring Scanner index lists it";
    }

    private List<Definition> candidates(Class<?> type) {
        List<Definition> result = new ArrayList<>();
        for (Definition definition : definitions.values()) {
            if (type.isAssignableFrom(definition.type)) {
                result.add(definition);
            }
        }
        return result;
    }

    private static Class<?> typeArgument(Type genericType) {
        if (genericType instanceof ParameterizedType) {
            Type argument = ((ParameterizedType) genericType).getActualTypeArguments()[0];
            if (argument instanceof Class) {
                return (Class<?>) argument;
            }
            if (argument instanceof ParameterizedType) {
                return (Class<?>) ((ParameterizedType) argument).getRawType();
            }
        }
        return null;
    }

    private static String qualifier(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (QUALIFIER_ANNOTATIONS.contains(annotation.annotationType().getName())) {
                Object value = attribute(annotation, "value");
                if (value instanceof String && !((String) value).isEmpty()) {
                    return (String) value;
                }
            }
        }
        return null;
    }

    private static boolean required(AnnotatedElement element) {
        for (Annotation annotation : element.getAnnotations()) {
            if (annotation.annotationType().getName().equals("org.springframework.beans.factory.annotation.Autowired")) {
                return !Boolean.FALSE.equals(attribute(annotation, "required"));
            }
        }
        return true;
    }

    private static Object attribute(Annotation annotation, String name) {
        try {
            Method method = annotation.annotationType().getMethod(name);
            return method.invoke(annotation);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static boolean hasAnnotation(AnnotatedElement element, Set<String> names) {
        for (Annotation annotation : element.getAnnotations()) {
            if (names.contains(annotation.annotationType().getName())) {
                return true;
            }
        }
        return false;
    }

    /** Methods annotated {@code @PostConstruct}/{@code @PreDestroy} (javax or jakarta), superclass first. */
    private static List<Method> lifecycleMethods(Class<?> type, String simpleName) {
        List<Class<?>> hierarchy = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            hierarchy.add(0, c);
        }
        List<Method> methods = new ArrayList<>();
        for (Class<?> c : hierarchy) {
            for (Method method : c.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    String name = annotation.annotationType().getName();
                    if ((name.equals("javax.annotation." + simpleName) || name.equals("jakarta.annotation." + simpleName))
                            && method.getParameterCount() == 0) {
                        methods.add(method);
                    }
                }
            }
        }
        return methods;
    }

    private Object serviceProxy(Class<?> type, Object service) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                switch (method.getName()) {
                    case "equals":
                        return proxy == args[0];
                    case "hashCode":
                        return System.identityHashCode(proxy);
                    case "toString":
                        return "OSGi service proxy of " + type.getName();
                    default:
                        break;
                }
            }
            if (closed) {
                // What Gemini Blueprint's proxies throw once the plugin is disabled.
                throw new IllegalStateException("Service " + type.getName() + " is unavailable: the plugin "
                        + loader.bundleName() + " has been disabled");
            }
            try {
                return method.invoke(service, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private <T> T withPluginClassLoader(java.util.function.Supplier<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Destroys the components in reverse creation order; a failing destroy is logged and the rest continue. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        List<Definition> reverse = new ArrayList<>(created);
        Collections.reverse(reverse);
        Map<Object, Boolean> done = new HashMap<>();
        for (Definition definition : reverse) {
            Object instance = definition.instance;
            if (done.put(instance, Boolean.TRUE) != null) {
                continue;
            }
            try {
                for (Method method : lifecycleMethods(instance.getClass(), "PreDestroy")) {
                    method.setAccessible(true);
                    method.invoke(instance);
                }
                if (instance instanceof DisposableBean) {
                    ((DisposableBean) instance).destroy();
                }
            } catch (InvocationTargetException e) {
                log.error("Destroying bean '{}' failed", definition.name, e.getCause());
            } catch (Exception | LinkageError e) {
                log.error("Destroying bean '{}' failed", definition.name, e);
            }
        }
        closed = true;
    }
}
