package com.sqltables.devhost;

import com.sqltables.devhost.spi.DatasourceDeclaration;
import com.sqltables.devhost.spi.HostEnvironment;
import com.sqltables.devhost.spi.SmtpSettings;
import com.sqltables.devhost.spi.UserDirectory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.List;

/** The running host as the plugin system sees it. */
record DevHostEnvironment(Path dataDir, String nodeId, String baseUrl, DataSource database, String databaseUrl,
                          UserDirectory users, SmtpSettings smtp, String productVersion, String buildNumber,
                          List<DatasourceDeclaration> datasources, Path sharedHome) implements HostEnvironment {
}
