package com.sqltables.devhost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The dev host's options: parsed from the command line ({@link #parse}) or built by tests ({@link #builder}).
 * Defaults suit a developer in the repository: port 1990, data under {@code devhost-data/} at the repository
 * root, the newest plugin jar in {@code plugin/target}.
 */
public final class DevHostOptions {
    public static final int DEFAULT_PORT = 1990;
    public static final int DEFAULT_SMTP_PORT = 2465;
    public static final String DEFAULT_NODE_ID = "node1";
    public static final String DEFAULT_PRODUCT_VERSION = "8.5.16";
    public static final String DEFAULT_BUILD_NUMBER = "9012";
    static final String DATA_DIR_NAME = "devhost-data";
    private static final Set<String> LOG_LEVELS = Set.of("trace", "debug", "info", "warn", "error", "off");
    private static final Set<String> VALUE_OPTIONS = Set.of("--port", "--data-dir", "--db-url", "--db-user",
            "--db-password", "--smtp-port", "--node-id", "--datasources", "--log-level", "--plugin",
            "--product-version", "--build-number", "--shared-home");
    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final int port;
    private final Path dataDir;
    private final Path sharedHome;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private final int smtpPort;
    private final String nodeId;
    private final Path datasourcesFile;
    private final String logLevel;
    private final Path pluginJar;
    private final boolean noPlugin;
    private final String productVersion;
    private final String buildNumber;
    private final boolean help;
    private final PluginSystemFactory pluginSystem;

