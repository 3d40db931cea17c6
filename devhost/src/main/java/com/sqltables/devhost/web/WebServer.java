package com.sqltables.devhost.web;

import com.sqltables.devhost.admin.AdminConsoleServlet;
import com.sqltables.devhost.admin.MailServersServlet;
import com.sqltables.devhost.admin.ScheduledJobsServlet;
import com.sqltables.devhost.mail.MailViewerServlet;
import com.sqltables.devhost.rest.RestServlet;
import com.sqltables.devhost.spi.HostConventions;
import org.eclipse.jetty.ee8.servlet.FilterHolder;
import org.eclipse.jetty.ee8.servlet.ServletContextHandler;
import org.eclipse.jetty.ee8.servlet.ServletHolder;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

import javax.servlet.DispatcherType;
import javax.servlet.SessionTrackingMode;
import javax.servlet.http.HttpServlet;
import java.io.IOException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The HTTP side: Jetty on the loopback interface, one web application at {@code /confluence} with the host's
 * filter and servlets, and a redirect from {@code /} to it. The port is bound first ({@link #bind}), so the
 * plugin knows the base URL while it loads; requests are served from {@link #start} on.
 */
public final class WebServer implements AutoCloseable {
    /** Loopback only: the dev host has well-known passwords. */
    public static final String BIND_HOST = "127.0.0.1";

    private final Server server;
    private final ServerConnector connector;

    public WebServer(int port, String nodeId) {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("devhost-" + nodeId + "-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(BIND_HOST);
        connector.setPort(port);
        server.addConnector(connector);
        ErrorHandler serverErrors = new ErrorHandler();
        serverErrors.setShowStacks(false);
        serverErrors.setShowCauses(false);
        serverErrors.setShowMessageInTitle(false);
        server.setErrorHandler(serverErrors);
    }

    /**
     * Binds the port.
     *
     * @return the bound port (the chosen one when 0 was asked for)
     */
    public int bind() throws IOException {
        try {
            connector.open();
        } catch (IOException e) {
            throw new IOException("Cannot listen on " + BIND_HOST + ":" + connector.getPort()
                    + " (is another dev host or Confluence running? choose another with --port): " + e.getMessage(), e);
        }
        return connector.getLocalPort();
    }

    /** Mounts the host's servlets and starts serving. */
    public void start(HostComponents host) throws Exception {
        Layout layout = host.layout();
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.SESSIONS);
        context.setContextPath(HostConventions.CONTEXT_PATH);
        context.getSessionHandler().setSessionCookie("JSESSIONID");
        context.getSessionHandler().setHttpOnly(true);
        context.getSessionHandler().setSameSite(HttpCookie.SameSite.LAX);
        context.getSessionHandler().setMaxInactiveInterval(60 * 60);
        context.getSessionHandler().setSessionTrackingModes(Set.of(SessionTrackingMode.COOKIE));
        context.setErrorHandler(new HostErrorHandler(layout));

        context.addFilter(new FilterHolder(new SecurityFilter(host.users(), layout)), "/*",
                EnumSet.of(DispatcherType.REQUEST));

        SpaceServlet spaces = new SpaceServlet(host.content(), layout);
        add(context, spaces, "", "/dashboard.action", "/spacedirectory/view.action", "/collector/pages.action");
        add(context, new LoginServlet(host.users(), layout), HostConventions.LOGIN_PATH);
        add(context, new LogoutServlet(layout), "/logout.action");
        add(context, new WebSudoServlet(host.users(), layout), HostConventions.WEBSUDO_PATH);
        add(context, new PageViewServlet(host.content(), host.users(), layout), "/display/*", "/pages/viewpage.action");
        add(context, new PageEditorServlet(host.content(), layout), "/pages/createpage.action",
                "/pages/editpage.action");
        add(context, new RestServlet(host.content(), host.users(), host.environment().baseUrl()), "/rest/*");
        add(context, new AdminConsoleServlet(host.environment(), host.plugins(), layout), "/admin/console.action");
        add(context, new ScheduledJobsServlet(host.plugins(), layout),
                "/admin/scheduledjobs/viewscheduledjobs.action", "/admin/scheduledjobs/action.action");
        add(context, new MailServersServlet(host.smtp().settings(), layout), "/admin/mail/viewmailservers.action");
        add(context, new MailViewerServlet(host.smtp(), layout), "/devhost/mail");
        add(context, new StaticResourceServlet(), "/devhost/static/*");
        add(context, new PluginServletDispatcher(host.plugins(), layout), HostConventions.PLUGIN_SERVLET_PREFIX + "/*");
        add(context, new WebResourceServlet(host.plugins()), HostConventions.RESOURCE_DOWNLOAD_PREFIX + "/*");

        ContextHandler root = new ContextHandler("/");
        root.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                Response.sendRedirect(request, response, callback, HostConventions.CONTEXT_PATH + "/");
                return true;
            }
        });
        server.setHandler(new ContextHandlerCollection(context.getCoreContextHandler(), root));
        server.start();
    }

    private static void add(ServletContextHandler context, HttpServlet servlet, String... paths) {
        ServletHolder holder = new ServletHolder(servlet);
        for (String path : paths) {
            context.addServlet(holder, path);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Jetty did not stop cleanly: " + e.getMessage(), e);
        } finally {
            connector.close();
        }
    }
}
