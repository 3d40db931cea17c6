package com.sqltables.confluence.admin;

import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.auth.LoginUriProvider;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.websudo.WebSudoManager;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.audit.ao.AuditLogStore;
import com.sqltables.confluence.audit.ao.DefaultAuditLogStore;
import com.sqltables.confluence.datasource.DatasourceService;
import com.sqltables.confluence.datasource.DefaultDatasourceService;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.datasource.security.DatasourcePasswords;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.confluence.query.ao.SavedQueryStore;
import com.sqltables.confluence.query.execution.ConnectionTester;
import com.sqltables.confluence.query.execution.QueryExecutor;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.sql.ReadOnlyStatementValidator;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.report.UsageReportBuilder;
import com.sqltables.confluence.report.UsageReportConsent;
import com.sqltables.confluence.report.UsageReportJob;
import com.sqltables.confluence.report.UsageReportService;
import com.sqltables.confluence.report.ao.DefaultReportLedgerStore;
import com.sqltables.confluence.report.ao.ReportLedgerStore;
import com.sqltables.confluence.settings.ao.DefaultSettingsStore;
import com.sqltables.confluence.usage.ao.DefaultActiveUserStore;
import com.sqltables.confluence.usage.ao.DefaultRenderedTableStore;
import com.sqltables.confluence.usage.ao.DefaultUsageCounterStore;
import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.mail.server.MailServerManager;
import com.atlassian.mail.server.SMTPMailServer;
import com.atlassian.sal.api.license.LicenseHandler;
import com.sqltables.host.ao.HostActiveObjects;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The admin servlet wired as in Confluence: real stores and services on H2, real Velocity templates and
 * i18n texts; SAL (users, WebSudo, XSRF, login) as test doubles whose state each test sets.
 */
final class AdminFixture {
    static final String TOKEN = "good-token-123";
    static final UserKey ADMIN = new UserKey("admin-key");
    static final UserKey USER = new UserKey("user-key");

    /** Who the next request comes from: {@code null} = anonymous. */
    UserKey currentUser = ADMIN;
    boolean webSudo = true;

    /** The admin screen's texts; a test may translate some, as if the administrator read another language. */
    final PropertiesI18nResolver i18n = new PropertiesI18nResolver();
    final HostActiveObjects ao;
    final DatasourceStore datasourceStore;
    final SavedQueryStore savedQueryStore;
    final AuditLogStore auditStore;
    final DatasourcePasswords passwords;
    final DatasourceService service;
    final SavedQueryAdmin queryAdmin;
    final UsageCounterStore usageCounters;
    final DatasourcePools pools;
    final QueryExecutor executor;
    final ReadOnlyStatementValidator sqlValidator;
    final AdminServlet servlet;
    /** The usage report's consent, ledger and mail server (a mock whose default server each test sets). */
    final UsageReportConsent consent;
    final ReportLedgerStore ledger;
    final MailServerManager mailServers;
    final UsageReportService usageReport;

