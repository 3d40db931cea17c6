package com.sqltables.devhost.services;

import com.sqltables.devhost.plugins.testing.TestEnvironment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.AfterClass;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/** The dev host's insert-if-absent, on the two databases it runs on, as two nodes starting use it. */
@RunWith(Parameterized.class)
public class HostTablesTest {
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    @Parameters(name = "{0}")
    public static List<Object[]> databases() {
        return List.of(new Object[] {"H2"}, new Object[] {"PostgreSQL"});
    }

    @Parameter
    public String databaseName;

    private FailedStatements recorder;
    private DataSource database;

    @Before
    public void createTables() throws Exception {
        DataSource plain;
        if (databaseName.equals("H2")) {
            plain = TestEnvironment.h2(TestEnvironment.newH2MemoryUrl());
        } else {
            plain = freshPostgresDatabase();
        }
        HostTables.ensure(plain);
        recorder = new FailedStatements(plain);
        database = recorder.dataSource();
    }

    private static synchronized DataSource freshPostgresDatabase() throws Exception {
        if (postgres == null) {
            postgres = EmbeddedPostgres.start();
        }
        String name = "host_tables_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }

    @AfterClass
    public static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private boolean insertJobStatus(String jobId, boolean disabled) throws Exception {
        try (Connection connection = database.getConnection()) {
            return HostTables.insertIfAbsent(connection, HostTables.JOB_STATUS, "JOB_ID", jobId, "DISABLED", disabled);
        }
    }

    private List<Boolean> disabledFlags(String jobId) throws Exception {
        List<Boolean> flags = new ArrayList<>();
        try (Connection connection = database.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT DISABLED FROM " + HostTables.JOB_STATUS
                     + " WHERE JOB_ID = '" + jobId + "'")) {
            while (rows.next()) {
                flags.add(rows.getBoolean(1));
            }
        }
        return flags;
    }

    @Test
    public void insertIfAbsent_rowExists_keepsItAndRaisesNoDuplicateKey() throws Exception {
        assertTrue(insertJobStatus("usage-flush", true));

        assertFalse("a second node's start finds the row", insertJobStatus("usage-flush", false));

        assertEquals(List.of(true), disabledFlags("usage-flush"));
        assertEquals("statements the database refused", List.of(), recorder.failures());
    }

    @Test
    public void insertIfAbsent_twoNodesAtOnce_insertOneRowAndNeitherFails() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int job = 0; job < 20; job++) {
                String jobId = "job-" + job;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> inserts = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    inserts.add(nodes.submit((Callable<Boolean>) () -> {
                        start.await(10, TimeUnit.SECONDS);
                        return insertJobStatus(jobId, false);
                    }));
                }
                int inserted = 0;
                for (Future<Boolean> insert : inserts) {
                    inserted += insert.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertEquals(jobId, 1, inserted);
                assertEquals(List.of(false), disabledFlags(jobId));
            }
        } finally {
            nodes.shutdownNow();
        }
        if (databaseName.equals("PostgreSQL")) {
            assertEquals("PostgreSQL logs no error even when two nodes race", List.of(), recorder.failures());
        }
    }
}
