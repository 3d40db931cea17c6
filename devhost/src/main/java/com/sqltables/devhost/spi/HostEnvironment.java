package com.sqltables.devhost.spi;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/** What the plugin system needs from the web host (implemented by the web host, created at start-up). */
public interface HostEnvironment {
    /** The dev host's data directory (kept across restarts). */
    Path dataDir();

    /** This node's home directory (Confluence's local home): node-local state only. */
    default Path localHome() {
        return dataDir();
    }

    /** The home directory every node of the cluster shares (Confluence's shared home): e.g. the plugin's
     *  encryption key file lives here, so all nodes must see the same directory. */
    default Path sharedHome() {
        return dataDir().resolve("shared-home");
    }

    /** This node's id; two dev hosts with different ids on one database form a cluster. */
    String nodeId();

    /** Canonical base URL, e.g. {@code http://localhost:1990/confluence} (no trailing slash). */
    String baseUrl();

    /** The host's own database (H2 under the data directory by default, or {@code --db-url}); AO lives here too. */
    DataSource database();

    /** JDBC URL of {@link #database()}, for choosing the AO dialect and schema. */
    String databaseUrl();

    UserDirectory users();

    SmtpSettings smtp();

    /** Confluence version the host pretends to be, e.g. {@code 8.5.16}. */
    String productVersion();

    /** Confluence build number the host pretends to be, e.g. {@code 9012}. */
    String buildNumber();

    /** Extra datasources declared with {@code --datasources FILE}, validated, in file order (empty when none). */
    default List<DatasourceDeclaration> datasources() {
        return List.of();
    }
}
