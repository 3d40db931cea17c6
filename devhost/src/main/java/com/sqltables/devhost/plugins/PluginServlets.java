package com.sqltables.devhost.plugins;

import com.sqltables.devhost.spi.HostConventions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URLConnection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The servlet side of {@code servlet} modules: the plugin's servlet context, config and a delegating wrapper. */
final class PluginServlets {
    private static final Logger log = LoggerFactory.getLogger(PluginServlets.class);

    private PluginServlets() {
    }

    /**
     * A servlet context for the plugin, like Confluence's plugin servlet context wrapper: its own attributes,
     * resources from the plugin, and the host's context path. What a plugin servlet has no business calling
     * fails loudly.
     */
    static ServletContext servletContext(String pluginName, ClassLoader pluginClassLoader) {
        Map<String, Object> attributes = new ConcurrentHashMap<>();
        return (ServletContext) Proxy.newProxyInstance(PluginServlets.class.getClassLoader(), new Class<?>[] {ServletContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getContextPath":
                            return HostConventions.CONTEXT_PATH;
                        case "getAttribute":
                            return attributes.get((String) args[0]);
                        case "setAttribute":
                            if (args[1] == null) {
                                attributes.remove((String) args[0]);
                            } else {
                                attributes.put((String) args[0], args[1]);
                            }
                            return null;
                        case "removeAttribute":
                            attributes.remove((String) args[0]);
                            return null;
                        case "getAttributeNames":
                            return Collections.enumeration(attributes.keySet());
                        case "getInitParameter":
                            return null;
                        case "getInitParameterNames":
                            return Collections.emptyEnumeration();
                        case "getServletContextName":
                            return pluginName;
                        case "getMimeType":
                            return URLConnection.guessContentTypeFromName((String) args[0]);
                        case "getResource":
                            return pluginClassLoader.getResource(strip((String) args[0]));
                        case "getResourceAsStream":
                            InputStream in = pluginClassLoader.getResourceAsStream(strip((String) args[0]));
                            return in;
                        case "getClassLoader":
                            return pluginClassLoader;
                        case "getMajorVersion":
                        case "getEffectiveMajorVersion":
                            return 4;
                        case "getMinorVersion":
                        case "getEffectiveMinorVersion":
                            return 0;
                        case "getServerInfo":
                            return "SQL Tables dev host";
                        case "log":
                            if (args.length == 2 && args[1] instanceof Throwable) {
                                log.info("{}: {}", pluginName, args[0], args[1]);
                            } else {
                                log.info("{}: {}", pluginName, args[0]);
                            }
                            return null;
                        case "hashCode":
                            return System.identityHashCode(proxy);
                        case "equals":
                            return proxy == args[0];
                        case "toString":
                            return "ServletContext of plugin " + pluginName;
                        default:
                            throw new UnsupportedOperationException("ServletContext." + method.getName()
                                    + " is not available to plugin servlets in the dev host");
                    }
                });
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static ServletConfig servletConfig(String name, ServletContext context, Map<String, String> initParams) {
        return new ServletConfig() {
            @Override
            public String getServletName() {
                return name;
            }

            @Override
            public ServletContext getServletContext() {
                return context;
            }

            @Override
            public String getInitParameter(String parameter) {
                return initParams.get(parameter);
            }

            @Override
            public Enumeration<String> getInitParameterNames() {
                return Collections.enumeration(initParams.keySet());
            }
        };
    }

    /**
     * What the web host mounts: serves through the plugin's initialised servlet with the plugin's class loader
     * as context class loader (as Confluence's delegating plugin servlet does). The web container's own
     * init/destroy calls stop here: the plugin system initialises and destroys the plugin's servlet.
     */
    static final class Delegating extends HttpServlet {
        private static final long serialVersionUID = 1L;

        private final transient javax.servlet.Servlet plugin;
        private final transient ClassLoader pluginClassLoader;

        Delegating(javax.servlet.Servlet plugin, ClassLoader pluginClassLoader) {
            this.plugin = plugin;
            this.pluginClassLoader = pluginClassLoader;
        }

        @Override
        public void init(ServletConfig config) {
            // The plugin's servlet was initialised when the plugin was enabled.
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(pluginClassLoader);
            try {
                plugin.service(request, response);
            } catch (LinkageError e) {
                throw new ServletException(Failures.describe(e, pluginClassLoader), e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }

        @Override
        public void destroy() {
            // The plugin system destroys the plugin's servlet when the plugin is disabled.
        }

        /** The plugin's own servlet instance. */
        javax.servlet.Servlet pluginServlet() {
            return plugin;
        }

        @Override
        public String getServletInfo() {
            return plugin.getServletInfo();
        }
    }
}
