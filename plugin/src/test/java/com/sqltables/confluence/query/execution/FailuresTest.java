package com.sqltables.confluence.query.execution;

import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import org.junit.Test;

import java.net.ConnectException;
import java.sql.SQLTransientConnectionException;
import java.util.function.UnaryOperator;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** How a failed pool checkout is told apart: a busy pool versus a database that cannot be reached. */
public class FailuresTest {
    private static final Failures.Context CONTEXT =
            new Failures.Context("Sales", JdbcDriverFamily.POSTGRESQL, true, 30, UnaryOperator.identity());

    private static SQLTransientConnectionException hikariTimeout(Throwable cause) {
        SQLTransientConnectionException e = new SQLTransientConnectionException(
                "sql-tables-datasource-1-r1 - Connection is not available, request timed out after 10000ms.");
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    @Test
    public void fromAcquire_timeoutWithoutCause_allConnectionsLent_isBusy() {
        QueryException e = Failures.fromAcquire(hikariTimeout(null), CONTEXT, new PoolStats(10, 0, 10, 5, 10));

        assertEquals(QueryFailure.POOL_BUSY, e.getFailure());
        assertTrue(e.getMessage(), e.getMessage().contains("All 10 connections"));
    }

    @Test
    public void fromAcquire_timeoutWithoutCause_connectionOnItsWayBack_isStillBusy() {
        // The snapshot is taken after HikariCP gave up: one connection may already be idle again.
        QueryException e = Failures.fromAcquire(hikariTimeout(null), CONTEXT, new PoolStats(9, 1, 10, 3, 10));

        assertEquals(QueryFailure.POOL_BUSY, e.getFailure());
    }

    @Test
    public void fromAcquire_timeoutWithoutCause_poolStillGrowing_isBusy() {
        QueryException e = Failures.fromAcquire(hikariTimeout(null), CONTEXT, new PoolStats(4, 0, 4, 7, 10));

        assertEquals(QueryFailure.POOL_BUSY, e.getFailure());
    }

    @Test
    public void fromAcquire_timeoutWithoutCause_noConnectionAtAll_isConnectionFailure() {
        QueryException e = Failures.fromAcquire(hikariTimeout(null), CONTEXT, new PoolStats(0, 0, 0, 1, 10));

        assertEquals(QueryFailure.CONNECTION_FAILED, e.getFailure());
    }

    @Test
    public void fromAcquire_timeoutCausedByRefusedConnection_isConnectionFailure_evenWithConnectionsOpen() {
        QueryException e = Failures.fromAcquire(hikariTimeout(new ConnectException("Connection refused")), CONTEXT,
                new PoolStats(2, 0, 2, 0, 10));

        assertEquals(QueryFailure.CONNECTION_FAILED, e.getFailure());
    }
}
