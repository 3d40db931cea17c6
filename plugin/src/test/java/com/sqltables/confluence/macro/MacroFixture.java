package com.sqltables.confluence.macro;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.web.context.HttpContext;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.sqltables.confluence.access.DatasourcePermissions;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.macro.render.ResultTableRenderer;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.confluence.query.execution.QueryExecutor;
import com.sqltables.confluence.sql.ReadOnlyStatementValidator;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.host.ao.HostActiveObjects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.servlet.http.HttpServletRequest;

/**
 * The sql-table macro wired as in Confluence, on real parts: the app's stores on H2 through the real
 * Active Objects ORM, real pools and executor against an H2 database with sample data, the real
 * validator, renderer, cache and usage counters. Only host services are mocked: the current user and
 * group membership (SAL {@code UserManager}), the request ({@code HttpContext}), the conversion context
 * and the web-resource assembler.
 */
final class MacroFixture implements AutoCloseable {
    static final String SAMPLE_URL = "jdbc:h2:mem:sqlt-macro-sample;DB_CLOSE_DELAY=-1";
    static final int SALES_ROWS = 5;

    static final UserKey ANALYST = new UserKey("key-analyst");
    static final UserKey FINANCE = new UserKey("key-finance");
    static final UserKey OUTSIDER = new UserKey("key-outsider");
    /** A Confluence system administrator in none of the datasources' groups. */
    static final UserKey SYSADMIN = new UserKey("key-sysadmin");

    final HostActiveObjects ao;
    final DefaultDatasourceStore datasources;
    final DefaultSavedQueryStore queries;
    final DatasourcePools pools;
    final QueryExecutor executor;
    final ReadOnlyStatementValidator validator;
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final ResultCache cache;
    final Definitions definitions;
    final InMemoryUsageEvents usage;
    final PropertiesI18nResolver i18n = new PropertiesI18nResolver();
    final UserManager userManager = mock(UserManager.class);
    final HttpContext httpContext = mock(HttpContext.class);
    final PageBuilderService pageBuilder = mock(PageBuilderService.class, RETURNS_DEEP_STUBS);
    final SqlTableMacro macro;
    final Datasource sales;
    final Datasource finance;
    final Datasource open;
    /** Not read-only, so SQL skips the statement check (which refuses, e.g., line breaks in quoted names). */
    final Datasource scratch;
    private final Connection sample;

    MacroFixture() throws SQLException {
        ao = TestDatabase.H2.activeObjects();
        TestDatabase.H2.clean();
        sample = DriverManager.getConnection(SAMPLE_URL, "sa", "");
        createSampleData();
        datasources = new DefaultDatasourceStore(ao);
        queries = new DefaultSavedQueryStore(ao);
        sales = datasources.create(settings("Sales").inlineSqlAllowed(true).allowedGroups(List.of("analysts")).build(),
                null);
        finance = datasources.create(settings("Finance").allowedSpaces(List.of("FIN"))
                .allowedGroups(List.of("finance")).build(), null);
        open = datasources.create(settings("Open").inlineSqlAllowed(true).build(), null);
        scratch = datasources.create(settings("Scratch").readOnly(false).inlineSqlAllowed(true)
                .allowedGroups(List.of("analysts")).build(), null);
        createSavedQueries();
        pools = new DatasourcePools(datasources, datasource -> null);
        executor = new QueryExecutor(pools);
        validator = new ReadOnlyStatementValidator();
        cache = new ResultCache(ResultCache.MAX_ENTRIES, ResultCache.MAX_BYTES, ResultCache.MAX_ENTRY_BYTES, nanos::get);
        usage = new InMemoryUsageEvents();
        users();
        definitions = new Definitions(datasources, queries, nanos::get, Definitions.MAX_AGE_SECONDS);
        SqlTableService service = new SqlTableService(definitions, new DatasourcePermissions(userManager),
                validator, executor, new ResultTableRenderer(), cache, usage, i18n);
        macro = new SqlTableMacro(service, new RenderContextFactory(userManager, httpContext), pageBuilder);
    }

    private static DatasourceSettings.Builder settings(String name) {
        return DatasourceSettings.builder().name(name).connectionKind(ConnectionKind.H2).jdbcUrl(SAMPLE_URL)
                .username("sa").readOnly(true);
    }

    private void createSampleData() throws SQLException {
        try (Statement s = sample.createStatement()) {
            s.execute("DROP ALL OBJECTS");
            s.execute("CREATE TABLE sales (id INT PRIMARY KEY, region VARCHAR(20), amount DECIMAL(12,2),"
                    + " sold_on DATE, note VARCHAR(400))");
            s.execute("INSERT INTO sales VALUES (1, 'EU', 1234.50, DATE '2024-01-15', 'first'),"
                    + " (2, 'US', 99.99, DATE '2024-02-01', NULL),"
                    + " (3, 'EU', 10, DATE '2023-12-31', 'plain'),"
                    + " (4, 'APAC', 5000000, DATE '2024-03-10', 'big'),"
                    + " (5, 'US', 0.5, DATE '2024-03-11', 'small')");
            s.execute("CREATE TABLE canary (id INT PRIMARY KEY, val VARCHAR(20))");
            s.execute("INSERT INTO canary VALUES (1, 'alive')");
            s.execute("CREATE TABLE notes (id INT PRIMARY KEY, note VARCHAR(4000))");
        }
    }