    AdminFixture(Path sharedHome) {
        TestDatabase database = TestDatabase.H2;
        ao = database.activeObjects();
        database.clean();
        datasourceStore = new DefaultDatasourceStore(ao);
        savedQueryStore = new DefaultSavedQueryStore(ao);
        auditStore = new DefaultAuditLogStore(ao);
        ApplicationProperties properties = mock(ApplicationProperties.class);
        when(properties.getSharedHomeDirectory()).thenReturn(Optional.of(sharedHome));
        passwords = new DatasourcePasswords(properties);
        pools = new DatasourcePools(datasourceStore, passwords);
        service = new DefaultDatasourceService(ao, datasourceStore, savedQueryStore, auditStore, passwords,
                new ConnectionTester(i18n),
                pools);

        UserManager users = mock(UserManager.class);
        when(users.getRemoteUserKey(any(HttpServletRequest.class))).thenAnswer(i -> currentUser);
        when(users.getRemoteUserKey()).thenAnswer(i -> currentUser);
        when(users.isSystemAdmin(any())).thenAnswer(i -> ADMIN.equals(i.getArgument(0)));
        UserProfile adminProfile = mock(UserProfile.class);
        when(adminProfile.getFullName()).thenReturn("Ada <Admin>");
        when(users.getUserProfile(ADMIN)).thenReturn(adminProfile);
        LoginUriProvider login = mock(LoginUriProvider.class);
        when(login.getLoginUri(any())).thenAnswer(i -> URI.create(FakeHttp.CONTEXT + "/login.action?os_destination="
                + i.getArgument(0, URI.class)));
        WebSudoManager sudo = mock(WebSudoManager.class);
        when(sudo.canExecuteRequest(any())).thenAnswer(i -> webSudo);
        doAnswer(i -> {
            i.getArgument(1, HttpServletResponse.class).sendRedirect(FakeHttp.CONTEXT + "/authenticate.action");
            return null;
        }).when(sudo).enforceWebSudoProtection(any(), any());
        XsrfTokenValidator validator = new XsrfTokenValidator() {
            @Override
            public boolean validateFormEncodedToken(HttpServletRequest request) {
                return TOKEN.equals(request.getParameter("atl_token"));
            }

            @Override
            public String getXsrfParameterName() {
                return "atl_token";
            }
        };
        XsrfTokenAccessor accessor = (request, response, create) -> TOKEN;
        PageBuilderService pageBuilder = mock(PageBuilderService.class, RETURNS_DEEP_STUBS);
        AdminAccess access = new AdminAccess(users, login, sudo, validator);
        AdminPages pages = new AdminPages(new VelocityTemplateRenderer(), i18n, accessor, validator,
                pageBuilder);
        usageCounters = new DefaultUsageCounterStore(ao);
        queryAdmin = new SavedQueryAdmin(ao, savedQueryStore, auditStore, new SavedQueryRenderCounts(usageCounters));
        executor = new QueryExecutor(pools);
        sqlValidator = new ReadOnlyStatementValidator();
        consent = new UsageReportConsent(new DefaultSettingsStore(ao));
        ledger = new DefaultReportLedgerStore(ao);
        mailServers = mock(MailServerManager.class);
        LicenseHandler license = mock(LicenseHandler.class);
        when(license.getServerId()).thenReturn("BQ7X-2K9M-ADMIN-TEST");
        when(properties.getVersion()).thenReturn("8.5.4");
        when(properties.getBuildNumber()).thenReturn("9012");
        UserAccessor userAccessor = mock(UserAccessor.class);
        when(userAccessor.countLicenseConsumingUsers()).thenReturn(42);
        DefaultActiveUserStore activeUsers = new DefaultActiveUserStore(ao);
        DefaultRenderedTableStore tables = new DefaultRenderedTableStore(ao);
        UsageReportBuilder builder = new UsageReportBuilder(license, properties, userAccessor, datasourceStore, savedQueryStore,
                new DefaultUsageCounterStore(ao), activeUsers, tables);
        usageReport = new UsageReportService(consent, builder,
                new UsageReportJob(consent, builder, ledger, activeUsers, tables, mailServers), ledger, mailServers);
        servlet = new AdminServlet(access, pages, service, queryAdmin, new QueryPreview(service, sqlValidator, executor), auditStore,
                usageReport);
    }

    /** Stops the pools and threads the preview started. */
    void close() {
        executor.destroy();
        pools.destroy();
        sqlValidator.close();
    }

    /** Sends a request as the current user and returns the answer. */
    FakeHttp.Response send(FakeHttp.Request request) throws IOException {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(request.build(), response.build());
        return response;
    }

    static FakeHttp.Request get(String path) {
        return new FakeHttp.Request("GET", path);
    }

    /** A POST carrying the valid XSRF token (and the JSON header, harmless on forms). */
    static FakeHttp.Request post(String path) {
        return new FakeHttp.Request("POST", path).param("atl_token", TOKEN)
                .header(AdminAccess.TOKEN_HEADER, AdminAccess.TOKEN_HEADER_VALUE);
    }

    /** A complete, valid datasource form on an in-memory H2 database. */
    static FakeHttp.Request datasourceForm(FakeHttp.Request request, String name) {
        return request.param("name", name).param("connectionKind", "H2").param("jdbcUrl", "jdbc:h2:mem:admin_" + Math.abs(name.hashCode()))
                .param("username", "sa").param("readOnly", "true").param("poolSize", "3")
                .param("connectionTimeoutMs", "5000").param("queryTimeoutSeconds", "20").param("maxRows", "500")
                .param("allowedSpaces", "DEMO, OPS").param("allowedGroups", "");
    }

    int datasourceCount() {
        return datasourceStore.list().size();
    }

    int auditCount() {
        return auditStore.list(0, 1).getTotal();
    }
}
