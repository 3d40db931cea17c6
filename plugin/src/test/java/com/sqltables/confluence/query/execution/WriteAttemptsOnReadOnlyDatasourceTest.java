package com.sqltables.confluence.query.execution;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.sql.BoundParameters;
import com.sqltables.confluence.sql.NamedParameterParser;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.ParsedSql;
import com.sqltables.confluence.sql.ReadOnlyStatementValidator;
import com.sqltables.confluence.sql.SqlCorpus;
import com.sqltables.confluence.sql.SqlDialect;
import com.sqltables.confluence.sql.SqlRejectedException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.AfterClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Every write attempt of the corpus, run on real databases through a read-only datasource whose account
 * may write (so that only the app's own layers can stop it), in two ways:
 * <ul>
 * <li>{@link Layers#RENDER}: as a macro render does it — named-parameter parser, statement check,
 * executor — on H2, PostgreSQL and MariaDB, every case on every database (also those written for
 * another one). Each must be refused by some layer, except the few that are a plain read in that
 * database's dialect ({@link #READS_IN_THIS_DIALECT}).</li>
 * <li>{@link Layers#EXECUTOR_ONLY}: the cases written for PostgreSQL or MariaDB, handed to the executor
 * directly, past the statement check, where the read-only transaction alone must refuse them. What the
 * database accepts by design is listed in {@link #LET_THROUGH_BY_THE_DATABASE}, exactly: a listed case
 * must run, any other must be refused. H2 has no read-only transaction, so it has no such run.</li>
 * </ul>
 * After every case the canary table, the sequence, the schema's objects and privileges, and the files
 * the corpus names must be exactly as before. Each database is a dedicated one, created by its owner
 * here, with the canary table and sequence of the corpus header.
 */
@RunWith(Parameterized.class)
public class WriteAttemptsOnReadOnlyDatasourceTest {
    private static final String CORPUS = "/corpus/write-attempts.sql-corpus";
    private static final String CANARY_DB = "st_canary";
    private static final String WRITER = "st_canary_writer";
    private static final String WRITER_PASSWORD = "writer-Pw-1";
    private static final String H2_URL = "jdbc:h2:mem:st_canary;DB_CLOSE_DELAY=-1";
    /** The files the corpus tries to write; checked for existence and content before and after. */
    private static final Pattern FILE_PATH = Pattern.compile("'(/tmp/[^' ]+)'");

    /**
     * Cases the read-only transaction lets through on its own; the database must still be unchanged
     * after each (and the files too, but for {@link #WRITES_A_SERVER_FILE}). The statement check refuses
     * all of them.
     */
    private static final Map<TestDatabase, Set<String>> LET_THROUGH_BY_THE_DATABASE = new EnumMap<>(Map.of(
            // PostgreSQL allows these in a read-only transaction: session settings (PgJDBC opens the next
            // unit of work READ ONLY again), a COMMIT of nothing, PREPARE (its EXECUTE is refused), LOCK
            // TABLE and NOTIFY/pg_notify (released or discarded by the rollback), and pg_advisory_lock (a
            // session lock that stays on the pooled connection: no data, but held until it closes). The
            // two executable-comment cases are plain comments there: a read.
            TestDatabase.POSTGRESQL, Set.of("commit", "lock-table", "prepare-delete", "set-read-write",
                    "set-transaction-read-write", "notify", "pg-set-config", "pg-advisory-lock", "pg-notify-function",
                    "mariadb-executable-comment", "mariadb-versioned-executable-comment"),
            // MariaDB: session variables and named locks (session state, not data), a COMMIT of nothing, a
            // shared row lock the rollback releases, and two reads of the server's files: LOAD_FILE
            // returns /etc/passwd to an account with the FILE privilege, and INTO OUTFILE/DUMPFILE (also
            // behind an executable comment or MariaDB's "--" without a space) WRITE a server file — see
            // WRITES_A_SERVER_FILE.
            TestDatabase.MARIADB, Set.of("commit", "select-into-variable", "lock-in-share-mode", "set-variable",
                    "mariadb-load-file", "mariadb-get-lock", "select-into-outfile", "select-into-dumpfile",
                    "mariadb-executable-comment", "mariadb-dash-dash-is-minus")));

    /**
     * Cases that MariaDB's read-only transaction does not stop from writing a file on the database
     * server when the account has the FILE privilege (here every account has it: the embedded server
     * runs without grant tables). The statement check refuses them on the render path, and a real
     * datasource account must not have FILE; this asserts the database layer's gap precisely (the file
     * appears, the database is unchanged), so that it is known rather than assumed away.
     */
    private static final Set<String> WRITES_A_SERVER_FILE = Set.of("select-into-outfile", "select-into-dumpfile",
            "mariadb-executable-comment", "mariadb-dash-dash-is-minus");

    /**
     * Cases written for another database that are a plain read in this one: in MariaDB {@code 1--1} is
     * one minus minus one, elsewhere {@code --1 INTO OUTFILE …} is a comment, leaving {@code SELECT 1}.
     * They must run, and change nothing.
     */
    private static final Map<TestDatabase, Set<String>> READS_IN_THIS_DIALECT = new EnumMap<>(Map.of(
            TestDatabase.H2, Set.of("mariadb-dash-dash-is-minus"),
            TestDatabase.POSTGRESQL, Set.of("mariadb-dash-dash-is-minus"),
            TestDatabase.MARIADB, Set.of()));

    /** How much of the pipeline a case runs through. */
    enum Layers {
        RENDER, EXECUTOR_ONLY
    }

    @Parameter(0)
    public SqlCorpus.Case writeAttempt;
    @Parameter(1)
    public TestDatabase database;
    @Parameter(2)
    public Layers layers;

    private static final Map<TestDatabase, Canary> CANARIES = new EnumMap<>(TestDatabase.class);
    private static TestPools test;
    private static QueryExecutor executor;
    private static ReadOnlyStatementValidator validator;
    private static final List<String> LOG = new ArrayList<>();

    @Parameters(name = "{0} [{1}, {2}]")
    public static Collection<Object[]> cases() {
        List<SqlCorpus.Case> corpus = SqlCorpus.read(CORPUS);
        List<Object[]> rows = new ArrayList<>();
        for (TestDatabase database : TestDatabase.values()) {
            for (Layers layers : Layers.values()) {
                if (layers == Layers.EXECUTOR_ONLY && database == TestDatabase.H2) {
                    // H2 has no read-only transaction: only the statement check stands (ReadOnlySupport.H2).
                    continue;
                }
                for (SqlCorpus.Case c : corpus) {
                    // Through the whole render path every case runs everywhere, also those written for
                    // another database: SQL Server's or Oracle's syntax must not slip through either.
                    if (layers == Layers.RENDER || c.dialects.contains(dialect(database))) {
                        rows.add(new Object[] {c, database, layers});
                    }
                }
            }
        }
        return rows;
    }

    private static SqlDialect dialect(TestDatabase database) {
        return SqlDialect.of(ConnectionKind.valueOf(database.name()));
    }

    @AfterClass
    public static void tearDown() {
        if (executor != null) {
            executor.destroy();
        }
        if (test != null) {
            test.close();
        }
        if (validator != null) {
            validator.close();
        }
        LOG.forEach(System.out::println);
    }

    @Test
    public void writeAttempt_onReadOnlyDatasource_isRefusedAndChangesNothing() throws Exception {
        Canary canary = canary(database);
        String before = canary.databaseSnapshot();
        Map<Path, String> filesBefore = canary.fileSnapshot();
        Datasource datasource = layers == Layers.RENDER ? canary.render : canary.executorOnly;
        String refusal = null;
        Map<Path, String> filesAfter;
        try {
            try {
                if (layers == Layers.RENDER) {
                    render(datasource, writeAttempt.sql);
                } else {
                    executor.execute(QueryRequest.builder(datasource, writeAttempt.sql).build(), new CollectingSink());
                }
            } catch (SqlRejectedException e) {
                refusal = "statement check: " + e.getReason();
            } catch (ParameterException e) {
                refusal = "parameters: " + e.getMessage();
            } catch (QueryException e) {
                refusal = "database (" + e.getFailure() + "): " + e.getMessage();
            }
            filesAfter = canary.fileSnapshot();
        } finally {
            // So that each case meets the same files: a case that wrote one must not make the next fail.
            canary.deleteFilesAbsentIn(filesBefore);
        }
        LOG.add(String.format("%-14s %-10s %-40s %s", layers, database, writeAttempt.name,
                refusal == null ? "LET THROUGH" : refusal.replace('\n', ' ')));
        assertEquals("the data, sequence or schema changed", before, canary.databaseSnapshot());
        assertEquals("every connection is back in the pool", 0,
                test.pools().stats(datasource.getId()).map(PoolStats::getActive).orElse(0).intValue());
        boolean readHere = !writeAttempt.dialects.contains(dialect(database))
                && READS_IN_THIS_DIALECT.get(database).contains(writeAttempt.name);
        boolean expectedThrough = readHere || layers == Layers.EXECUTOR_ONLY
                && LET_THROUGH_BY_THE_DATABASE.get(database).contains(writeAttempt.name);
        if (expectedThrough && database == TestDatabase.MARIADB && WRITES_A_SERVER_FILE.contains(writeAttempt.name)) {
            assertNotEquals("known gap of the database layer: the file is written", filesBefore, filesAfter);
        } else {
            assertEquals("files on the database server changed", filesBefore, filesAfter);
        }
        if (expectedThrough) {
            assertTrue("listed as let through, but was refused: " + refusal, refusal == null);
        } else if (refusal == null) {
            fail(writeAttempt.name + " was not refused by " + layers + " on " + database);
        }
    }

    /** What a macro render does with the SQL before and while it runs, on a read-only datasource. */
    private static void render(Datasource datasource, String sql) throws QueryException {
        ParsedSql parsed = NamedParameterParser.parse(sql, SqlDialect.of(datasource.getSettings().getConnectionKind()));
        BoundParameters bound = BoundParameters.resolve(parsed, List.of(), Map.of());
        validator.validate(parsed);
        executor.execute(QueryRequest.builder(datasource, parsed.getJdbcSql()).parameters(bound).maxRows(100).build(),
                new CollectingSink());
    }

    private static synchronized Canary canary(TestDatabase database) throws SQLException {
        if (test == null) {
            test = TestPools.create();
            executor = new QueryExecutor(test.pools());
            validator = new ReadOnlyStatementValidator();
        }
        Canary canary = CANARIES.get(database);
        if (canary == null) {
            canary = new Canary(database);
            CANARIES.put(database, canary);
        }
        return canary;
    }

    /** One database holding the canary, its owner's connection details and the two read-only datasources. */
    private static final class Canary {
        final TestDatabase database;
        final String url;
        final String ownerUser;
        final String ownerPassword;
        final Datasource render;
        final Datasource executorOnly;
        final List<Path> files = new ArrayList<>();

        Canary(TestDatabase database) throws SQLException {
            this.database = database;
            this.ownerUser = database.user();
            this.ownerPassword = database.password();
            this.url = create(database);
            Matcher m = FILE_PATH.matcher(String.join("\n", SqlCorpus.read(CORPUS).stream().map(c -> c.sql)
                    .toArray(String[]::new)));
            while (m.find()) {
                Path path = Paths.get(m.group(1));
                if (!files.contains(path)) {
                    files.add(path);
                }
            }
            // One connection each: every case meets whatever the previous one left on it.
            render = test.store(settings("render"));
            executorOnly = test.store(settings("executor-only"));
        }

        /**
         * The embedded MariaDB runs without grant tables (no accounts can be created): every login has
         * every privilege, FILE included — the most a datasource account could be allowed.
         */
        private String datasourceUser() {
            return database == TestDatabase.MARIADB ? ownerUser : WRITER;
        }

        private String datasourcePassword() {
            return database == TestDatabase.MARIADB ? ownerPassword : WRITER_PASSWORD;
        }

        private DatasourceSettings settings(String purpose) {
            return DatasourceSettings.builder()
                    .name("Canary " + database + " " + purpose)
                    .connectionKind(ConnectionKind.valueOf(database.name()))
                    // A non-admin H2 user may not set DB_CLOSE_DELAY; the owner set it when creating the database.
                    .jdbcUrl(database == TestDatabase.H2 ? url.substring(0, url.indexOf(';')) : url)
                    .username(datasourceUser())
                    .passwordCiphertext(TestPools.encrypted(datasourcePassword()))
                    .readOnly(true)
                    .poolSize(1)
                    .connectionTimeoutMs(10_000)
                    .queryTimeoutSeconds(20)
                    .maxRows(100)
                    .build();
        }

        private String create(TestDatabase database) throws SQLException {
            switch (database) {
                case POSTGRESQL: {
                    Matcher port = Pattern.compile("//([^/]+)/").matcher(database.jdbcUrl());
                    assertTrue(database.jdbcUrl(), port.find());
                    String canaryUrl = "jdbc:postgresql://" + port.group(1) + "/" + CANARY_DB;
                    try (Connection c = database.openJdbc(); Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + CANARY_DB);
                        s.execute("DROP ROLE IF EXISTS " + WRITER);
                        s.execute("CREATE DATABASE " + CANARY_DB + " ENCODING 'UTF8'");
                        // A normal login that may write the canary and create objects: only the app stops it.
                        s.execute("CREATE ROLE " + WRITER + " LOGIN PASSWORD '" + WRITER_PASSWORD + "'");
                    }
                    ownerSql(canaryUrl,
                            "CREATE TABLE canary (id INT PRIMARY KEY, val VARCHAR(100))",
                            "CREATE SEQUENCE canary_seq",
                            "INSERT INTO canary VALUES (1, 'alive'), (2, 'ünïcødé ✓'), (3, NULL)",
                            "SELECT nextval('canary_seq')",
                            "GRANT ALL ON SCHEMA public TO " + WRITER,
                            "GRANT ALL ON canary TO " + WRITER,
                            "GRANT ALL ON canary_seq TO " + WRITER);
                    return canaryUrl;
                }
                case MARIADB: {
                    String base = database.jdbcUrl();
                    String canaryUrl = base.substring(0, base.lastIndexOf('/') + 1) + CANARY_DB;
                    try (Connection c = database.openJdbc(); Statement s = c.createStatement()) {
                        s.execute("DROP DATABASE IF EXISTS " + CANARY_DB);
                        s.execute("CREATE DATABASE " + CANARY_DB + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
                    }
                    ownerSql(canaryUrl,
                            "CREATE TABLE canary (id INT PRIMARY KEY, val VARCHAR(100))",
                            // NOCACHE: each NEXTVAL shows in the sequence's row at once.
                            "CREATE SEQUENCE canary_seq NOCACHE",
                            "INSERT INTO canary VALUES (1, 'alive'), (2, 'ünïcødé ✓'), (3, NULL)",
                            "SELECT NEXTVAL(canary_seq)");
                    return canaryUrl;
                }
                default: {
                    ownerSql(H2_URL,
                            "DROP ALL OBJECTS",
                            "CREATE TABLE canary (id INT PRIMARY KEY, val VARCHAR(100))",
                            "CREATE SEQUENCE canary_seq",
                            "INSERT INTO canary VALUES (1, 'alive'), (2, 'ünïcødé ✓'), (3, NULL)",
                            "SELECT NEXT VALUE FOR canary_seq",
                            "CREATE USER IF NOT EXISTS " + WRITER + " PASSWORD '" + WRITER_PASSWORD + "'",
                            "GRANT SELECT, INSERT, UPDATE, DELETE ON SCHEMA PUBLIC TO " + WRITER);
                    return H2_URL;
                }
            }
        }

        private void ownerSql(String jdbcUrl, String... statements) throws SQLException {
            try (Connection c = DriverManager.getConnection(jdbcUrl, ownerUser, ownerPassword);
                 Statement s = c.createStatement()) {
                for (String sql : statements) {
                    s.execute(sql);
                }
            }
        }

        /** @return the canary's rows (as bytes), the sequence, and the schema's objects and rights */
        String databaseSnapshot() throws SQLException {
            StringBuilder b = new StringBuilder();
            try (Connection c = DriverManager.getConnection(url, ownerUser, ownerPassword)) {
                for (String query : snapshotQueries()) {
                    b.append("## ").append(query).append('\n');
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
                        int columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            for (int i = 1; i <= columns; i++) {
                                String value = rs.getString(i);
                                b.append(value == null ? "NULL" : hex(value.getBytes(StandardCharsets.UTF_8)))
                                        .append(i == columns ? "\n" : "|");
                            }
                        }
                    }
                }
            }
            return b.toString();
        }

        /** @return for each file the corpus names: absent, or its size and content digest */
        Map<Path, String> fileSnapshot() throws Exception {
            Map<Path, String> snapshot = new LinkedHashMap<>();
            for (Path file : files) {
                snapshot.put(file, Files.exists(file) ? Files.size(file) + " bytes, sha-256 "
                        + hex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))) : "absent");
            }
            return snapshot;
        }

        void deleteFilesAbsentIn(Map<Path, String> before) throws Exception {
            for (Map.Entry<Path, String> entry : before.entrySet()) {
                if (entry.getValue().equals("absent")) {
                    Files.deleteIfExists(entry.getKey());
                }
            }
        }

        private List<String> snapshotQueries() {
            switch (database) {
                case POSTGRESQL:
                    return List.of(
                            "SELECT id, val FROM canary ORDER BY id",
                            "SELECT last_value, is_called FROM canary_seq",
                            "SELECT relname, relkind, relacl::text, obj_description(oid, 'pg_class') FROM pg_class"
                                    + " WHERE relnamespace = 'public'::regnamespace ORDER BY relname",
                            "SELECT table_name, column_name, data_type FROM information_schema.columns"
                                    + " WHERE table_schema = 'public' ORDER BY 1, 2",
                            "SELECT count(*) FROM pg_class",
                            "SELECT count(*) FROM pg_proc",
                            "SELECT count(*) FROM pg_namespace",
                            "SELECT count(*) FROM pg_largeobject_metadata",
                            "SELECT count(*) FROM pg_description",
                            "SELECT count(*) FROM pg_prepared_xacts",
                            "SELECT nspacl::text FROM pg_namespace WHERE nspname = 'public'");
                case MARIADB:
                    return List.of(
                            "SELECT id, val FROM canary ORDER BY id",
                            "SELECT next_not_cached_value FROM canary_seq",
                            "SELECT table_name, table_type, table_comment FROM information_schema.tables"
                                    + " WHERE table_schema = '" + CANARY_DB + "' ORDER BY 1",
                            "SELECT table_name, column_name, column_type FROM information_schema.columns"
                                    + " WHERE table_schema = '" + CANARY_DB + "' ORDER BY 1, 2",
                            "SELECT table_name, index_name, column_name FROM information_schema.statistics"
                                    + " WHERE table_schema = '" + CANARY_DB + "' ORDER BY 1, 2, 3",
                            "SELECT count(*) FROM information_schema.routines",
                            "SELECT count(*) FROM information_schema.triggers",
                            "SELECT count(*) FROM information_schema.events",
                            "SELECT count(*) FROM information_schema.tables",
                            "SELECT grantee, privilege_type FROM information_schema.table_privileges"
                                    + " WHERE table_schema = '" + CANARY_DB + "' ORDER BY 1, 2",
                            "SELECT grantee, privilege_type FROM information_schema.schema_privileges"
                                    + " WHERE table_schema = '" + CANARY_DB + "' ORDER BY 1, 2");
                default:
                    return List.of(
                            "SELECT id, val FROM canary ORDER BY id",
                            "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES WHERE SEQUENCE_NAME = 'CANARY_SEQ'",
                            "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, REMARKS FROM INFORMATION_SCHEMA.TABLES"
                                    + " ORDER BY 1, 2",
                            "SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                                    + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY 1, 2",
                            "SELECT INDEX_NAME, TABLE_NAME FROM INFORMATION_SCHEMA.INDEXES ORDER BY 1",
                            "SELECT ROUTINE_SCHEMA, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES ORDER BY 1, 2",
                            "SELECT SEQUENCE_NAME FROM INFORMATION_SCHEMA.SEQUENCES ORDER BY 1",
                            "SELECT GRANTEE, PRIVILEGE_TYPE, TABLE_NAME FROM INFORMATION_SCHEMA.TABLE_PRIVILEGES"
                                    + " ORDER BY 1, 2, 3",
                            "SELECT USER_NAME, IS_ADMIN FROM INFORMATION_SCHEMA.USERS ORDER BY 1",
                            "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS ORDER BY 1");
            }
        }

        private static String hex(byte[] bytes) {
            StringBuilder b = new StringBuilder(bytes.length * 2);
            for (byte x : bytes) {
                b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
            }
            return b.toString();
        }
    }
}
