package com.sqltables.bench;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.access.DatasourcePermissions;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.macro.Definitions;
import com.sqltables.confluence.macro.RenderContextFactory;
import com.sqltables.confluence.macro.ResultCache;
import com.sqltables.confluence.macro.SqlTableMacro;
import com.sqltables.confluence.macro.SqlTableService;
import com.sqltables.confluence.macro.render.I18nTableTexts;
import com.sqltables.confluence.macro.render.ResultTableRenderer;
import com.sqltables.confluence.macro.render.TableOptions;
import com.sqltables.confluence.query.execution.QueryException;
import com.sqltables.confluence.query.execution.QueryExecutor;
import com.sqltables.confluence.query.execution.QueryRequest;
import com.sqltables.confluence.sql.ReadOnlyStatementValidator;
import com.sqltables.confluence.sql.SqlDialect;
import com.sqltables.confluence.usage.event.MacroRender;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sql-table macro wired as Confluence wires it, from the app's real components: definitions, access
 * rules, read-only validator, pools, executor, renderer, result cache and usage counters. Only the stores
 * (maps) and the host services ({@link BenchHost}) stand in for Confluence.
 *
 * <p>Three read-only H2 datasources: {@code Bench} (row cap = the timed table's size, as an administrator
 * allowing tables that large would set it), {@code Bench large} (row cap = the largest table, for the
 * allocation figures; the cap reaches the driver as the statement's maximum row count), and
 * {@code Bench pool} (the small pool of the concurrency and leak checks, with a one-second query timeout
 * and the shortest connection timeout HikariCP allows, 250 ms, so busy and timed-out renders happen).
 */
final class BenchApp implements AutoCloseable {
    static final String TABLE_QUERY_PREFIX = "Bench rows ";
    static final String LARGE_QUERY_PREFIX = "Bench large rows ";
    static final String ONE_ROW = "Bench one row";
    /** The same one-row query on {@code Bench}, so that measuring it leaves the small pool unused. */
    static final String ONE_ROW_TIMED = "Bench one row timed";
    static final String ONE_ROW_SQL = "SELECT id, label FROM bench_one WHERE id = 1";
    static final String UNKNOWN_TABLE = "Bench unknown table";
    static final String DIVISION_BY_ZERO = "Bench division by zero";
    static final String SLEEPING = "Bench sleeping";
    /** Holds its connection for 40 ms: 200 of them on 10 connections queue longer than the connection timeout. */
    static final String PAUSE = "Bench pause";

    final BenchHost host = new BenchHost();
    final RecordingUsageEvents usage = new RecordingUsageEvents();
    final Datasource bench;
    final Datasource large;
    final Datasource small;
    private final InMemoryStores stores = new InMemoryStores();
    private final I18nResolver i18n = new BenchHost.PropertiesI18n();
    private final DatasourcePools pools;
    private final QueryExecutor executor;
    private final ResultTableRenderer renderer = new ResultTableRenderer();
    private final ReadOnlyStatementValidator validator = new ReadOnlyStatementValidator();
    private final SqlTableMacro macro;
    private final ConversionContext pageView;

    BenchApp(BenchDatabase database, BenchConfig config) {
        bench = stores.addDatasource(settings("Bench", database).poolSize(4).queryTimeoutSeconds(120)
                .maxRows(Math.max(config.renderRows, config.cachedRows)).build());
        large = stores.addDatasource(settings("Bench large", database).poolSize(4).queryTimeoutSeconds(120)
                .maxRows(config.maxRows()).build());
        small = stores.addDatasource(settings("Bench pool", database).poolSize(config.poolSize)
                .connectionTimeoutMs(250).queryTimeoutSeconds(1).build());
        for (int rows : new int[] {config.renderRows, config.cachedRows}) {
            if (!stores.hasQuery(TABLE_QUERY_PREFIX + rows)) {
                stores.addQuery(TABLE_QUERY_PREFIX + rows, bench, BenchDatabase.tableSql(rows));
            }
        }
        for (int rows : config.tableSizes()) {
            stores.addQuery(LARGE_QUERY_PREFIX + rows, large, BenchDatabase.tableSql(rows));
        }
        stores.addQuery(ONE_ROW, small, ONE_ROW_SQL);
        stores.addQuery(ONE_ROW_TIMED, bench, ONE_ROW_SQL);
        stores.addQuery(UNKNOWN_TABLE, small, "SELECT id FROM bench_missing_table");
        stores.addQuery(DIVISION_BY_ZERO, small, "SELECT id / (id - 1) AS boom FROM bench_one");
        stores.addQuery(PAUSE, small, "SELECT id, label, BENCH_SLEEP(40) AS paused FROM bench_one WHERE id = 1");
        // Four seconds on a datasource with a one-second timeout. H2 does not stop this query (it sleeps
        // inside a Java function), so the executor's watchdog (timeout + 1 s grace) reports the timeout
        // and the render ends when the query does: well after the watchdog, even on a loaded machine.
        stores.addQuery(SLEEPING, small, "SELECT BENCH_SLEEP(100) FROM SYSTEM_RANGE(1, 40)");

        pools = new DatasourcePools(stores.datasourceStore(), datasource -> null);
        executor = new QueryExecutor(pools);
        Definitions definitions = new Definitions(stores.datasourceStore(), stores.savedQueryStore());
        SqlTableService service = new SqlTableService(definitions, new DatasourcePermissions(host.userManager()),
                validator, executor, renderer, new ResultCache(), usage, i18n);
        macro = new SqlTableMacro(service, new RenderContextFactory(host.userManager(), host.httpContext()),
                host.pageBuilder());
        pageView = host.pageView();
    }

    private static DatasourceSettings.Builder settings(String name, BenchDatabase database) {
        return DatasourceSettings.builder().name(name).connectionKind(ConnectionKind.H2).jdbcUrl(database.url())
                .username(BenchDatabase.USER).readOnly(true).allowedSpaces(List.of())
                .allowedGroups(List.of()).connectionTimeoutMs(10_000);
    }

    /** @return the HTML of the saved query's macro on a page view */
    String renderMacro(String queryName, int cacheSeconds) {
        Map<String, String> parameters = new HashMap<>();
        parameters.put("query", queryName);
        if (cacheSeconds > 0) {
            parameters.put("cacheSeconds", Integer.toString(cacheSeconds));
        }
        return macro.execute(parameters, null, pageView);
    }

    /** @return how this thread's last {@link #renderMacro} ended */
    MacroRender.Outcome lastOutcome() {
        return usage.takeLast();
    }

    /** @return the table rendered by the executor and renderer alone (no macro, access rules or cache) */
    String renderDirect(int rows) throws QueryException {
        StringBuilder html = new StringBuilder(1024);
        executor.execute(QueryRequest.builder(bench, BenchDatabase.tableSql(rows)).maxRows(rows).build(),
                renderer.sink(html, TableOptions.defaults(), new I18nTableTexts(i18n)));
        return html.toString();
    }

    /** Runs the read-only check every uncached render of a read-only datasource runs. */
    void checkReadOnly(String sql) {
        validator.validate(sql, SqlDialect.of(ConnectionKind.H2));
    }

    /** @return connections of the datasource's pool lent out right now (0 if it has no pool yet) */
    int activeConnections(Datasource datasource) {
        Optional<PoolStats> stats = pools.stats(datasource.getId());
        return stats.map(PoolStats::getActive).orElse(0);
    }

    @Override
    public void close() {
        executor.destroy();
        pools.destroy();
        validator.close();
    }
}
