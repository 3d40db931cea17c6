package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.sql.BoundParameters;
import com.sqltables.confluence.sql.NamedParameterParser;
import com.sqltables.confluence.sql.ParsedSql;
import com.sqltables.confluence.sql.SqlDialect;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The executor on H2, embedded PostgreSQL and embedded MariaDB. */
@RunWith(Parameterized.class)
public class QueryExecutorTest {
    private static final String UNICODE = "Grüße — 日本語 — 😀 👩‍💻 — עברית — مرحبا";

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private TestPools test;
    private QueryExecutor executor;

    @Before
    public void setUp() {
        test = TestPools.create();
        executor = new QueryExecutor(test.pools());
    }

    @After
    public void tearDown() {
        executor.destroy();
        test.close();
    }

    private Datasource datasource(UnaryOperator<DatasourceSettings.Builder> settings) {
        return test.store(settings.apply(TestPools.settingsFor(database)).build());
    }

    private Datasource datasource() {
        return datasource(b -> b);
    }

    private int active(Datasource datasource) {
        return test.pools().stats(datasource.getId()).get().getActive();
    }

    @Test
    public void execute_noRows_reportsTheColumnsAndAnEmptyResult() throws Exception {
        Datasource datasource = datasource();
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(datasource,
                "SELECT * FROM (" + TestSql.rows(database, 3) + ") r WHERE 1 = 0").build(), sink);

