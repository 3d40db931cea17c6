package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Databases that cannot be reached, and datasources that cannot be used: clear errors, nothing leaked. */
public class ConnectionFailuresTest {
    private TestPools test;
    private QueryExecutor executor;
    private final ConnectionTester tester = new ConnectionTester(new PropertiesI18nResolver());

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

    /** @return a local port nobody listens on */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static DatasourceSettings down(ConnectionKind kind, String url) {
        return DatasourceSettings.builder().name("Down").connectionKind(kind).jdbcUrl(url).username("reporter")
                .passwordCiphertext(TestPools.encrypted("pw")).connectionTimeoutMs(1_000).poolSize(2).build();
    }

    private QueryException executeFailing(Datasource datasource) {
        return assertThrows(QueryException.class, () -> executor.execute(
                QueryRequest.builder(datasource, "SELECT 1").build(), new CollectingSink()));
    }

    @Test
    public void execute_postgresOnAClosedPort_reportsConnectionFailedAndLeaksNothing() throws Exception {
        Datasource datasource = test.store(down(ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/sales"));

        QueryException e = executeFailing(datasource);

        assertEquals(e.getMessage(), QueryFailure.CONNECTION_FAILED, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().startsWith("Could not connect to the database of datasource 'Down': "));
        assertTrue(e.getMessage(), e.getMessage().contains("refused"));
        PoolStats stats = test.pools().stats(datasource.getId()).get();
        assertEquals(0, stats.getActive());
        assertEquals(0, stats.getTotal());
    }

    @Test
    public void execute_mariaDbOnAClosedPort_reportsConnectionFailed() throws Exception {
        Datasource datasource = test.store(down(ConnectionKind.MARIADB,
                "jdbc:mariadb://127.0.0.1:" + closedPort() + "/shop"));

        QueryException e = executeFailing(datasource);

        assertEquals(e.getMessage(), QueryFailure.CONNECTION_FAILED, e.getFailure());
        assertEquals(0, test.pools().stats(datasource.getId()).get().getActive());
    }

    @Test
    public void execute_unknownHost_saysSo() {
        Datasource datasource = test.store(down(ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://no-such-host.invalid:5432/sales"));

        QueryException e = executeFailing(datasource);

        assertEquals(e.getMessage(), QueryFailure.UNKNOWN_HOST, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().contains("no-such-host.invalid"));
    }

    @Test
    public void execute_undecryptablePassword_saysWhatToDo() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).passwordCiphertext("v1:ffffffff:AAAA")
                .build());

        QueryException e = executeFailing(datasource);

        assertEquals(QueryFailure.PASSWORD_UNREADABLE, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().contains("enter its password again"));
        assertFalse(e.getMessage().contains("AAAA"));
    }

    @Test
    public void execute_deletedDatasource_saysItIsGone() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        test.delete(datasource.getId());

        QueryException e = executeFailing(datasource);

        assertEquals(QueryFailure.DATASOURCE_NOT_FOUND, e.getFailure());
        assertEquals("Datasource " + datasource.getName() + " no longer exists.", e.getMessage());
    }

    @Test
    public void testConnection_closedPort_reportsConnectionFailed() throws Exception {
        ConnectionTestResult result = tester.test(down(ConnectionKind.POSTGRESQL,
                "jdbc:postgresql://127.0.0.1:" + closedPort() + "/sales"), "pw");

        assertFalse(result.isSuccess());
        assertEquals(Optional.of(QueryFailure.CONNECTION_FAILED), result.getFailure());
        assertEquals(Optional.empty(), result.getDatabaseProduct());
    }
}
