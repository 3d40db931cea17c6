package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * "Test connection" on PostgreSQL with real roles: memberships that reach beyond reading — predefined
 * roles for server files, programs, other sessions and all data, a superuser role to switch to —
 * are warned about whether granted directly or through another role; a read-only role is not. The
 * {@code select_}, {@code pgReadFile_} and {@code copyTo…_} tests show why: each danger works from a
 * read-only transaction.
 */
public class PostgresWriteAccessTest {
    private static final TestDatabase DATABASE = TestDatabase.POSTGRESQL;
    private static final String PASSWORD = "probe-pw";
    private static final String[] ROLES = {"st_probe_reader", "st_probe_readers", "st_probe_files", "st_probe_writefiles",
        "st_probe_program", "st_probe_readall", "st_probe_writeall", "st_probe_signal", "st_probe_inherits",
        "st_probe_program_group", "st_probe_noinherit", "st_probe_su", "st_probe_su_member", "st_probe_createrole"};

    private final ConnectionTester tester = new ConnectionTester(new PropertiesI18nResolver());

    @BeforeClass
    public static void createRoles() throws SQLException {
        dropRoles();
        TestSql.execute(DATABASE, "CREATE TABLE st_probe_data (id INT)",
                // A read-only group role: membership alone is no danger.
                "CREATE ROLE st_probe_readers NOLOGIN", "GRANT SELECT ON st_probe_data TO st_probe_readers",
                login("st_probe_reader"), "GRANT st_probe_readers TO st_probe_reader",
                login("st_probe_files"), "GRANT pg_read_server_files TO st_probe_files",
                "GRANT EXECUTE ON FUNCTION pg_read_file(text) TO st_probe_files",
                login("st_probe_writefiles"), "GRANT pg_write_server_files TO st_probe_writefiles",
                login("st_probe_program"), "GRANT pg_execute_server_program TO st_probe_program",
                login("st_probe_readall"), "GRANT pg_read_all_data TO st_probe_readall",
                login("st_probe_writeall"), "GRANT pg_write_all_data TO st_probe_writeall",
                login("st_probe_signal"), "GRANT pg_signal_backend TO st_probe_signal",
                // Inherited: login role -> group role -> pg_execute_server_program.
                "CREATE ROLE st_probe_program_group NOLOGIN",
                "GRANT pg_execute_server_program TO st_probe_program_group",
                login("st_probe_inherits"), "GRANT st_probe_program_group TO st_probe_inherits",
                // Without INHERIT the rights are one SET ROLE away.
                login("st_probe_noinherit") + " NOINHERIT", "GRANT pg_read_server_files TO st_probe_noinherit",
                "CREATE ROLE st_probe_su NOLOGIN SUPERUSER",
                login("st_probe_su_member"), "GRANT st_probe_su TO st_probe_su_member",
                login("st_probe_createrole") + " CREATEROLE");
    }

    @AfterClass
    public static void dropRoles() {
        TestSql.executeQuietly(DATABASE, "DROP TABLE st_probe_data");
        for (String role : ROLES) {
            TestSql.executeQuietly(DATABASE, "DROP OWNED BY " + role, "DROP ROLE " + role);
        }
    }

    @Test
    public void testConnection_readOnlyRoleInAReadOnlyGroup_getsNoWarning() {
        ConnectionTestResult result = tester.test(as("st_probe_reader"), PASSWORD);

        assertTrue(result.getMessage(), result.isSuccess());
        assertEquals(Optional.empty(), result.getWriteWarning());
    }

    @Test
    public void testConnection_memberOfPgReadServerFiles_isWarnedItCanReadServerFiles() {
        assertWarning("st_probe_files", "is a member of pg_read_server_files: it can read any file the database"
                + " server may read");
    }

    @Test
    public void testConnection_memberOfPgWriteServerFiles_isWarnedItCanWriteServerFiles() {
        assertWarning("st_probe_writefiles", "is a member of pg_write_server_files: it can write files wherever the"
                + " database server may write");
    }

    @Test
    public void testConnection_memberOfPgExecuteServerProgram_isWarnedItCanRunPrograms() {
        ConnectionTestResult result = tester.test(as("st_probe_program"), PASSWORD);

        assertEquals(Optional.of("The database account is a member of pg_execute_server_program: it can run any"
                + " program on the database server as the database's operating-system user (COPY \u2026 TO PROGRAM),"
                + " even from a read-only transaction. SQL Tables refuses writes on read-only datasources, but an"
                + " account with read rights only is the safest protection."), result.getWriteWarning());
    }

    @Test
    public void testConnection_memberOfPgReadAllData_isWarnedGrantsCannotLimitIt() {
        assertWarning("st_probe_readall", "is a member of pg_read_all_data: it may read every table");
    }

    @Test
    public void testConnection_memberOfPgWriteAllData_isWarnedItCanWriteEveryTable() {
        String warning = assertWarning("st_probe_writeall", "is a member of pg_write_all_data: it may insert, update"
                + " and delete rows of every table");
        // PostgreSQL reports those rights per table as well.
        assertTrue(warning, warning.contains("may insert, update or delete rows of "));
    }

    @Test
    public void testConnection_memberOfPgSignalBackend_isWarnedItCanEndOtherSessions() {
        assertWarning("st_probe_signal", "is a member of pg_signal_backend: a SELECT can cancel or end the sessions of"
                + " other users");
    }

