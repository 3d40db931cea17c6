package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * What H2 does not enforce, recorded so that {@code ReadOnlySupport.H2}'s documentation stays true (if
 * one of these starts failing, H2 got stricter: update the documentation), and its accounts.
 */
public class H2ExecutionTest {
    private static final TestDatabase DATABASE = TestDatabase.H2;

    private TestPools test;
    private QueryExecutor executor;
    private final ConnectionTester tester = new ConnectionTester(new PropertiesI18nResolver());
    private Datasource readOnly;

    @BeforeClass
    public static void createUsers() throws SQLException {
        TestSql.executeQuietly(DATABASE, "DROP TABLE st_h2_probe", "DROP USER st_reader", "DROP USER st_writer");
        TestSql.execute(DATABASE, "CREATE TABLE st_h2_probe (id INT)",
                "CREATE USER st_reader PASSWORD 'reader-pw'", "GRANT SELECT ON st_h2_probe TO st_reader",
                "CREATE USER st_writer PASSWORD 'writer-pw'", "GRANT SELECT, INSERT ON st_h2_probe TO st_writer");
    }

    @Before
    public void setUp() throws SQLException {
        TestSql.executeQuietly(DATABASE, "DROP TABLE st_h2_created", "DELETE FROM st_h2_probe");
        TestSql.execute(DATABASE, "INSERT INTO st_h2_probe VALUES (1)");
        test = TestPools.create();
        executor = new QueryExecutor(test.pools());
        readOnly = test.store(TestPools.settingsFor(DATABASE).build());
    }

    @After
    public void tearDown() {
        executor.destroy();
        test.close();
        TestSql.executeQuietly(DATABASE, "DROP TABLE st_h2_created");
    }

    @Test
    public void execute_dml_isUndoneByTheRollback() throws Exception {
        executor.execute(QueryRequest.builder(readOnly, "DELETE FROM st_h2_probe").build(), new CollectingSink());

        assertEquals("1\n", TestSql.snapshot(DATABASE, "SELECT id FROM st_h2_probe"));
    }

    @Test
    public void execute_ddl_isCommittedByH2Itself() throws Exception {
        executor.execute(QueryRequest.builder(readOnly, "CREATE TABLE st_h2_created (x INT)").build(), new CollectingSink());

        assertTrue(TestSql.tableExists(DATABASE, "st_h2_created"));
    }

    @Test
    public void execute_severalStatementsEndingInCommit_areCommittedByH2Itself() throws Exception {
        executor.execute(QueryRequest.builder(readOnly, "DELETE FROM st_h2_probe; COMMIT").build(), new CollectingSink());

        assertEquals("", TestSql.snapshot(DATABASE, "SELECT id FROM st_h2_probe"));
    }

    @Test
    public void testConnection_admin_isWarnedAbout() {
        ConnectionTestResult result = tester.test(TestPools.settingsFor(DATABASE).build(),
                DATABASE.password());

        assertTrue(result.getMessage(), result.isSuccess());
        assertTrue(result.getWriteWarning().get(), result.getWriteWarning().get().contains("is an H2 administrator"));
    }

    @Test
    public void testConnection_userWithSelectOnly_getsNoWarning() {
        ConnectionTestResult result = tester.test(as("ST_READER"), "reader-pw");

        assertTrue(result.getMessage(), result.isSuccess());
        assertEquals(Optional.empty(), result.getWriteWarning());
    }

    @Test
    public void testConnection_userThatMayInsert_isWarnedWithTheTable() {
        ConnectionTestResult result = tester.test(as("ST_WRITER"), "writer-pw");

        assertTrue(result.getMessage(), result.isSuccess());
        assertTrue(result.getWriteWarning().get(), result.getWriteWarning().get()
                .contains("may insert, update or delete rows of PUBLIC.ST_H2_PROBE"));
    }

    @Test
    public void execute_wrongPassword_reportsAuthenticationFailure() {
        Datasource datasource = test.store(as("ST_READER").toBuilder()
                .passwordCiphertext(TestPools.encrypted("not-the-password")).connectionTimeoutMs(1_000).build());

        QueryException e = org.junit.Assert.assertThrows(QueryException.class, () -> executor.execute(
                QueryRequest.builder(datasource, "SELECT 1").build(), new CollectingSink()));

        assertEquals(e.getMessage(), QueryFailure.AUTHENTICATION_FAILED, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().startsWith("The database refused the user name or password of"
                + " datasource '" + datasource.getName() + "': "));
        assertEquals(0, test.pools().stats(datasource.getId()).get().getActive());
    }

    @Test
    public void testConnection_wrongPassword_reportsAuthenticationFailure() {
        ConnectionTestResult result = tester.test(as("ST_READER"), "not-the-password");

        assertEquals(Optional.of(QueryFailure.AUTHENTICATION_FAILED), result.getFailure());
    }

    @Test
    public void testConnection_success_saysWhatItConnectedTo() {
        ConnectionTestResult result = tester.test(as("ST_READER"), "reader-pw");

        assertEquals("Connected to " + result.getDatabaseProduct().get() + ".", result.getMessage());
        assertTrue(result.getMessage(), result.getMessage().startsWith("Connected to H2 2."));
    }

    @Test
    public void testConnection_isWordedInTheAdministratorsLanguage() {
        PropertiesI18nResolver german = new PropertiesI18nResolver();
        german.translate("com.sqltables.confluence.query.connected", "Verbunden mit {0}.");
        german.translate("com.sqltables.confluence.query.failure.authentication",
                "Die Datenbank lehnt Benutzername oder Passwort der Datenquelle \u201e{0}\u201c ab: {1}");
        ConnectionTester tester = new ConnectionTester(german);

        ConnectionTestResult success = tester.test(as("ST_READER"), "reader-pw");
        ConnectionTestResult failure = tester.test(as("ST_READER"), "not-the-password");

        assertEquals("Verbunden mit " + success.getDatabaseProduct().get() + ".", success.getMessage());
        assertTrue(failure.getMessage(), failure.getMessage().startsWith("Die Datenbank lehnt Benutzername oder"
                + " Passwort der Datenquelle \u201e" + as("ST_READER").getName() + "\u201c ab: "));
        assertTrue(failure.getMessage(), failure.getMessage().contains("28000"));
    }

    private static DatasourceSettings as(String user) {
        // Without the shared URL's settings: H2 runs them as SET commands, which need admin rights.
        return TestPools.settingsFor(DATABASE).jdbcUrl("jdbc:h2:mem:sqltables").username(user)
                .passwordCiphertext(null).build();
    }
}