    private DevHostOptions(Builder b) {
        this.port = b.port;
        this.dataDir = b.dataDir;
        this.sharedHome = b.sharedHome;
        this.dbUrl = b.dbUrl;
        this.dbUser = b.dbUser;
        this.dbPassword = b.dbPassword;
        this.smtpPort = b.smtpPort;
        this.nodeId = b.nodeId;
        this.datasourcesFile = b.datasourcesFile;
        this.logLevel = b.logLevel;
        this.pluginJar = b.pluginJar;
        this.noPlugin = b.noPlugin;
        this.productVersion = b.productVersion;
        this.buildNumber = b.buildNumber;
        this.help = b.help;
        this.pluginSystem = b.pluginSystem;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * @throws IllegalArgumentException with a message for the user when an option is unknown or invalid
     */
    public static DevHostOptions parse(String... args) {
        Builder b = builder();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--help":
                case "-h":
                    b.help = true;
                    continue;
                case "--no-plugin":
                    b.noPlugin = true;
                    continue;
                default:
                    break;
            }
            if (!VALUE_OPTIONS.contains(arg)) {
                throw new IllegalArgumentException(arg.startsWith("-") ? "Unknown option " + arg
                        : "Unexpected argument '" + arg + "'");
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg.startsWith("-") ? "Option " + arg + " needs a value"
                            : "Unexpected argument '" + arg + "'");
                }
                value = args[++i];
            }
            switch (arg) {
                case "--port" -> b.port(port(arg, value));
                case "--data-dir" -> b.dataDir(Path.of(value));
                case "--shared-home" -> b.sharedHome(Path.of(value));
                case "--db-url" -> b.dbUrl(value);
                case "--db-user" -> b.dbUser(value);
                case "--db-password" -> b.dbPassword(value);
                case "--smtp-port" -> b.smtpPort(port(arg, value));
                case "--node-id" -> b.nodeId(value);
                case "--datasources" -> b.datasourcesFile(Path.of(value));
                case "--log-level" -> b.logLevel(value);
                case "--plugin" -> b.pluginJar(Path.of(value));
                case "--product-version" -> b.productVersion(value);
                case "--build-number" -> b.buildNumber(value);
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        return b.build();
    }

    /** The text of {@code --help}. */
    public static String usage() {
        return String.join("\n",
                "Usage: java -jar sql-tables-devhost-<version>-all.jar [options]",
                "",
                "Runs the SQL Tables plugin jar as Confluence would, without Confluence (like AMPS's atlas-run).",
                "Open http://localhost:<port>/confluence and log in as admin/admin, author/author, viewer/viewer",
                "or outsider/outsider.",
                "",
                "Options:",
                "  --port N               HTTP port on 127.0.0.1 (default " + DEFAULT_PORT + "; 0 = any free port)",
                "  --data-dir DIR         where the H2 database and other state live, kept across restarts",
                "                         (default: " + DATA_DIR_NAME + "/ at the repository root, else in the",
                "                         working directory)",
                "  --shared-home DIR      Confluence's shared home (holds the plugin's encryption key); nodes of",
                "                         one cluster must share it (default: shared-home/ in the data directory)",
                "  --db-url URL           JDBC URL of the host database instead of H2 under the data directory,",
                "                         e.g. jdbc:postgresql://localhost:5432/confluence (H2 and PostgreSQL)",
                "  --db-user USER         database user (default sa for the built-in H2)",
                "  --db-password PW       database password",
                "  --smtp-port N          port of the embedded SMTPS server on 127.0.0.1 (default "
                        + DEFAULT_SMTP_PORT + "; 0 = any free port)",
                "  --node-id ID           this node's id; dev hosts with different ids on one --db-url form a",
                "                         cluster (default " + DEFAULT_NODE_ID + ")",
                "  --datasources FILE     extra datasources to declare at start: a .json file",
                "                         ([{\"name\": ..., \"url\": \"jdbc:...\", \"username\": ..., \"password\": ...}])",
                "                         or a properties file (datasource.<name>.url=jdbc:..., .username, .password)",
                "  --log-level LEVEL      trace, debug, info (default), warn, error or off",
                "  --plugin JAR           the plugin jar to load (default: newest plugin/target/sql-tables-plugin-*.jar",
                "                         found from the working directory upwards)",
                "  --no-plugin            start without any plugin (for working on the host itself)",
                "  --product-version V    Confluence version to report (default " + DEFAULT_PRODUCT_VERSION + ")",
                "  --build-number N       Confluence build number to report (default " + DEFAULT_BUILD_NUMBER + ")",
                "  --help                 this text");
    }

    private static int port(String option, String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 0 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a port number between 0 and 65535, not '" + value + "'");
        }
    }

    public int port() { return port; }
    public boolean help() { return help; }
    public int smtpPort() { return smtpPort; }
    public String nodeId() { return nodeId; }
    public Optional<Path> datasourcesFile() { return Optional.ofNullable(datasourcesFile); }
    public String logLevel() { return logLevel; }
    public boolean noPlugin() { return noPlugin; }
    public String productVersion() { return productVersion; }
    public String buildNumber() { return buildNumber; }
    Optional<PluginSystemFactory> pluginSystem() { return Optional.ofNullable(pluginSystem); }

    /** The data directory, defaulted relative to the working directory. */
    public Path dataDir() {
        if (dataDir != null) {
            return dataDir.toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("devhost"))
                    && Files.isDirectory(dir.resolve("plugin"))) {
                return dir.resolve(DATA_DIR_NAME);
            }
        }
        return cwd.resolve(DATA_DIR_NAME);
    }

    /** The cluster-wide shared home: {@code --shared-home}, or {@code shared-home/} in the data directory. */
    public Path sharedHome() {
        return sharedHome != null ? sharedHome.toAbsolutePath().normalize() : dataDir().resolve("shared-home");
    }

    /** The JDBC URL: {@code --db-url}, or an H2 file database in the data directory. */
    public String dbUrl() {
        if (dbUrl != null) {
            return dbUrl;
        }
        // DB_CLOSE_DELAY=-1: open until the host shuts it down; AUTO_SERVER off: one process owns the file.
        return "jdbc:h2:file:" + dataDir().resolve("db").resolve("confluence").toString().replace('\\', '/')
                + ";DB_CLOSE_DELAY=-1;AUTO_SERVER=FALSE";
    }

    public String dbUser() {
        return dbUser != null ? dbUser : dbUrl == null ? "sa" : null;
    }

    public String dbPassword() {
        return dbPassword != null ? dbPassword : dbUrl == null ? "" : null;
    }

    /**
     * The plugin jar: {@code --plugin}, else the newest {@code plugin/target/sql-tables-plugin-*.jar} found from the
     * working directory upwards.
     */
    public Optional<Path> pluginJar() {
        if (pluginJar != null) {
            return Optional.of(pluginJar.toAbsolutePath().normalize());
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path target = dir.resolve("plugin").resolve("target");
            if (Files.isDirectory(target)) {
                Optional<Path> newest = newestPluginJar(target);
                if (newest.isPresent()) {
                    return newest;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<Path> newestPluginJar(Path target) {
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith("sql-tables-plugin-") && name.endsWith(".jar") && !name.endsWith("-sources.jar")
                        && !name.endsWith("-javadoc.jar") && !name.endsWith("-tests.jar");
            }).max(Comparator.comparing(DevHostOptions::modified));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Builds options for {@link DevHost#start}; tests usually want {@code port(0).smtpPort(0).dataDir(tmp)}. */
    public static final class Builder {
        private int port = DEFAULT_PORT;
        private Path dataDir;
        private Path sharedHome;
        private String dbUrl;
        private String dbUser;
        private String dbPassword;
        private int smtpPort = DEFAULT_SMTP_PORT;
        private String nodeId = DEFAULT_NODE_ID;
        private Path datasourcesFile;
        private String logLevel = "info";
        private Path pluginJar;
        private boolean noPlugin;
        private String productVersion = DEFAULT_PRODUCT_VERSION;
        private String buildNumber = DEFAULT_BUILD_NUMBER;
        private boolean help;
        private PluginSystemFactory pluginSystem;

        private Builder() {
        }

        public Builder port(int port) { this.port = port; return this; }
        public Builder dataDir(Path dataDir) { this.dataDir = dataDir; return this; }
        public Builder sharedHome(Path sharedHome) { this.sharedHome = sharedHome; return this; }
        public Builder dbUrl(String dbUrl) { this.dbUrl = dbUrl; return this; }
        public Builder dbUser(String dbUser) { this.dbUser = dbUser; return this; }
        public Builder dbPassword(String dbPassword) { this.dbPassword = dbPassword; return this; }
        public Builder smtpPort(int smtpPort) { this.smtpPort = smtpPort; return this; }
        public Builder nodeId(String nodeId) { this.nodeId = nodeId; return this; }
        public Builder datasourcesFile(Path file) { this.datasourcesFile = file; return this; }
        public Builder logLevel(String logLevel) { this.logLevel = logLevel; return this; }
        public Builder pluginJar(Path jar) { this.pluginJar = jar; return this; }
        public Builder noPlugin() { this.noPlugin = true; return this; }
        public Builder productVersion(String version) { this.productVersion = version; return this; }
        public Builder buildNumber(String buildNumber) { this.buildNumber = buildNumber; return this; }

        /** Uses this plugin system instead of loading a jar (tests of the web host with a fake plugin). */
        public Builder pluginSystem(PluginSystemFactory factory) { this.pluginSystem = factory; return this; }

        /** @throws IllegalArgumentException when an option is invalid */
        public DevHostOptions build() {
            if (!NODE_ID.matcher(nodeId).matches()) {
                throw new IllegalArgumentException("--node-id must be 1-64 letters, digits, '.', '_' or '-', not '"
                        + nodeId + "'");
            }
            logLevel = logLevel.toLowerCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(logLevel)) {
                throw new IllegalArgumentException("--log-level must be one of trace, debug, info, warn, error, off; not '"
                        + logLevel + "'");
            }
            if (dbUrl != null && !dbUrl.startsWith("jdbc:")) {
                throw new IllegalArgumentException("--db-url must be a JDBC URL (jdbc:h2:... or jdbc:postgresql:...)");
            }
            return new DevHostOptions(this);
        }
    }
}
