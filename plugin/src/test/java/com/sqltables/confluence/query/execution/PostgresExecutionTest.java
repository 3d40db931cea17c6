package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.sql.SQLException;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/** What only PostgreSQL shows: its read-only transaction, fetches past the driver's timeout, roles. */
public class PostgresExecutionTest {
    private static final TestDatabase DATABASE = TestDatabase.POSTGRESQL;

    private TestPools test;
    private QueryExecutor executor;
    private final ConnectionTester tester = new ConnectionTester(new PropertiesI18nResolver());

    @BeforeClass
    public static void createRolesAndTables() throws SQLException {
        TestSql.executeQuietly(DATABASE, "DROP TABLE st_pg_probe", "DROP OWNED BY st_reader", "DROP OWNED BY st_writer",
                "DROP ROLE st_reader", "DROP ROLE st_writer");
        TestSql.execute(DATABASE, "CREATE TABLE st_pg_probe (id INT)", "INSERT INTO st_pg_probe VALUES (1)",
                "CREATE ROLE st_reader LOGIN PASSWORD 'reader-pw'", "GRANT SELECT ON st_pg_probe TO st_reader",
                "CREATE ROLE st_writer LOGIN PASSWORD 'writer-pw'", "GRANT SELECT, INSERT ON st_pg_probe TO st_writer");
    }

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

    @Test
    public void execute_readOnlyDatasource_runsInAReadOnlyTransactionOfAReadOnlySession() throws Exception {
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(test.store(TestPools.settingsFor(DATABASE).build()),
                "SELECT current_setting('transaction_read_only'), current_setting('default_transaction_read_only')")
                .build(), sink);

        assertEquals("[[on, on]]", sink.rows.toString());
    }

    @Test
    public void execute_writableDatasource_runsInAWritableTransaction() throws Exception {
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(test.store(TestPools.settingsFor(DATABASE).readOnly(false).build()),
                "SELECT current_setting('transaction_read_only')").build(), sink);

        assertEquals("[[off]]", sink.rows.toString());
    }

    @Test
    public void execute_delete_isRefusedAsReadOnlyViolation() {
        Datasource datasource = test.store(TestPools.settingsFor(DATABASE).build());

        QueryException e = assertThrows(QueryException.class, () -> executor.execute(
                QueryRequest.builder(datasource, "DELETE FROM st_pg_probe").build(), new CollectingSink()));

        assertEquals(QueryFailure.READ_ONLY_VIOLATION, e.getFailure());
        assertEquals("25006", e.getSqlState());
        assertEquals("Datasource '" + datasource.getName() + "' is read-only: the database refused to change data"
                + " (ERROR: cannot execute DELETE in a read-only transaction).", e.getMessage());
    }

    @Test
    public void execute_severalStatements_areRefusedBeforeAnyRuns() throws Exception {
        Datasource datasource = test.store(TestPools.settingsFor(DATABASE).build());

        QueryException e = assertThrows(QueryException.class, () -> executor.execute(QueryRequest.builder(datasource,
                "SELECT 1; COMMIT; SET TRANSACTION READ WRITE; DELETE FROM st_pg_probe").build(), new CollectingSink()));

        assertEquals(QueryFailure.READ_ONLY_VIOLATION, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().contains("several statements"));
        assertEquals("1\n", TestSql.snapshot(DATABASE, "SELECT id FROM st_pg_probe"));
    }

    @Test
    public void execute_semicolonsInsideStringsAndComments_areOneStatement() throws Exception {
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(test.store(TestPools.settingsFor(DATABASE).build()),
                "SELECT 'a;b' AS v /* ; */ -- ;\n;").build(), sink);

        assertEquals("[[a;b]]", sink.rows.toString());
    }

    @Test
    public void execute_slowFetchesPastTheDriversTimeout_areEndedByTheWatchdog() throws Exception {
        Datasource datasource = test.store(TestPools.settingsFor(DATABASE).queryTimeoutSeconds(1).build());
        // One row per round trip: PgJDBC times only the first; 30 rows take 9 s unless the watchdog ends them.
        QueryRequest slow = QueryRequest.builder(datasource,
                "SELECT pg_sleep(0.3), g FROM generate_series(1, 30) g").fetchSize(1).build();
        CollectingSink sink = new CollectingSink();

        QueryException e = assertThrows(QueryException.class, () -> executor.execute(slow, sink));

        assertEquals(e.getMessage(), QueryFailure.TIMEOUT, e.getFailure());
        assertTrue("rows were streamed before the end", sink.rows.size() > 0);
        assertTrue(sink.rows.size() < 30);
        assertEquals(0, test.pools().stats(datasource.getId()).get().getActive());
        CollectingSink next = new CollectingSink();
        executor.execute(QueryRequest.builder(datasource, "SELECT 1").build(), next);
        assertEquals("the pool recovers from the aborted connection", 1, next.rows.size());
    }

    @Test
    public void execute_errorQuotingThePassword_showsItMasked() {
        String password = "Sw0rdfish-Secret";
        // The embedded server trusts local connections, so any password connects.
        Datasource datasource = test.store(TestPools.settingsFor(DATABASE)
                .passwordCiphertext(TestPools.encrypted(password)).build());

        QueryException e = assertThrows(QueryException.class, () -> executor.execute(QueryRequest.builder(datasource,
                "SELECT CAST('" + password + "' AS integer)").build(), new CollectingSink()));

        assertEquals(QueryFailure.SQL_ERROR, e.getFailure());
        assertFalse(e.getMessage(), e.getMessage().contains(password));
        assertTrue(e.getMessage(), e.getMessage().contains("\"****\""));
    }

    @Test
    public void testConnection_superuser_isWarnedAbout() {
        ConnectionTestResult result = tester.test(TestPools.settingsFor(DATABASE).build(),
                DATABASE.password());

        assertTrue(result.getMessage(), result.isSuccess());
        assertTrue(result.getDatabaseProduct().get(), result.getDatabaseProduct().get().startsWith("PostgreSQL 16"));
        assertTrue(result.getWriteWarning().get(), result.getWriteWarning().get().contains("is a superuser"));
    }

    @Test
    public void testConnection_roleWithSelectOnly_getsNoWarning() {
        ConnectionTestResult result = tester.test(as("st_reader"), "reader-pw");

        assertTrue(result.getMessage(), result.isSuccess());
        assertEquals(java.util.Optional.empty(), result.getWriteWarning());
    }

    @Test
    public void testConnection_roleThatMayInsert_isWarnedWithTheTable() {
        ConnectionTestResult result = tester.test(as("st_writer"), "writer-pw");

        assertTrue(result.getMessage(), result.isSuccess());
        assertTrue(result.getWriteWarning().get(), result.getWriteWarning().get()
                .contains("may insert, update or delete rows of public.st_pg_probe"));
    }

    private static DatasourceSettings as(String role) {
        // The shared URL names the superuser (?user=…), which PgJDBC would prefer to the user property.
        String url = DATABASE.jdbcUrl().replaceAll("\\?.*$", "");
        return TestPools.settingsFor(DATABASE).jdbcUrl(url).username(role).build();
    }
}
