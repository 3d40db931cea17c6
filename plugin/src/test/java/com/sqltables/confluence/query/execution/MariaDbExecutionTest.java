package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.sql.SQLException;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/** What only MariaDB shows: its read-only transaction and the MySQL URL scheme. */
public class MariaDbExecutionTest {
    private static final TestDatabase DATABASE = TestDatabase.MARIADB;

    private TestPools test;
    private QueryExecutor executor;
    private final ConnectionTester tester = new ConnectionTester(new PropertiesI18nResolver());

    @BeforeClass
    public static void createTable() throws SQLException {
        TestSql.executeQuietly(DATABASE, "DROP TABLE st_ma_probe");
        TestSql.execute(DATABASE, "CREATE TABLE st_ma_probe (id INT)", "INSERT INTO st_ma_probe VALUES (1)");
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
    public void execute_readOnlyDatasource_runsInAReadOnlyTransactionWithoutAutoCommit() throws Exception {
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(test.store(TestPools.settingsFor(DATABASE).build()),
                "SELECT @@transaction_read_only, @@session.transaction_read_only, @@autocommit").build(), sink);

        assertEquals("[[1, 1, 0]]", sink.rows.toString());
    }

    @Test
    public void execute_delete_isRefusedAsReadOnlyViolation() {
        Datasource datasource = test.store(TestPools.settingsFor(DATABASE).build());

        QueryException e = assertThrows(QueryException.class, () -> executor.execute(
                QueryRequest.builder(datasource, "DELETE FROM st_ma_probe").build(), new CollectingSink()));

        assertEquals(QueryFailure.READ_ONLY_VIOLATION, e.getFailure());
        assertEquals(1792, e.getVendorCode());
        assertTrue(e.getMessage(), e.getMessage().contains("Cannot execute statement in a READ ONLY transaction"));
    }

    @Test
    public void execute_mysqlDatasourceWithMysqlUrl_isServedByTheMariaDbDriver() throws Exception {
        Datasource datasource = test.store(TestPools.settingsFor(DATABASE).connectionKind(ConnectionKind.MYSQL)
                .jdbcUrl(DATABASE.jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:")).build());
        CollectingSink sink = new CollectingSink();

        executor.execute(QueryRequest.builder(datasource, "SELECT @@transaction_read_only").build(), sink);

        assertEquals("[[1]]", sink.rows.toString());
    }

    @Test
    public void testConnection_namesTheServer() {
        // The embedded server runs without grant tables (any account, any password, SHOW GRANTS refused):
        // accounts are tested on H2 and PostgreSQL, the reading of SHOW GRANTS in WriteAccessProbeTest.
        ConnectionTestResult result = tester.test(TestPools.settingsFor(DATABASE).build(),
                DATABASE.password());

        assertTrue(result.getMessage(), result.isSuccess());
        assertTrue(result.getDatabaseProduct().get(), result.getDatabaseProduct().get().contains("MariaDB"));
    }
}
