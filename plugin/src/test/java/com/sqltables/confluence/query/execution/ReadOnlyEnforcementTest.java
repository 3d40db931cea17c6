package com.sqltables.confluence.query.execution;

import static org.hamcrest.CoreMatchers.is;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.pool.TestPools;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * The second read-only layer, on its own: write statements handed to the executor directly — past the
 * statement check — on a read-only datasource whose account could write (each database's superuser).
 * The data must be unchanged afterwards, and the connections all back in the pool.
 */
@RunWith(Parameterized.class)
public class ReadOnlyEnforcementTest {
    private static final String SNAPSHOT = "SELECT id, v FROM st_ro_guard ORDER BY id";

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    @Rule
    public final ErrorCollector errors = new ErrorCollector();

    private TestPools test;
    private QueryExecutor executor;
    private Datasource readOnly;
    private String before;

    @Before
    public void setUp() throws SQLException {
        TestSql.executeQuietly(database, "DROP TABLE st_ro_guard", "DROP TABLE st_ro_created", "DROP SEQUENCE st_ro_seq");
        TestSql.execute(database, "CREATE TABLE st_ro_guard (id INT PRIMARY KEY, v VARCHAR(50))",
                "INSERT INTO st_ro_guard VALUES (1, 'one')", "INSERT INTO st_ro_guard VALUES (2, 'two')",
                "CREATE SEQUENCE st_ro_seq");
        before = TestSql.snapshot(database, SNAPSHOT);
        test = TestPools.create();
        executor = new QueryExecutor(test.pools());
        // One connection: every statement meets whatever the previous one left on it.
        readOnly = test.store(TestPools.settingsFor(database).readOnly(true).poolSize(1).build());
    }

    @After
    public void tearDown() {
        executor.destroy();
        test.close();
        TestSql.executeQuietly(database, "DROP TABLE st_ro_created");
    }

    /** Writes every database refuses or undoes. */
    private List<String> writes() {
        List<String> writes = new ArrayList<>(List.of(
                "INSERT INTO st_ro_guard VALUES (3, 'three')",
                "UPDATE st_ro_guard SET v = 'changed'",
                "DELETE FROM st_ro_guard",
                "INSERT INTO st_ro_guard SELECT id + 10, v FROM st_ro_guard",
                "MERGE INTO st_ro_guard g USING (SELECT 1 AS id) s ON g.id = s.id WHEN MATCHED THEN DELETE"));
        switch (database) {
            case POSTGRESQL:
                writes.addAll(List.of(
                        "WITH gone AS (DELETE FROM st_ro_guard RETURNING *) SELECT * FROM gone",
                        "SELECT * FROM st_ro_guard FOR UPDATE",
                        "SELECT nextval('st_ro_seq')",
                        "CREATE TABLE st_ro_created (x INT)",
                        "CREATE TEMP TABLE st_ro_guard (id INT, v VARCHAR(50))",
                        "DROP TABLE st_ro_guard",
                        "TRUNCATE st_ro_guard",
                        "ALTER TABLE st_ro_guard ADD COLUMN w INT",
                        // Each alone is harmless; the next statement must still be refused.
                        "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
                        "DELETE FROM st_ro_guard",
                        "SELECT set_config('default_transaction_read_only', 'off', false)",
                        "DELETE FROM st_ro_guard",
                        "SET TRANSACTION READ WRITE",
                        "DELETE FROM st_ro_guard",
                        // Several statements that would leave our transaction for a writable one.
                        "COMMIT; SET TRANSACTION READ WRITE; DELETE FROM st_ro_guard",
                        "SET TRANSACTION READ WRITE; DELETE FROM st_ro_guard",
                        "ROLLBACK; BEGIN READ WRITE; DELETE FROM st_ro_guard; COMMIT"));
                break;
            case MARIADB:
                writes.remove(4);
                writes.addAll(List.of(
                        "REPLACE INTO st_ro_guard VALUES (1, 'replaced')",
                        "SELECT NEXTVAL(st_ro_seq)",
                        "CREATE TABLE st_ro_created (x INT)",
                        "CREATE TEMPORARY TABLE st_ro_guard (id INT, v VARCHAR(50))",
                        "DROP TABLE st_ro_guard",
                        "TRUNCATE TABLE st_ro_guard",
                        "ALTER TABLE st_ro_guard ADD COLUMN w INT",
                        "SET SESSION TRANSACTION READ WRITE",
                        "CREATE TABLE st_ro_created (x INT)",
                        "SET SESSION TRANSACTION READ WRITE",
                        "DELETE FROM st_ro_guard",
                        "SET autocommit = 1",
                        "DELETE FROM st_ro_guard",
                        "COMMIT; DELETE FROM st_ro_guard",
                        "SELECT 1; DELETE FROM st_ro_guard"));
                break;
            default:
                // H2 has no read-only transaction: its DML is undone by the rollback alone (DDL is not:
                // H2ExecutionTest).
                break;
        }
        return writes;
    }

    @Test
    public void execute_writesPastTheStatementCheck_leaveTheDataUnchanged() throws Exception {
        for (String write : writes()) {
            try {
                executor.execute(QueryRequest.builder(readOnly, write).build(), new CollectingSink());
                // Session settings change nothing by themselves; the statement after each must fail.
                boolean harmless = write.startsWith("SET ") || write.startsWith("SELECT set_config");
                errors.checkThat(write + " must fail where the database enforces read-only",
                        harmless || database == TestDatabase.H2, is(true));
            } catch (QueryException e) {
                errors.checkThat(write + ": " + e.getMessage(), e.getFailure() == QueryFailure.READ_ONLY_VIOLATION
                        || e.getFailure() == QueryFailure.SQL_ERROR, is(true));
            }
            errors.checkThat("after " + write, TestSql.snapshot(database, SNAPSHOT), is(before));
        }
        assertFalse(TestSql.tableExists(database, "st_ro_created"));
        assertEquals(0, test.pools().stats(readOnly.getId()).get().getActive());
    }
}
