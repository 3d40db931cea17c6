package com.sqltables.confluence.query.execution;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.DriverConnectionSource;
import com.sqltables.confluence.datasource.pool.WriteAccessProbe;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Optional;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * "Test connection" for datasource settings an administrator is editing (saved or not): opens one
 * connection straight from the driver, outside any pool, asks the database who it is and whether the
 * account could change data ({@link WriteAccessProbe}), and closes it. The settings' URL and properties
 * must have passed {@code JdbcUrlPolicy} first.
 */
@Named
public final class ConnectionTester {
    private static final String CONNECTED = "com.sqltables.confluence.query.connected";

    private final I18nResolver i18n;

    /** @param i18n words the result and the warning of {@link WriteAccessProbe} in the administrator's language */
    @Inject
    public ConnectionTester(@ComponentImport I18nResolver i18n) {
        this.i18n = i18n;
    }

    /**
     * @param settings the settings to try (their password ciphertext is ignored)
     * @param plainPassword the password to use, or {@code null} for none
     */
    public ConnectionTestResult test(DatasourceSettings settings, String plainPassword) {
        JdbcDriverFamily family = JdbcDriverFamily.of(settings.getConnectionKind());
        DriverConnectionSource source = DriverConnectionSource.create(settings.getConnectionKind(),
                settings.getJdbcUrl(), settings.getUsername(), plainPassword, settings.getConnectionProperties(),
                settings.isReadOnly(), settings.getConnectionTimeoutMs());
        Failures.Context context = new Failures.Context(settings.getName() == null ? "" : settings.getName(), family,
                settings.isReadOnly(), settings.getQueryTimeoutSeconds(), source::mask);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ConnectionTester.class.getClassLoader());
        try (Connection connection = source.getConnection()) {
            int seconds = Math.max(1, settings.getConnectionTimeoutMs() / 1000);
            if (!connection.isValid(seconds)) {
                return failure(new QueryException(QueryFailure.CONNECTION_FAILED, Failures.text("no.answer",
                        String.valueOf(seconds))));
            }
            DatabaseMetaData metaData = connection.getMetaData();
            String product = metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion();
            Optional<String> warning = WriteAccessProbe.warning(WriteAccessProbe.check(connection, family), i18n);
            String masked = source.mask(product);
            return ConnectionTestResult.success(i18n.getText(CONNECTED, masked), masked, warning.orElse(null));
        } catch (SQLException e) {
            return failure(Failures.fromConnect(e, context));
        } catch (RuntimeException e) {
            return failure(new QueryException(QueryFailure.INTERNAL, Failures.text("test.unexpected",
                    source.mask(String.valueOf(e.getMessage())))));
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private ConnectionTestResult failure(QueryException e) {
        return ConnectionTestResult.failure(e, e.text(i18n));
    }
}
