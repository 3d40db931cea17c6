package com.sqltables.devhost.datasources;

import com.sqltables.devhost.spi.PluginSystem;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * The dev host acting as a Confluence administrator on the plugin's own admin services: it registers
 * datasources through the plugin's {@code DatasourceService} and saved queries through its {@code SavedQueryAdmin},
 * exactly what the plugin's admin screens call, so validation (JDBC URL policy), password encryption and the
 * audit log apply as they would to an administrator.
 *
 * <p>The only place where the host touches plugin classes. The host cannot link against them (the plugin's
 * classes live in its bundle class loader), so this class finds the components by type name
 * ({@link PluginSystem#components(String)}) and calls their public API reflectively, with the bundle's class
 * loader as context class loader. If the plugin's API changes, this class (and only this class) fails, with a
 * message naming the method it looked for.
 */
public final class PluginAdmin {
    static final String DATASOURCE_SERVICE = "com.sqltables.confluence.datasource.DatasourceService";
    static final String DATASOURCE_SETTINGS = "com.sqltables.confluence.datasource.DatasourceSettings";
    static final String CONNECTION_KIND = "com.sqltables.confluence.datasource.ConnectionKind";
    static final String SAVED_QUERY_ADMIN = "com.sqltables.confluence.admin.SavedQueryAdmin";
    static final String SAVED_QUERY_SETTINGS = "com.sqltables.confluence.query.SavedQuerySettings";
    static final String QUERY_PARAMETER = "com.sqltables.confluence.query.QueryParameter";
    static final String PARAMETER_TYPE = "com.sqltables.confluence.query.ParameterType";

    /** A declared parameter of a saved query. {@code type} is one of TEXT, INTEGER, DECIMAL, DATE, BOOLEAN. */
    public record Parameter(String name, String type, String defaultValue, boolean required, boolean urlSettable) {
    }

    private final ClassLoader loader;
    private final Object datasources;
    private final Object savedQueries;

    private PluginAdmin(ClassLoader loader, Object datasources, Object savedQueries) {
        this.loader = loader;
        this.datasources = datasources;
        this.savedQueries = savedQueries;
    }

    /** @return the bridge, or empty when the plugin has no {@code DatasourceService} (e.g. no plugin at all) */
    public static Optional<PluginAdmin> of(PluginSystem plugin) {
        Optional<ClassLoader> loader = plugin.pluginClassLoader();
        List<Object> services = plugin.components(DATASOURCE_SERVICE);
        if (loader.isEmpty() || services.isEmpty()) {
            return Optional.empty();
        }
        List<Object> admins = plugin.components(SAVED_QUERY_ADMIN);
        return Optional.of(new PluginAdmin(loader.get(), services.get(0), admins.isEmpty() ? null : admins.get(0)));
    }

    /** @return the id of the datasource with this name (ignoring case), if it exists */
    public Optional<Long> datasourceId(String name) {
        return call(() -> {
            List<?> usages = (List<?>) method(DATASOURCE_SERVICE, "list").invoke(datasources);
            for (Object usage : usages) {
                Object datasource = usage.getClass().getMethod("getDatasource").invoke(usage);
                String existing = (String) datasource.getClass().getMethod("getName").invoke(datasource);
                if (existing.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                    return Optional.of((Long) datasource.getClass().getMethod("getId").invoke(datasource));
                }
            }
            return Optional.<Long>empty();
        });
    }

    /**
     * Creates the datasource unless one of that name exists (then it is left as the administrator may have
     * changed it).
     *
     * @return the datasource's id and whether it was created now
     * @throws IllegalStateException with the plugin's message when it refuses the settings
     */
    public Registered ensureDatasource(DatasourceSpec spec, String actorUserKey) {
        Optional<Long> existing = datasourceId(spec.name());
        if (existing.isPresent()) {
            return new Registered(existing.get(), false);
        }
        return call(() -> {
            Class<?> settingsType = loader.loadClass(DATASOURCE_SETTINGS);
            Object builder = settingsType.getMethod("builder").invoke(null);
            Class<?> b = builder.getClass();
            b.getMethod("name", String.class).invoke(builder, spec.name());
            b.getMethod("description", String.class).invoke(builder, spec.description());
            b.getMethod("connectionKind", loader.loadClass(CONNECTION_KIND)).invoke(builder, enumValue(CONNECTION_KIND, spec.kind()));
            b.getMethod("jdbcUrl", String.class).invoke(builder, spec.jdbcUrl());
            b.getMethod("username", String.class).invoke(builder, spec.username());
            b.getMethod("connectionProperties", String.class).invoke(builder, spec.connectionProperties());
            b.getMethod("readOnly", boolean.class).invoke(builder, spec.readOnly());
            b.getMethod("inlineSqlAllowed", boolean.class).invoke(builder, spec.inlineSqlAllowed());
            if (spec.maxRows() != null) {
                b.getMethod("maxRows", int.class).invoke(builder, spec.maxRows());
            }
            if (spec.poolSize() != null) {
                b.getMethod("poolSize", int.class).invoke(builder, spec.poolSize());
            }
            if (spec.queryTimeoutSeconds() != null) {
                b.getMethod("queryTimeoutSeconds", int.class).invoke(builder, spec.queryTimeoutSeconds());
            }
            b.getMethod("allowedSpaces", List.class).invoke(builder, new ArrayList<>(spec.allowedSpaces()));
            b.getMethod("allowedGroups", List.class).invoke(builder, new ArrayList<>(spec.allowedGroups()));
            Object settings = b.getMethod("build").invoke(builder);
            Method create = loader.loadClass(DATASOURCE_SERVICE).getMethod("create", settingsType, String.class, String.class);
            Object created = create.invoke(datasources, settings, spec.password(), actorUserKey);
            return new Registered((Long) created.getClass().getMethod("getId").invoke(created), true);
        });
    }

    /** @return whether the plugin offers saved queries (its {@code SavedQueryAdmin} component) */
    public boolean savedQueriesAvailable() {
        return savedQueries != null;
    }

    /**
     * Creates the saved query unless one of that name exists.
     *
     * @return whether it was created now
     * @throws IllegalStateException with the plugin's message when it refuses the query, or when the plugin has no
     *                               saved queries
     */
    public boolean ensureSavedQuery(String name, long datasourceId, String sql, String description,
                                    List<Parameter> parameters, String actorUserKey) {
        if (savedQueries == null) {
            throw new IllegalStateException("the plugin has no " + SAVED_QUERY_ADMIN);
        }
        return call(() -> {
            List<?> all = (List<?>) method(SAVED_QUERY_ADMIN, "list").invoke(savedQueries);
            for (Object query : all) {
                String existing = (String) query.getClass().getMethod("getName").invoke(query);
                if (existing.trim().equalsIgnoreCase(name.trim())) {
                    return false;
                }
            }
            Class<?> parameterType = loader.loadClass(QUERY_PARAMETER);
            List<Object> declared = new ArrayList<>();
            for (Parameter p : parameters) {
                declared.add(parameterType.getConstructor(String.class, loader.loadClass(PARAMETER_TYPE), String.class,
                        boolean.class, boolean.class).newInstance(p.name(), enumValue(PARAMETER_TYPE, p.type()),
                        p.defaultValue(), p.required(), p.urlSettable()));
            }
            Class<?> settingsType = loader.loadClass(SAVED_QUERY_SETTINGS);
            Object settings = settingsType.getConstructor(String.class, long.class, String.class, String.class, List.class)
                    .newInstance(name, datasourceId, sql, description, declared);
            loader.loadClass(SAVED_QUERY_ADMIN).getMethod("create", settingsType, String.class)
                    .invoke(savedQueries, settings, actorUserKey);
            return true;
        });
    }

    /** A datasource's id and whether this call created it. */
    public record Registered(long id, boolean created) {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumValue(String enumType, String constant) throws ClassNotFoundException {
        return Enum.valueOf((Class) loader.loadClass(enumType), constant);
    }

    private Method method(String declaringType, String name) throws ReflectiveOperationException {
        return loader.loadClass(declaringType).getMethod(name);
    }

    /** Runs plugin code with the bundle's class loader as context class loader, as Confluence would. */
    private <T> T call(Callable<T> work) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalStateException(cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage(), cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the plugin's admin API is not what the dev host expects (" + e + "):"
                    + " update " + PluginAdmin.class.getName(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
