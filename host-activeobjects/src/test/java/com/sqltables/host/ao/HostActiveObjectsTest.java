package com.sqltables.host.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.atlassian.activeobjects.external.ActiveObjects;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.java.ao.ActiveObjectsException;
import net.java.ao.DBParam;
import net.java.ao.Query;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class HostActiveObjectsTest {
    private static final String NAMESPACE = "com.example.test";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private String url;
    private Connection keepAlive;
    private HostActiveObjects ao;

    @Before
    public void setUp() throws SQLException {
        url = "jdbc:h2:mem:host" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        ao = HostActiveObjects.builder().namespace(NAMESPACE).jdbc(url, "sa", "").build();
        ao.migrate(Note.class);
    }

    @After
    public void tearDown() throws SQLException {
        ao.close();
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("SHUTDOWN");
        }
        keepAlive.close();
    }

    @Test
    public void migrate_createsPrefixedTableInPublicSchema() throws SQLException {
        assertEquals("AO_B17C3D", ao.tablePrefix());
        assertEquals("AO_B17C3D_NOTE", ao.tableName(Note.class));
        assertTrue(tableExists("AO_B17C3D_NOTE"));
        assertTrue(ao.moduleMetaData().isTablePresent(Note.class));
    }

    @Test
    public void migrate_twice_isIdempotent() {
        ao.create(Note.class, new DBParam("TITLE", "kept"));
        ao.migrate(Note.class);
        ao.migrate(Note.class);
        assertEquals(1, ao.count(Note.class));
    }

    @Test
    public void migrateDestructively_leavesTablesOutsideTheNamespaceAlone() throws SQLException {
        try (Statement statement = keepAlive.createStatement()) {
            statement.execute("CREATE TABLE CONFLUENCE_OWN (ID INT)");
            statement.execute("CREATE TABLE AO_000000_OTHER_PLUGIN (ID INT)");
        }
        ao.migrateDestructively(Note.class);
        assertTrue(tableExists("CONFLUENCE_OWN"));
        assertTrue(tableExists("AO_000000_OTHER_PLUGIN"));
        assertTrue(tableExists("AO_B17C3D_NOTE"));
    }

    @Test
    public void crud_roundTrips() {
        Note note = ao.create(Note.class, new DBParam("TITLE", "a"));
        note.setBody("text");
        note.save();
        Note read = ao.get(Note.class, note.getID());
        assertEquals("text", read.getBody());
        assertEquals(1, ao.find(Note.class, Query.select().where("TITLE = ?", "a")).length);
        assertEquals(1, ao.deleteWithSQL(Note.class, "ID IN (?)", note.getID()));
        assertNull(ao.get(Note.class, note.getID()));
    }

    @Test
    public void executeInTransaction_commitsOnReturn() throws SQLException {
        int id = ao.executeInTransaction(() -> ao.create(Note.class, new DBParam("TITLE", "committed")).getID());
        assertEquals(1, countRowsDirectly("TITLE = 'committed'"));
        assertNotNull(ao.get(Note.class, id));
    }

    @Test
    public void executeInTransaction_rollsBackOnException() throws SQLException {
        IllegalStateException thrown = new IllegalStateException("boom");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ao.executeInTransaction(() -> {
            ao.create(Note.class, new DBParam("TITLE", "first"));
            ao.create(Note.class, new DBParam("TITLE", "second"));
            throw thrown;
        }));
        assertSame(thrown, e);
        assertEquals(0, countRowsDirectly("1 = 1"));
    }

    @Test
    public void executeInTransaction_nestedCallJoinsOuter_andRollsBackWithIt() throws SQLException {
        assertThrows(IllegalStateException.class, () -> ao.executeInTransaction(() -> {
            ao.executeInTransaction(() -> ao.create(Note.class, new DBParam("TITLE", "inner")));
            assertTrue(ao.inTransaction());
            throw new IllegalStateException("outer fails after inner returned");
        }));
        assertEquals(0, countRowsDirectly("1 = 1"));
        assertFalse(ao.inTransaction());
    }

    @Test
    public void executeInTransaction_nestedFailureCaughtByOuter_stillRollsBack() throws SQLException {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ao.executeInTransaction(() -> {
            ao.create(Note.class, new DBParam("TITLE", "outer"));
            try {
                ao.executeInTransaction(() -> {
                    throw new IllegalArgumentException("inner fails");
                });
            } catch (IllegalArgumentException ignored) {
                // The caller swallows it; the transaction must still not commit half of the work.
            }
            return null;
        }));
        assertTrue(e.getMessage().contains("nested"));
        assertEquals(0, countRowsDirectly("1 = 1"));
    }

    @Test
    public void executeInTransaction_uncommittedRowsAreInvisibleToOtherConnections() throws Exception {
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch checked = new CountDownLatch(1);
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = executor.submit(() -> ao.executeInTransaction(() -> {
                ao.create(Note.class, new DBParam("TITLE", "pending"));
                inserted.countDown();
                await(checked);
                return null;
            }));
            await(inserted);
            assertEquals(0, ao.count(Note.class, "TITLE = ?", "pending"));
            checked.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertEquals(1, ao.count(Note.class, "TITLE = ?", "pending"));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    public void uniqueViolation_surfacesWithSqlStateInCause() {
        ao.create(Note.class, new DBParam("TITLE", "dup"));
        ActiveObjectsException e = assertThrows(ActiveObjectsException.class,
                () -> ao.create(Note.class, new DBParam("TITLE", "dup")));
        assertTrue(e.getCause() instanceof SQLException);
        assertTrue(((SQLException) e.getCause()).getSQLState().startsWith("23"));
    }

    @Test
    public void twoInstancesOnOneDatabase_shareTables_andTransactionsIndependently() throws Exception {
        try (HostActiveObjects other = HostActiveObjects.builder().namespace(NAMESPACE).jdbc(url, "sa", "").build()) {
            other.migrate(Note.class);
            other.create(Note.class, new DBParam("TITLE", "from other"));
            assertEquals(1, ao.count(Note.class, "TITLE = ?", "from other"));
            ao.executeInTransaction(() -> {
                assertFalse(other.inTransaction());
                return null;
            });
        }
    }

    @Test
    public void dataSourceBuilder_detectsDatabase_andLeavesDataSourceOpen() throws SQLException {
        org.h2.jdbcx.JdbcDataSource dataSource = new org.h2.jdbcx.JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser("sa");
        HostActiveObjects viaDataSource = HostActiveObjects.builder().namespace(NAMESPACE).dataSource(dataSource).build();
        assertEquals(DatabaseKind.H2, viaDataSource.databaseKind());
        viaDataSource.create(Note.class, new DBParam("TITLE", "ds"));
        viaDataSource.close();
        try (Connection connection = dataSource.getConnection()) {
            assertFalse(connection.isClosed());
        }
        assertEquals(1, ao.count(Note.class));
    }

    @Test
    public void builder_rejectsIncompleteConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> HostActiveObjects.builder().jdbc(url, "sa", "").build());
        assertThrows(IllegalArgumentException.class, () -> HostActiveObjects.builder().namespace(NAMESPACE).build());
        assertThrows(IllegalArgumentException.class,
                () -> HostActiveObjects.builder().namespace(NAMESPACE).jdbc(url, "sa", "").maximumPoolSize(0).build());
    }

    @Test
    public void builder_unreachableDatabase_failsWithoutLeakingPassword() {
        ActiveObjectsException e = assertThrows(ActiveObjectsException.class, () -> HostActiveObjects.builder()
                .namespace(NAMESPACE)
                .jdbc("jdbc:h2:mem:x;IFEXISTS=TRUE;password=topsecret", "sa", "topsecret")
                .build());
        assertFalse(e.getMessage().contains("topsecret"));
    }

    @Test
    public void implementsTheHostInterface() {
        ActiveObjects asHost = ao;
        assertTrue(asHost.moduleMetaData().isInitialized());
    }

    private boolean tableExists(String name) throws SQLException {
        try (ResultSet tables = keepAlive.getMetaData().getTables(null, "PUBLIC", name, null)) {
            return tables.next();
        }
    }

    private int countRowsDirectly(String where) throws SQLException {
        try (Statement statement = keepAlive.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM PUBLIC.\"AO_B17C3D_NOTE\" WHERE " + where)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other thread");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