    @Test
    public void testConnection_membershipThroughAGroupRole_isWarnedAbout() {
        assertWarning("st_probe_inherits", "is a member of pg_execute_server_program:");
    }

    @Test
    public void testConnection_membershipWithoutInherit_isWarnedAbout() {
        assertWarning("st_probe_noinherit", "is a member of pg_read_server_files:");
    }

    @Test
    public void testConnection_memberOfASuperuserRole_isWarnedItCanSwitchToIt() {
        assertWarning("st_probe_su_member", "is a member of the superuser role st_probe_su: it can switch to it");
    }

    @Test
    public void select_memberOfASuperuserRole_becomesSuperuserInAReadOnlyTransaction() throws SQLException {
        // Why the membership is flagged: one SELECT, allowed by the statement check, makes the session superuser.
        try (Connection connection = DriverManager.getConnection(url(), "st_probe_su_member", PASSWORD);
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (ResultSet rs = statement.executeQuery("SELECT set_config('role', 'st_probe_su', true),"
                    + " current_setting('transaction_read_only')")) {
                rs.next();
                assertEquals("on", rs.getString(2));
            }
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('is_superuser')")) {
                rs.next();
                assertEquals("on", rs.getString(1));
            }
            connection.rollback();
        }
    }

    @Test
    public void copyToFile_memberOfPgWriteServerFiles_writesAServerFileInAReadOnlyTransaction() throws Exception {
        // Why the membership is flagged: a read-only transaction does not stop COPY TO a file.
        Path file = Files.createTempDirectory("st-probe").resolve("written.txt");
        openToTheServer(file.getParent());
        try {
            readOnly("st_probe_writefiles", "COPY (SELECT 'written') TO '" + file + "'");

            assertEquals("written", Files.readString(file).trim());
        } finally {
            Files.deleteIfExists(file);
            Files.delete(file.getParent());
        }
    }

    @Test
    public void pgReadFile_memberOfPgReadServerFiles_readsAServerFileInAReadOnlyTransaction() throws Exception {
        // pg_read_file needs EXECUTE on it too (granted above); then any absolute path is readable.
        Path file = Files.createTempDirectory("st-probe").resolve("secret.txt");
        openToTheServer(file.getParent());
        Files.writeString(file, "secret");
        assertTrue(file.toFile().setReadable(true, false));
        try (Connection connection = DriverManager.getConnection(url(), "st_probe_files", PASSWORD);
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (ResultSet rs = statement.executeQuery("SELECT pg_read_file('" + file + "'),"
                    + " current_setting('transaction_read_only')")) {
                rs.next();
                assertEquals("secret", rs.getString(1));
                assertEquals("on", rs.getString(2));
            }
            connection.rollback();
        } finally {
            Files.delete(file);
            Files.delete(file.getParent());
        }
    }

    @Test
    public void copyToProgram_memberOfPgExecuteServerProgram_runsAProgramInAReadOnlyTransaction() throws Exception {
        Path file = Files.createTempDirectory("st-probe").resolve("ran.txt");
        openToTheServer(file.getParent());
        try {
            readOnly("st_probe_program", "COPY (SELECT 'ran') TO PROGRAM 'cat > " + file + "'");

            assertEquals("ran", Files.readString(file).trim());
        } finally {
            Files.deleteIfExists(file);
            Files.delete(file.getParent());
        }
    }

    @Test
    public void testConnection_createRole_isWarnedAbout() {
        assertWarning("st_probe_createrole", "has CREATEROLE: it may create roles");
    }

    private String assertWarning(String role, String expected) {
        ConnectionTestResult result = tester.test(as(role), PASSWORD);

        assertTrue(result.getMessage(), result.isSuccess());
        String warning = result.getWriteWarning().orElseThrow(() -> new AssertionError("no warning for " + role));
        assertTrue(warning, warning.contains("The database account " + expected));
        assertTrue(warning, warning.endsWith("an account with read rights only is the safest protection."));
        return warning;
    }

    /** Runs one statement as {@code role} in a read-only transaction, as a read-only datasource would. */
    private static void readOnly(String role, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url(), role, PASSWORD);
             Statement statement = connection.createStatement()) {
            connection.setReadOnly(true);
            connection.setAutoCommit(false);
            try (ResultSet rs = statement.executeQuery("SELECT current_setting('transaction_read_only')")) {
                rs.next();
                assertEquals("on", rs.getString(1));
            }
            statement.execute(sql);
            connection.rollback();
        }
    }

    /** The server may run as another operating-system user than the tests. */
    private static void openToTheServer(Path directory) {
        assertTrue(directory.toFile().setWritable(true, false) && directory.toFile().setExecutable(true, false));
    }

    private static String login(String role) {
        return "CREATE ROLE " + role + " LOGIN PASSWORD '" + PASSWORD + "'";
    }

    private static String url() {
        // The shared URL names the superuser (?user=…), which PgJDBC would prefer to the user property.
        return DATABASE.jdbcUrl().replaceAll("\\?.*$", "");
    }

    private static DatasourceSettings as(String role) {
        return TestPools.settingsFor(DATABASE).jdbcUrl(url()).username(role).build();
    }
}