        assertEquals(1, sink.columns.size());
        assertEquals("n", sink.columns.get(0).getLabel());
        assertEquals(ValueKind.INTEGER, sink.columns.get(0).getKind());
        assertEquals(0, sink.rows.size());
        assertEquals(0, sink.endRowCount);
        assertFalse(outcome.isTruncated());
        assertEquals(0, active(datasource));
    }

    @Test
    public void execute_columns_carryLabelSqlTypeAndJavaClass() throws Exception {
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(datasource(), "SELECT CAST(42 AS INTEGER) AS "
                + TestSql.alias(database, "total") + ", 'x' AS " + TestSql.alias(database, "label")).build(), sink);

        ResultColumn total = sink.columns.get(0);
        assertEquals("total", total.getLabel());
        assertEquals(java.sql.Types.INTEGER, total.getSqlType());
        assertEquals("java.lang.Integer", total.getClassName());
        assertEquals(ValueKind.INTEGER, total.getKind());
        assertEquals(1, total.getIndex());
        assertEquals(ValueKind.TEXT, sink.columns.get(1).getKind());
    }

    @Test
    public void execute_oneRow_passesItToTheSink() throws Exception {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(datasource(), TestSql.rows(database, 1)).build(), sink);

        assertEquals(List.of(List.of("1")), sink.rows);
        assertEquals(1, outcome.getRowCount());
        assertEquals(1, sink.starts);
    }

    @Test
    public void execute_manyRows_streamsThemAllInOrder() throws Exception {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(datasource(b -> b.maxRows(10_000)),
                TestSql.rows(database, 2_500)).build(), sink);

        assertEquals(2_500, sink.rows.size());
        assertEquals("1", sink.rows.get(0).get(0));
        assertEquals("2500", sink.rows.get(2_499).get(0));
        assertFalse(outcome.isTruncated());
        assertEquals(2_500, sink.endRowCount);
    }

    @Test
    public void execute_macroMaxRowsBelowTheDatasourceCap_lowersTheCapAndReportsTruncation() throws Exception {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(datasource(b -> b.maxRows(1_000)),
                TestSql.rows(database, 50)).maxRows(10).build(), sink);

        assertEquals(10, sink.rows.size());
        assertEquals("10", sink.rows.get(9).get(0));
        assertTrue(outcome.isTruncated());
        assertTrue(sink.endTruncated);
        assertEquals(10, outcome.getRowCap());
    }

    @Test
    public void execute_macroMaxRowsAboveTheDatasourceCap_neverRaisesIt() throws Exception {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(datasource(b -> b.maxRows(20)),
                TestSql.rows(database, 50)).maxRows(5_000).build(), sink);

        assertEquals(20, sink.rows.size());
        assertTrue(outcome.isTruncated());
        assertEquals(20, outcome.getRowCap());
    }

    @Test
    public void execute_resultExactlyAtTheCap_isNotTruncated() throws Exception {
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(datasource(b -> b.maxRows(20)),
                TestSql.rows(database, 20)).build(), sink);

        assertEquals(20, sink.rows.size());
        assertFalse(outcome.isTruncated());
    }

    @Test
    public void execute_boundParameters_areDataNeverSql() throws Exception {
        String hostile = "x'); DROP TABLE st_exec_nothing; -- " + UNICODE;
        ParsedSql sql = NamedParameterParser.parse(TestSql.echoText(database).replace("?", ":value"),
                SqlDialect.of(TestPools.settingsFor(database).build().getConnectionKind()));
        BoundParameters parameters = BoundParameters.resolve(sql, List.<QueryParameter>of(), Map.of("value", hostile));
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(datasource(), sql.getJdbcSql()).parameters(parameters).build(), sink);

        assertEquals(List.of(List.of(hostile)), sink.rows);
    }

    @Test
    public void execute_storedUnicode_roundTripsExactly() throws Exception {
        TestSql.executeQuietly(database, "DROP TABLE st_exec_unicode");
        TestSql.execute(database, "CREATE TABLE st_exec_unicode (v VARCHAR(200))",
                "INSERT INTO st_exec_unicode VALUES ('" + UNICODE + "')");
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(datasource(), "SELECT v FROM st_exec_unicode").build(), sink);

        assertEquals(UNICODE, sink.rows.get(0).get(0));
    }

    @Test
    public void execute_sleepingQuery_isCancelledAtTheTimeout() throws Exception {
        Datasource datasource = datasource(b -> b.queryTimeoutSeconds(1));

        QueryException e = assertThrows(QueryException.class, () ->
                executor.execute(QueryRequest.builder(datasource, TestSql.sleep(database)).build(), new CollectingSink()));

        assertEquals(e.getMessage(), QueryFailure.TIMEOUT, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().contains("longer than 1 seconds"));
        assertEquals(0, active(datasource));
    }

    @Test
    public void execute_allConnectionsInUse_reportsBusyInsteadOfHanging() throws Exception {
        Datasource datasource = datasource(b -> b.poolSize(1).connectionTimeoutMs(300));
        try (DatasourcePools.Lease held = test.pools().lease(datasource)) {

            QueryException e = assertThrows(QueryException.class, () ->
                    executor.execute(QueryRequest.builder(datasource, TestSql.rows(database, 1)).build(),
                            new CollectingSink()));

            assertEquals(e.getMessage(), QueryFailure.POOL_BUSY, e.getFailure());
            assertEquals("All 1 connections of datasource '" + datasource.getName() + "' are in use. Try again in a"
                    + " moment.", e.getMessage());
        }
        CollectingSink sink = new CollectingSink();
        executor.execute(QueryRequest.builder(datasource, TestSql.rows(database, 1)).build(), sink);
        assertEquals(1, sink.rows.size());
        assertEquals(0, active(datasource));
    }

    @Test
    public void execute_sqlError_reportsTheDatabasesMessageWithoutStackTrace() throws Exception {
        Datasource datasource = datasource();

        QueryException e = assertThrows(QueryException.class, () ->
                executor.execute(QueryRequest.builder(datasource, "SELECT * FROM st_exec_no_such_table").build(),
                        new CollectingSink()));

        assertEquals(QueryFailure.SQL_ERROR, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().toLowerCase().contains("st_exec_no_such_table"));
        assertTrue(e.getMessage().startsWith("The database reported an error: "));
        assertFalse(e.getMessage(), e.getMessage().contains("\tat "));
        assertEquals(0, e.getStackTrace().length);
        assertEquals(0, active(datasource));
    }

    @Test
    public void execute_sinkFails_rollsBackAndGivesTheConnectionBack() throws Exception {
        Datasource datasource = datasource();
        RowSink failing = new CollectingSink() {
            @Override
            public void row(ResultRow row) throws IOException {
                throw new IOException("disk full");
            }
        };

        QueryException e = assertThrows(QueryException.class, () ->
                executor.execute(QueryRequest.builder(datasource, TestSql.rows(database, 5)).build(), failing));

        assertEquals(QueryFailure.OUTPUT_FAILED, e.getFailure());
        assertEquals(0, active(datasource));
    }

    @Test
    public void execute_writableDatasource_commitsWhatSucceeded() throws Exception {
        TestSql.executeQuietly(database, "DROP TABLE st_exec_scratch");
        TestSql.execute(database, "CREATE TABLE st_exec_scratch (id INT)");
        Datasource writable = datasource(b -> b.readOnly(false));
        CollectingSink sink = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(writable,
                "INSERT INTO st_exec_scratch VALUES (1)").build(), sink);

        assertEquals(0, sink.columns.size());
        assertEquals(0, outcome.getRowCount());
        assertEquals("1\n", TestSql.snapshot(database, "SELECT id FROM st_exec_scratch"));
    }

    @Test
    public void execute_updatedDatasource_runsOnTheRebuiltPool() throws Exception {
        Datasource datasource = datasource(b -> b.maxRows(5));
        CollectingSink before = new CollectingSink();
        executor.execute(QueryRequest.builder(datasource, TestSql.rows(database, 50)).build(), before);
        Datasource changed = test.update(datasource, datasource.getSettings().toBuilder().maxRows(7).build());
        CollectingSink after = new CollectingSink();

        QueryOutcome outcome = executor.execute(QueryRequest.builder(changed, TestSql.rows(database, 50)).build(), after);

        assertEquals(5, before.rows.size());
        assertEquals(7, after.rows.size());
        assertEquals(2, outcome.getDatasource().getRevision());
    }
}