    private void createSavedQueries() {
        long salesId = sales.getId();
        queries.create(new SavedQuerySettings("Revenue since", salesId,
                "SELECT region, SUM(amount) AS total FROM sales WHERE sold_on >= :since GROUP BY region ORDER BY region",
                null, List.of(new QueryParameter("since", ParameterType.DATE, null, true, false))), null);
        queries.create(new SavedQuerySettings("Sales in region", salesId,
                "SELECT id, region, amount FROM sales WHERE region = :region ORDER BY id", null,
                List.of(new QueryParameter("region", ParameterType.TEXT, "EU", false, true))), null);
        queries.create(new SavedQuerySettings("Big sales", salesId,
                "SELECT id FROM sales WHERE amount >= :minimum ORDER BY id", null,
                List.of(new QueryParameter("minimum", ParameterType.DECIMAL, "100", false, false))), null);
        queries.create(new SavedQuerySettings("Echo", salesId, "SELECT CAST(:v AS VARCHAR(4000)) AS echoed", null,
                List.of(new QueryParameter("v", ParameterType.TEXT, null, true, true))), null);
        queries.create(new SavedQuerySettings("Context", salesId,
                "SELECT CAST(:spaceKey AS VARCHAR(50)) AS space_key, CAST(:pageId AS BIGINT) AS page_id,"
                        + " CAST(:currentUser AS VARCHAR(50)) AS viewer", null, List.of()), null);
        queries.create(new SavedQuerySettings("All sales", salesId,
                "SELECT id, region, amount, sold_on, note FROM sales ORDER BY id", null, List.of()), null);
        queries.create(new SavedQuerySettings("Notes", salesId, "SELECT id, note FROM notes ORDER BY id", null,
                List.of()), null);
        queries.create(new SavedQuerySettings("Finance count", finance.getId(), "SELECT COUNT(*) AS n FROM sales",
                null, List.of()), null);
        queries.create(new SavedQuerySettings("Open count", open.getId(), "SELECT COUNT(*) AS n FROM sales", null,
                List.of()), null);
        // Fails in the database, whose message quotes the statement: what readers must not see.
        queries.create(new SavedQuerySettings("Open broken", open.getId(),
                "SELECT secret_salary FROM payroll_canary WHERE 1 = 1", null, List.of()), null);
        queries.create(new SavedQuerySettings("Sales broken", salesId,
                "SELECT secret_salary FROM payroll_canary WHERE 2 = 2", null, List.of()), null);
    }

    private void users() {
        when(userManager.isUserInGroup(any(UserKey.class), anyString())).thenReturn(false);
        when(userManager.isUserInGroup(ANALYST, "analysts")).thenReturn(true);
        when(userManager.isUserInGroup(FINANCE, "finance")).thenReturn(true);
        when(userManager.isSystemAdmin(SYSADMIN)).thenReturn(true);
    }

    private static UserProfile profile(UserKey key) {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(key);
        when(profile.getUsername()).thenReturn(key.getStringValue().substring("key-".length()));
        return profile;
    }

    /** Runs SQL on the sample database directly (outside the app). */
    void sampleSql(String sql) throws SQLException {
        try (Statement s = sample.createStatement()) {
            s.execute(sql);
        }
    }

    /** @return the number of rows of a sample table, read directly */
    int sampleCount(String table) throws SQLException {
        try (Statement s = sample.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    Render render() {
        return new Render();
    }

    @Override
    public void close() throws SQLException {
        executor.destroy();
        pools.destroy();
        validator.close();
        sample.close();
    }

    /** One macro render, set up like Confluence would call it. */
    final class Render {
        private final Map<String, String> parameters = new HashMap<>();
        private String body;
        private String outputType = "display";
        private String spaceKey = "SALES";
        private UserKey viewer = ANALYST;
        private UserKey lastModifier = ANALYST;
        private String storedBody;
        private boolean page = true;
        private long pageId = 4242L;
        private String queryString;

        Render param(String name, String value) {
            parameters.put(name, value);
            return this;
        }

        Render query(String name) {
            return param("query", name);
        }

        /** Inline SQL; the page's stored body holds it too, unless {@link #storedBody} says otherwise. */
        Render sql(String datasource, String sql) {
            param("datasource", datasource);
            this.body = sql;
            return this;
        }

        Render output(String outputType) {
            this.outputType = outputType;
            return this;
        }

        Render space(String spaceKey) {
            this.spaceKey = spaceKey;
            return this;
        }

        Render viewer(UserKey viewer) {
            this.viewer = viewer;
            return this;
        }

        Render lastModifier(UserKey lastModifier) {
            this.lastModifier = lastModifier;
            return this;
        }

        Render storedBody(String storedBody) {
            this.storedBody = storedBody;
            return this;
        }

        /** @param pageId the id of the content the macro is on */
        Render page(long pageId) {
            this.pageId = pageId;
            return this;
        }

        Render withoutPage() {
            this.page = false;
            return this;
        }

        /** @param queryString the page URL's raw query string */
        Render url(String queryString) {
            this.queryString = queryString;
            return this;
        }

        String run() {
            ConversionContext context = mock(ConversionContext.class);
            when(context.getOutputType()).thenReturn(outputType);
            when(context.getSpaceKey()).thenReturn(spaceKey);
            if (page) {
                String stored = storedBody != null ? storedBody : TestPage.storageWithSql(body == null ? "" : body);
                when(context.getEntity()).thenReturn(new TestPage(pageId, lastModifier, stored));
            }
            UserProfile profile = viewer == null ? null : profile(viewer);
            when(userManager.getRemoteUser()).thenReturn(profile);
            when(userManager.getRemoteUserKey()).thenReturn(viewer);
            HttpServletRequest request = mock(HttpServletRequest.class);
            when(request.getQueryString()).thenReturn(queryString);
            when(httpContext.getRequest()).thenReturn(request);
            return macro.execute(parameters, body, context);
        }
    }
}
