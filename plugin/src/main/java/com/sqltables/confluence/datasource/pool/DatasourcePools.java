package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.datasource.security.PasswordDecryptionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * One connection pool per datasource on this node, built on first use and keyed by the datasource's id
 * and revision.
 *
 * <p><b>Cluster:</b> nothing here is the source of truth. Whenever a caller brings a datasource whose
 * revision differs from the pool's, and otherwise at most every {@link #DEFAULT_CHECK_INTERVAL_SECONDS}
 * seconds per datasource, one read of the stored datasource decides: a changed revision rebuilds the
 * pool, a deleted datasource closes it. So every node runs with settings at most that old, with no
 * cluster messaging and no restart. The plain password exists only inside a pool's driver properties,
 * decrypted when the pool is built.
 *
 * <p>A replaced pool is retired: it lends no more connections, closes its idle ones at once and is
 * closed when the last lent connection comes back (or after {@link #RETIRE_GRACE_MS}). Pools unused
 * for {@link #IDLE_POOL_EXPIRY_MS} are closed, which also clears pools of datasources deleted on another
 * node. Everything is closed when the plugin stops.
 */
@Named
public final class DatasourcePools implements DisposableBean {
    /** How stale a node's view of a datasource may get (well inside the promised 30 seconds). */
    public static final int DEFAULT_CHECK_INTERVAL_SECONDS = 10;
    static final long RETIRE_GRACE_MS = 5 * 60_000;
    static final long IDLE_POOL_EXPIRY_MS = 15 * 60_000;
    private static final long HOUSEKEEPING_PERIOD_MS = 5_000;
    private static final int MAX_ATTEMPTS = 3;
    private static final Logger log = LoggerFactory.getLogger(DatasourcePools.class);

    /** Reads the stored datasource; the one source of truth shared by all nodes. */
    interface DatasourceLookup {
        Optional<Datasource> find(long id);
    }

    private final DatasourceLookup lookup;
    private final PasswordDecryptor decryptor;
    private final LongSupplier nanoClock;
    private final long checkIntervalNanos;
    private final Map<Long, PooledDatasource> pools = new ConcurrentHashMap<>();
    private final List<Retiring> retiring = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    private ScheduledExecutorService housekeeping;
    private boolean destroyed;

    @Inject
    public DatasourcePools(DatasourceStore store, PasswordDecryptor decryptor) {
        this(store::get, decryptor, System::nanoTime, DEFAULT_CHECK_INTERVAL_SECONDS);
    }

    DatasourcePools(DatasourceLookup lookup, PasswordDecryptor decryptor, LongSupplier nanoClock,
                    int checkIntervalSeconds) {
        this.lookup = Objects.requireNonNull(lookup, "lookup");
        this.decryptor = Objects.requireNonNull(decryptor, "decryptor");
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.checkIntervalNanos = TimeUnit.SECONDS.toNanos(checkIntervalSeconds);
    }

    /**
     * @param requested the datasource as the caller read it (it decides which datasource; the stored
     *     one decides the settings when they differ)
     * @return the pool for the datasource's current revision; its {@link PooledDatasource#getDatasource()}
     *     holds the settings to run with
     * @throws NotFoundException if the datasource was deleted
     * @throws PasswordDecryptionException if its password cannot be decrypted
     */
    public PooledDatasource pool(Datasource requested) {
        Objects.requireNonNull(requested, "requested");
        long now = nanoClock.getAsLong();
        PooledDatasource current = pools.get(requested.getId());
        if (current != null && current.getRevision() == requested.getRevision()
                && now - current.getLastCheckedNanos() < checkIntervalNanos) {
            current.markUsed(now);
            return current;
        }
        synchronized (lock) {
            if (destroyed) {
                throw new IllegalStateException("SQL Tables is stopping: no new database connections");
            }
            current = pools.get(requested.getId());
            if (current != null && current.getRevision() == requested.getRevision()
                    && now - current.getLastCheckedNanos() < checkIntervalNanos) {
                current.markUsed(now);
                return current;
            }
            Optional<Datasource> stored = lookup.find(requested.getId());
            if (!stored.isPresent()) {
                if (current != null) {
                    pools.remove(requested.getId());
                    retire(current, "the datasource was deleted");
                }
                throw new NotFoundException("Datasource " + requested.getName() + " no longer exists.");
            }
            Datasource latest = stored.get();
            if (current != null && current.getRevision() == latest.getRevision()) {
                current.markChecked(now);
                current.markUsed(now);
                return current;
            }
            PooledDatasource replacement = PooledDatasource.open(latest, decryptor.decrypt(latest), now);
            pools.put(latest.getId(), replacement);
            log.info("Opened connection pool {} for datasource '{}' ({}, {})", replacement.getPoolName(),
                    latest.getName(), replacement.getFamily().getDisplayName(), replacement.getMaskedUrl());
            if (current != null) {
                retire(current, "the datasource changed to revision " + latest.getRevision());
            }
            startHousekeeping();
            return replacement;
        }
    }

    /**
     * Lends a connection of the datasource's current pool, retrying on a fresh pool when the one found
     * was retired meanwhile. The caller closes the lease.
     *
     * @throws ConnectionUnavailableException if the pool lent no connection (see
     *     {@link PooledDatasource#getConnection()})
     * @throws NotFoundException if the datasource was deleted
     * @throws PasswordDecryptionException if its password cannot be decrypted
     */
    public Lease lease(Datasource requested) throws ConnectionUnavailableException {
        for (int attempt = 1; ; attempt++) {
            PooledDatasource pool = pool(requested);
            try {
                return new Lease(pool, pool.getConnection());
            } catch (SQLException e) {
                if (!pool.isRetired() || attempt >= MAX_ATTEMPTS) {
                    throw new ConnectionUnavailableException(pool, pool.stats(), e);
                }
            }
        }
    }

    /** @return the current pool's connections for this datasource, if this node has a pool for it */
    public Optional<PoolStats> stats(long datasourceId) {
        PooledDatasource pool = pools.get(datasourceId);
        return pool == null ? Optional.empty() : Optional.of(pool.stats());
    }

    /**
     * Retires this node's pool of the datasource now, e.g. right after an administrator changed or
     * deleted it here; other nodes follow within the check interval.
     */
    public void evict(long datasourceId) {
        synchronized (lock) {
            PooledDatasource pool = pools.remove(datasourceId);
            if (pool != null) {
                retire(pool, "it was evicted");
            }
        }
    }

    /** Closes every pool; lent connections are aborted. Called when the plugin stops. */
    @Override
    public void destroy() {
        ScheduledExecutorService stopping;
        List<PooledDatasource> closing = new ArrayList<>();
        synchronized (lock) {
            destroyed = true;
            closing.addAll(pools.values());
            pools.clear();
            for (Retiring r : retiring) {
                closing.add(r.pool);
            }
            retiring.clear();
            stopping = housekeeping;
            housekeeping = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
        }
        for (PooledDatasource pool : closing) {
            closeQuietly(pool);
        }
        JdbcDrivers.deregisterOwnDrivers();
    }

    private void retire(PooledDatasource pool, String why) {
        pool.retire();
        retiring.add(new Retiring(pool, nanoClock.getAsLong()));
        log.info("Retiring connection pool {}: {}", pool.getPoolName(), why);
        startHousekeeping();
    }

    private void startHousekeeping() {
        if (housekeeping == null && !destroyed) {
            housekeeping = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "sql-tables-pool-housekeeping");
                thread.setDaemon(true);
                thread.setContextClassLoader(JdbcDrivers.pluginClassLoader());
                return thread;
            });
            housekeeping.scheduleWithFixedDelay(this::housekeep, HOUSEKEEPING_PERIOD_MS, HOUSEKEEPING_PERIOD_MS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Closes retired pools whose connections all came back, and pools nobody used for a long time. */
    void housekeep() {
        try {
            long now = nanoClock.getAsLong();
            for (Retiring r : retiring) {
                boolean drained = r.pool.stats().getActive() == 0;
                if (drained || now - r.sinceNanos > TimeUnit.MILLISECONDS.toNanos(RETIRE_GRACE_MS)) {
                    retiring.remove(r);
                    closeQuietly(r.pool);
                }
            }
            synchronized (lock) {
                for (PooledDatasource pool : new ArrayList<>(pools.values())) {
                    if (now - pool.getLastUsedNanos() > TimeUnit.MILLISECONDS.toNanos(IDLE_POOL_EXPIRY_MS)
                            && pool.stats().getActive() == 0) {
                        pools.remove(pool.getDatasourceId(), pool);
                        retire(pool, "unused for " + IDLE_POOL_EXPIRY_MS / 60_000 + " minutes");
                    }
                }
            }
        } catch (RuntimeException e) {
            // A failing round must not end the schedule; the next one tries again.
            log.warn("Connection pool housekeeping failed: {}", e.toString());
        }
    }

    /** @return pools retired but not yet closed (for tests) */
    int retiringCount() {
        return retiring.size();
    }

    private static void closeQuietly(PooledDatasource pool) {
        try {
            pool.close();
            log.info("Closed connection pool {}", pool.getPoolName());
        } catch (RuntimeException e) {
            log.warn("Closing connection pool {} failed: {}", pool.getPoolName(), pool.mask(e.toString()));
        }
    }

    /** A connection lent from a pool, with the pool (and so the settings) it came from. */
    public static final class Lease implements AutoCloseable {
        private final PooledDatasource pool;
        private final Connection connection;

        Lease(PooledDatasource pool, Connection connection) {
            this.pool = pool;
            this.connection = connection;
        }

        public PooledDatasource getPool() {
            return pool;
        }

        public Connection getConnection() {
            return connection;
        }

        /** Gives the connection back to its pool. */
        @Override
        public void close() throws SQLException {
            connection.close();
        }
    }

    /** The pool lent no connection: all were busy, or the database could not be reached. */
    public static final class ConnectionUnavailableException extends SQLException {
        private static final long serialVersionUID = 1L;
        private final transient PooledDatasource pool;
        private final transient PoolStats stats;

        ConnectionUnavailableException(PooledDatasource pool, PoolStats stats, SQLException failure) {
            super(failure.getMessage(), failure.getSQLState(), failure.getErrorCode(), failure);
            this.pool = pool;
            this.stats = stats;
        }

        /** @return the pool that failed */
        public PooledDatasource getPool() {
            return pool;
        }

        /** @return the pool's connections right after the failure */
        public PoolStats getStats() {
            return stats;
        }

        /** @return the pool's own exception (HikariCP's, whose cause is the last connection failure, if any) */
        public SQLException getFailure() {
            return (SQLException) getCause();
        }
    }

    private static final class Retiring {
        final PooledDatasource pool;
        final long sinceNanos;

        Retiring(PooledDatasource pool, long sinceNanos) {
            this.pool = pool;
            this.sinceNanos = sinceNanos;
        }
    }
}
