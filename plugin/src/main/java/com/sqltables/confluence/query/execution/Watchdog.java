package com.sqltables.confluence.query.execution;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hard backstop behind {@link Statement#setQueryTimeout}: drivers apply that timeout to executing
 * the statement, not to fetching its rows (PgJDBC), and a stuck network ignores it. When a unit of work
 * outlives its timeout by {@link #graceMillis} the statement is cancelled; if it is still running
 * {@link #abortAfterMillis} later, the connection is aborted (the pool then discards it).
 */
final class Watchdog {
    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

    private final ScheduledThreadPoolExecutor timer;
    private final long graceMillis;
    private final long abortAfterMillis;

    Watchdog(long graceMillis, long abortAfterMillis) {
        this.graceMillis = graceMillis;
        this.abortAfterMillis = abortAfterMillis;
        this.timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "sql-tables-query-watchdog");
            thread.setDaemon(true);
            // Cancelling may make a driver load classes; ours are in the plugin bundle.
            thread.setContextClassLoader(Watchdog.class.getClassLoader());
            return thread;
        });
        // Almost every ticket is cancelled long before it fires; don't let them pile up in the queue.
        timer.setRemoveOnCancelPolicy(true);
    }

    /** Starts watching; close the ticket when the unit of work ends. */
    Ticket watch(Statement statement, Connection connection, long timeoutMillis, String poolName) {
        Ticket ticket = new Ticket(statement, connection, poolName);
        long cancelAt = timeoutMillis + graceMillis;
        ticket.cancelTask = timer.schedule(ticket::cancelStatement, cancelAt, TimeUnit.MILLISECONDS);
        ticket.abortTask = timer.schedule(ticket::abortConnection, cancelAt + abortAfterMillis, TimeUnit.MILLISECONDS);
        return ticket;
    }

    void shutdown() {
        timer.shutdownNow();
    }

    /** One watched unit of work. */
    static final class Ticket implements AutoCloseable {
        private final Statement statement;
        private final Connection connection;
        private final String poolName;
        private volatile ScheduledFuture<?> cancelTask;
        private volatile ScheduledFuture<?> abortTask;
        private volatile boolean done;
        private volatile boolean fired;

        private Ticket(Statement statement, Connection connection, String poolName) {
            this.statement = statement;
            this.connection = connection;
            this.poolName = poolName;
        }

        /** @return whether the watchdog cancelled the statement */
        boolean fired() {
            return fired;
        }

        private void cancelStatement() {
            if (done) {
                return;
            }
            fired = true;
            log.info("Cancelling a query on {} that outlived its timeout", poolName);
            try {
                statement.cancel();
            } catch (SQLException | RuntimeException e) {
                log.debug("Cancelling the statement failed: {}", e.toString());
            }
        }

        private void abortConnection() {
            if (done) {
                return;
            }
            fired = true;
            log.warn("Aborting a connection of {}: its query ignored cancellation", poolName);
            try {
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException e) {
                log.debug("Aborting the connection failed: {}", e.toString());
            }
        }

        @Override
        public void close() {
            done = true;
            ScheduledFuture<?> cancel = cancelTask;
            ScheduledFuture<?> abort = abortTask;
            if (cancel != null) {
                cancel.cancel(false);
            }
            if (abort != null) {
                abort.cancel(false);
            }
        }
    }
}
