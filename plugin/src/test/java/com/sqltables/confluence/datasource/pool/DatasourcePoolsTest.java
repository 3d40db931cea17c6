package com.sqltables.confluence.datasource.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.security.PasswordDecryptionException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

/** Pools on the shared H2 database: lifecycle, revisions, cluster freshness, secrets. */
public class DatasourcePoolsTest {
    private TestPools test;
    private DatasourcePools pools;

    @Before
    public void setUp() {
        test = TestPools.withManualClock();
        pools = test.pools();
    }

    @After
    public void tearDown() {
        test.close();
    }

    @Test
    public void pool_firstUse_opensNoConnectionUntilOneIsLent() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());

        PooledDatasource pool = pools.pool(datasource);

        assertEquals(0, pool.stats().getTotal());
        assertEquals(1, test.decryptions());
    }

    @Test
    public void pool_sameRevisionWithinInterval_isReusedWithoutReadingTheStore() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource first = pools.pool(datasource);
        int lookups = test.lookups();

        test.advanceSeconds(DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS - 1);
        PooledDatasource second = pools.pool(datasource);

        assertSame(first, second);
        assertEquals(lookups, test.lookups());
        assertEquals("the password is decrypted once, when the pool is built", 1, test.decryptions());
    }

    @Test
    public void pool_afterInterval_readsTheStoreOnceAndKeepsTheUnchangedPool() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource first = pools.pool(datasource);
        int lookups = test.lookups();

        test.advanceSeconds(DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS);
        PooledDatasource second = pools.pool(datasource);
        PooledDatasource third = pools.pool(datasource);

        assertSame(first, second);
        assertSame(first, third);
        assertEquals(lookups + 1, test.lookups());
    }

    @Test
    public void pool_callerBringsNewerRevision_rebuildsAtOnceAndRetiresTheOld() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource old = pools.pool(datasource);
        Datasource changed = test.update(datasource, datasource.getSettings().toBuilder().poolSize(7).build());

        PooledDatasource rebuilt = pools.pool(changed);

        assertNotSame(old, rebuilt);
        assertEquals(2, rebuilt.getRevision());
        assertEquals(7, rebuilt.stats().getMaximum());
        assertTrue(old.isRetired());
        assertEquals("sql-tables-datasource-" + datasource.getId() + "-r2", rebuilt.getPoolName());
        assertEquals(2, test.decryptions());
    }

    @Test
    public void pool_changedOnAnotherNode_isPickedUpWithinTheCheckInterval() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource old = pools.pool(datasource);
        // Another node changed it; this node's caller still holds revision 1.
        test.update(datasource, datasource.getSettings().toBuilder().maxRows(5).build());

        test.advanceSeconds(DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS - 1);
        assertSame("inside the interval the node may run with the old settings", old, pools.pool(datasource));

        test.advanceSeconds(1);
        PooledDatasource current = pools.pool(datasource);

        assertNotSame(old, current);
        assertEquals(2, current.getRevision());
        assertEquals("the stored settings win over the caller's stale copy", 5,
                current.getDatasource().getSettings().getMaxRows());
        assertTrue(DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS < 30);
    }

    @Test
    public void pool_deletedDatasource_closesThePoolAndReportsNotFound() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource pool = pools.pool(datasource);
        test.delete(datasource.getId());
        test.advanceSeconds(DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS);

        NotFoundException e = assertThrows(NotFoundException.class, () -> pools.pool(datasource));

        assertTrue(e.getMessage(), e.getMessage().contains(datasource.getName()));
        assertTrue(pool.isRetired());
        assertFalse(pools.stats(datasource.getId()).isPresent());
        test.housekeep();
        assertTrue("no connection was lent, so the retired pool closes at once", pool.isClosed());
    }

    @Test
    public void pool_undecryptablePassword_failsWithTheDecryptorsMessage() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).passwordCiphertext("v1:tampered").build());

        PasswordDecryptionException e = assertThrows(PasswordDecryptionException.class, () -> pools.pool(datasource));

        assertTrue(e.getMessage().contains("enter its password again"));
        assertFalse(pools.stats(datasource.getId()).isPresent());
    }

    @Test
    public void lease_lendsConnectionsWithAutoCommitOff() throws Exception {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());

        try (DatasourcePools.Lease lease = pools.lease(datasource)) {
            Connection connection = lease.getConnection();
            assertFalse(connection.getAutoCommit());
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT 1")) {
                assertTrue(rs.next());
            }
            assertEquals(1, pools.stats(datasource.getId()).get().getActive());
        }
        assertEquals(0, pools.stats(datasource.getId()).get().getActive());
    }

    @Test
    public void housekeep_closesARetiredPoolOnlyWhenItsLentConnectionsCameBack() throws Exception {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        DatasourcePools.Lease lease = pools.lease(datasource);
        PooledDatasource old = lease.getPool();
        pools.pool(test.update(datasource, datasource.getSettings().toBuilder().poolSize(2).build()));

        test.housekeep();
        assertFalse("a query still runs on the old pool", old.isClosed());
        assertEquals(1, test.retiringCount());

        lease.close();
        test.housekeep();
        assertTrue(old.isClosed());
        assertEquals(0, test.retiringCount());
    }

    @Test
    public void housekeep_closesPoolsUnusedForLong() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource pool = pools.pool(datasource);

        test.advanceSeconds(DatasourcePools.IDLE_POOL_EXPIRY_MS / 1000 - 1);
        test.housekeep();
        assertFalse(pool.isRetired());

        test.advanceSeconds(2);
        test.housekeep();
        assertTrue(pool.isRetired());
        test.housekeep();
        assertTrue(pool.isClosed());
        assertFalse(pools.stats(datasource.getId()).isPresent());
    }

    @Test
    public void evict_retiresThisNodesPoolNow() {
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        PooledDatasource pool = pools.pool(datasource);

        pools.evict(datasource.getId());

        assertTrue(pool.isRetired());
        assertNotSame(pool, pools.pool(datasource));
    }

    @Test
    public void destroy_closesEveryPoolAndRefusesNewOnes() throws Exception {
        Datasource one = test.store(TestPools.settingsFor(TestDatabase.H2).build());
        Datasource two = test.store(TestPools.settingsFor(TestDatabase.H2).name("Second").build());
        PooledDatasource first = pools.pool(one);
        DatasourcePools.Lease lease = pools.lease(two);

        pools.destroy();

        assertTrue(first.isClosed());
        assertTrue(lease.getPool().isClosed());
        assertThrows(IllegalStateException.class, () -> pools.pool(one));
    }

    @Test
    public void poolName_andMaskedUrl_neverContainThePassword() {
        String password = "s3cret-Pa55word";
        Datasource datasource = test.store(TestPools.settingsFor(TestDatabase.H2)
                .jdbcUrl(TestDatabase.H2.jdbcUrl() + ";password=" + password)
                .username("sa").passwordCiphertext(TestPools.encrypted(password)).build());

        PooledDatasource pool = pools.pool(datasource);

        assertFalse(pool.getPoolName().contains(password));
        assertFalse(pool.getPoolName().contains("jdbc:"));
        assertFalse(pool.getMaskedUrl(), pool.getMaskedUrl().contains(password));
        assertEquals("driver said: **** is wrong", pool.mask("driver said: " + password + " is wrong"));
    }
}
