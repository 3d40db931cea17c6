package com.sqltables.devhost;

import com.icegreen.greenmail.util.GreenMail;
import com.sqltables.devhost.content.ContentService;
import com.sqltables.devhost.content.ContentStore;
import com.sqltables.devhost.datasources.DatasourceFile;
import com.sqltables.devhost.db.HostDatabase;
import com.sqltables.devhost.db.HostSchema;
import com.sqltables.devhost.db.Jdbc;
import com.sqltables.devhost.mail.EmbeddedSmtpServer;
import com.sqltables.devhost.plugins.PluginLoader;
import com.sqltables.devhost.render.StorageRenderer;
import com.sqltables.devhost.seed.DemoData;
import com.sqltables.devhost.spi.DatasourceDeclaration;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.users.JdbcUserDirectory;
import com.sqltables.devhost.users.PasswordHasher;
import com.sqltables.devhost.web.HostComponents;
import com.sqltables.devhost.web.Layout;
import com.sqltables.devhost.web.WebResources;
import com.sqltables.devhost.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * The dev host, our {@code atlas-run}: a small Confluence stand-in that loads the built plugin jar. Starts, in
 * this order, the database, the host's tables and demo data, the embedded SMTPS server, the plugin, the
 * web server at {@code http://localhost:<port>/confluence} and, through the plugin, the demo datasource and page
 * ({@link DemoData#afterPluginEnabled}).
 *
 * <p>From the command line: {@link #main}. From tests: {@link #start(DevHostOptions)}, then {@link #close()}.
 */
public final class DevHost implements AutoCloseable {
    /**
     * PBKDF2 work factor of new password hashes: dev-grade (the demo passwords equal the user names), chosen so
     * that seeding and the first logins stay fast on a 2-core machine. Stored hashes carry their own count.
     */
    static final int PASSWORD_ITERATIONS = 25_000;

    private final HostEnvironment environment;
    private final EmbeddedSmtpServer smtp;
    private final PluginSystem plugins;
    private final Deque<AutoCloseable> resources;
    private final long startupMillis;
    private final String demoPageUrl;
    private final CountDownLatch closed = new CountDownLatch(1);

    private DevHost(HostEnvironment environment, EmbeddedSmtpServer smtp, PluginSystem plugins,
                    Deque<AutoCloseable> resources, long startupMillis, String demoPageUrl) {
        this.demoPageUrl = demoPageUrl;
        this.environment = environment;
        this.smtp = smtp;
        this.plugins = plugins;
        this.resources = resources;
        this.startupMillis = startupMillis;
    }

    public static void main(String[] args) {
        DevHostOptions options;
        try {
            options = DevHostOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("devhost: " + e.getMessage());
            System.err.println("Run with --help to see the options.");
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(DevHostOptions.usage());
            return;
        }
        configureLogging(options.logLevel());
        DevHost host;
        try {
            host = start(options);
        } catch (DevHostStartException e) {
            System.err.println("Dev host failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(host::close, "devhost-shutdown"));
        System.out.println("Dev host ready at " + host.baseUrl() + " (admin/admin) in "
                + ManagementFactory.getRuntimeMXBean().getUptime() + " ms");
        host.demoPageUrl().ifPresent(url -> System.out.println("Demo page: " + url));
        host.awaitClose();
    }

    /**
     * Starts a dev host. Everything started is stopped again when a later step fails.
     *
     * @throws DevHostStartException with a message naming the failed step and its cause
     */
    public static DevHost start(DevHostOptions options) throws DevHostStartException {
        configureLogging(options.logLevel());
        Logger log = LoggerFactory.getLogger(DevHost.class);
        long started = System.nanoTime();
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        String step = "prepare the data directory";
        try {
            Path dataDir = options.dataDir();
            Files.createDirectories(dataDir);

            step = "open the database";
            HostDatabase database = HostDatabase.open(options.dbUrl(), options.dbUser(), options.dbPassword(),
                    "devhost-" + options.nodeId());
            resources.push(database);
            log.info("Database {}", HostDatabase.maskUrl(database.url()));

            step = "create the host tables";
            Jdbc jdbc = new Jdbc(database.dataSource());
            JdbcUserDirectory users = new JdbcUserDirectory(jdbc, new PasswordHasher(PASSWORD_ITERATIONS));
            HostSchema.createAndSeed(database, c -> {
                DemoData.seed(c, users);
                return null;
            });

            step = "read --datasources";
            List<DatasourceDeclaration> datasources = options.datasourcesFile().map(DatasourceFile::read)
                    .orElse(List.of());
            // Registered with the plugin once it is enabled (DemoData#afterPluginEnabled).
            datasources.forEach(d -> log.info("Declared datasource {}", d));

            step = "start the embedded SMTP server";
            EmbeddedSmtpServer smtp = EmbeddedSmtpServer.start(options.smtpPort());
            resources.push(smtp);
            log.info("SMTP {}", smtp.settings());

            step = "listen on port " + options.port();
            WebServer web = new WebServer(options.port(), options.nodeId());
            resources.push(web);
            int port = web.bind();
            String baseUrl = "http://localhost:" + port + HostConventions.CONTEXT_PATH;
            HostEnvironment environment = new DevHostEnvironment(dataDir, options.nodeId(), baseUrl,
                    database.dataSource(), database.url(), users, smtp.settings(), options.productVersion(),
                    options.buildNumber(), datasources, options.sharedHome());

            step = "load the plugin";
            PluginSystem plugins = loadPlugin(options, environment, log);
            resources.push(plugins);

            step = "start the web server";
            ContentStore store = new ContentStore(jdbc);
            StorageRenderer renderer = new StorageRenderer(plugins::macro, HostConventions.CONTEXT_PATH);
            ContentService content = new ContentService(store, renderer);
            Layout layout = new Layout(plugins, environment, new WebResources(plugins, HostConventions.CONTEXT_PATH));
            web.start(new HostComponents(environment, users, content, plugins, smtp, layout));
            log.info("Node {} serving {} ({} ms)", options.nodeId(), baseUrl, (System.nanoTime() - started) / 1_000_000);

            // After the web server: it waits for the plugin's Active Objects (seconds on a fresh database), and pages
            // other than the demo page need not wait for that.
            step = "register the demo and declared datasources with the plugin";
            // Pushed after the plugin, so closed before it: the demo database shuts down while the plugin still runs.
            resources.push(DemoData.afterPluginEnabled(plugins, users, store, datasources));
            String demoPage = store.page(DemoData.DEMO_SPACE_KEY, DemoData.DEMO_PAGE_TITLE).isPresent()
                    ? baseUrl + "/display/" + DemoData.DEMO_SPACE_KEY + "/"
                    + URLEncoder.encode(DemoData.DEMO_PAGE_TITLE, StandardCharsets.UTF_8)
                    : null;
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new DevHost(environment, smtp, plugins, resources, millis, demoPage);
        } catch (Exception e) {
            closeAll(resources, log);
            String cause = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new DevHostStartException("cannot " + step + ": " + cause, e);
        }
    }

    private static PluginSystem loadPlugin(DevHostOptions options, HostEnvironment environment, Logger log)
            throws Exception {
        if (options.pluginSystem().isPresent()) {
            return options.pluginSystem().get().create(environment);
        }
        if (options.noPlugin()) {
            log.warn("Started with --no-plugin: no macros, servlets or jobs");
            return new EmptyPluginSystem();
        }
        Path jar = options.pluginJar().orElseThrow(() -> new IllegalStateException(
                "no plugin jar found: build it first (mvn -pl plugin package) or pass --plugin JAR"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the plugin jar " + jar + " does not exist");
        }
        log.info("Loading plugin {}", jar);
        PluginSystem plugins = PluginLoader.load(jar, environment);
        log.info("Enabled {} {} ({} macros, {} servlets)", plugins.pluginKey(), plugins.pluginVersion(),
                plugins.macroNames().size(), plugins.servlets().size());
        return plugins;
    }

    /** Sets up slf4j-simple before the first logger is created (later calls change nothing). */
    static void configureLogging(String level) {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", level);
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        // Libraries are chatty at info; their warnings still show.
        String quiet = level.equals("debug") || level.equals("trace") ? level : "warn";
        for (String library : new String[] {"org.eclipse.jetty", "com.zaxxer.hikari", "com.icegreen"}) {
            setIfAbsent("org.slf4j.simpleLogger.log." + library, quiet);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    /** e.g. {@code http://localhost:1990/confluence} */
    public String baseUrl() {
        return environment.baseUrl();
    }

    public HostEnvironment environment() {
        return environment;
    }

    public PluginSystem pluginSystem() {
        return plugins;
    }

    /** The embedded mail server, e.g. to wait for and read messages in tests. */
    public GreenMail greenMail() {
        return smtp.greenMail();
    }

    /** The demo page's address, when the plugin has datasources (absent with {@code --no-plugin}). */
    public Optional<String> demoPageUrl() {
        return Optional.ofNullable(demoPageUrl);
    }

    /** How long {@link #start} took. */
    public long startupMillis() {
        return startupMillis;
    }

    /** Blocks until {@link #close()} ran (e.g. from the shutdown hook on SIGTERM). */
    public void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the web server, the plugin, the mail server and the database, in this order. Idempotent. */
    @Override
    public void close() {
        synchronized (resources) {
            if (closed.getCount() == 0) {
                return;
            }
            Logger log = LoggerFactory.getLogger(DevHost.class);
            closeAll(resources, log);
            log.info("Dev host node {} stopped", environment.nodeId());
            closed.countDown();
        }
    }

    private static void closeAll(Deque<AutoCloseable> resources, Logger log) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
