package com.sqltables.confluence.query.execution;

import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.datasource.pool.PooledDatasource;
import com.sqltables.confluence.datasource.pool.ReadOnlySupport;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import com.sqltables.confluence.datasource.security.PasswordDecryptionException;
import com.sqltables.confluence.datasource.security.SecretKeyStoreException;
import com.sqltables.confluence.datasource.security.Secrets;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

/**
 * Runs one statement on a datasource's pool and streams its rows to a {@link RowSink}, never holding the
 * result: forward-only, read-only cursor, a fetch size, the row cap (the lower of the request's and the
 * datasource's, plus one row to tell whether there were more), the datasource's statement timeout with
 * a hard cancel behind it.
 *
 * <p>Every unit of work runs with auto-commit off. On a read-only datasource it runs in the database's
 * read-only transaction where there is one ({@link ReadOnlySupport}) and is <b>always rolled back</b>;
 * on a writable one it is committed when it succeeds. Failures become {@link QueryException}s with safe
 * messages; connections always go back to the pool.
 */
@Named
public final class QueryExecutor implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(QueryExecutor.class);
    /** Rows per round trip unless the request says otherwise; the cap lowers it for small results. */
    static final int DEFAULT_FETCH_SIZE = 500;
    private static final long WATCHDOG_GRACE_MS = 1_000;
    /** PgJDBC cannot cancel a fetch (only an execution): the abort is what ends those. */
    private static final long WATCHDOG_ABORT_AFTER_MS = 2_000;

    private final DatasourcePools pools;
    private final Watchdog watchdog;

    @Inject
    public QueryExecutor(DatasourcePools pools) {
        this(pools, WATCHDOG_GRACE_MS, WATCHDOG_ABORT_AFTER_MS);
    }

    QueryExecutor(DatasourcePools pools, long watchdogGraceMillis, long watchdogAbortAfterMillis) {
        this.pools = Objects.requireNonNull(pools, "pools");
        this.watchdog = new Watchdog(watchdogGraceMillis, watchdogAbortAfterMillis);
    }

    /**
     * @return what the sink received
     * @throws QueryException if the query could not run or failed; the sink may have received part of
     *     the result by then
     */
    public QueryOutcome execute(QueryRequest request, RowSink sink) throws QueryException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sink, "sink");
        // Drivers may load helpers through the context class loader; render threads carry Confluence's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(QueryExecutor.class.getClassLoader());
        try {
            DatasourcePools.Lease lease = lease(request.getDatasource());
            try {
                return run(lease.getConnection(), lease.getPool(), request, sink);
            } finally {
                giveBack(lease);
            }
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private DatasourcePools.Lease lease(Datasource requested) throws QueryException {
        try {
            return pools.lease(requested);
        } catch (NotFoundException e) {
            throw new QueryException(QueryFailure.DATASOURCE_NOT_FOUND, Failures.text("datasource.gone",
                    requested.getName()));
        } catch (IllegalStateException e) {
            // The pools refuse new leases only while the app stops.
            throw new QueryException(QueryFailure.INTERNAL, Failures.text("stopping"));
        } catch (PasswordDecryptionException | SecretKeyStoreException e) {
            throw new QueryException(QueryFailure.PASSWORD_UNREADABLE, Failures.text("password",
                    requested.getName(), e.getMessage()));
        } catch (RuntimeException e) {
            // The store could not be read, or the settings could not be turned into a pool.
            log.warn("Datasource {} could not be prepared: {}", requested.getId(), Secrets.describe(e));
            throw new QueryException(QueryFailure.INTERNAL, Failures.text("prepare", requested.getName(),
                    Secrets.describe(e)));
        } catch (DatasourcePools.ConnectionUnavailableException e) {
            PooledDatasource pool = e.getPool();
            PoolStats stats = e.getStats();
            QueryException failure = Failures.fromAcquire(e.getFailure(), context(pool), stats);
            logFailure(pool, failure);
            throw failure;
        }
    }

    private QueryOutcome run(Connection connection, PooledDatasource pool, QueryRequest request, RowSink sink)
            throws QueryException {
        Datasource datasource = pool.getDatasource();
        DatasourceSettings settings = datasource.getSettings();
        boolean readOnly = settings.isReadOnly();
        int cap = request.rowCap(settings.getMaxRows());
        int fetchSize = request.getFetchSize() > 0 ? request.getFetchSize() : Math.min(cap + 1, DEFAULT_FETCH_SIZE);
        boolean succeeded = false;
        Watchdog.Ticket ticket = null;
        try {
            if (readOnly) {
                beginReadOnly(connection, pool.getFamily(), request.getSql());
            }
            QueryOutcome outcome;
            try (PreparedStatement statement = connection.prepareStatement(request.getSql(),
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                statement.setQueryTimeout(settings.getQueryTimeoutSeconds());
                statement.setMaxRows(cap + 1);
                statement.setFetchSize(fetchSize);
                if (request.getParameters() != null) {
                    request.getParameters().bindTo(statement);
                }
                ticket = watchdog.watch(statement, connection, settings.getQueryTimeoutSeconds() * 1000L,
                        pool.getPoolName());
                outcome = statement.execute()
                        ? stream(statement, datasource, cap, sink)
                        : noResultSet(datasource, cap, sink);
            }
            ticket.close();
            if (ticket.fired()) {
                // Some databases end a cancelled statement quietly (MariaDB's SLEEP returns 1): the
                // result may be incomplete, so it is a timeout all the same.
                throw Failures.fromStatement(new SQLException("cancelled after the query timeout", "57014"),
                        context(pool), true);
            }
            if (!readOnly) {
                connection.commit();
            }
            succeeded = true;
            return outcome;
        } catch (SQLException e) {
            QueryException failure = Failures.fromStatement(e, context(pool), ticket != null && ticket.fired());
            logFailure(pool, failure);
            throw failure;
        } catch (IOException e) {
            throw new QueryException(QueryFailure.OUTPUT_FAILED, Failures.text("output",
                    pool.mask(String.valueOf(e.getMessage()))));
        } catch (RuntimeException e) {
            // A driver or sink bug: report it without its stack trace, which may quote connection details.
            String described = Secrets.describe(e);
            log.warn("{}: unexpected failure: {}", pool.getPoolName(), pool.mask(described));
            throw new QueryException(QueryFailure.INTERNAL, Failures.text("unexpected", pool.mask(described)));
        } finally {
            if (ticket != null) {
                ticket.close();
            }
            if (readOnly || !succeeded) {
                rollback(connection, pool);
            }
        }
    }

    private static QueryOutcome stream(PreparedStatement statement, Datasource datasource, int cap, RowSink sink)
            throws SQLException, IOException {
        try (ResultSet resultSet = statement.getResultSet()) {
            List<ResultColumn> columns = ResultColumn.of(resultSet.getMetaData());
            sink.start(columns);
            ResultSetRow row = new ResultSetRow(resultSet);
            int count = 0;
            boolean truncated = false;
            while (resultSet.next()) {
                if (count == cap) {
                    truncated = true;
                    break;
                }
                row.setRowNumber(++count);
                sink.row(row);
            }
            sink.end(count, truncated);
            return new QueryOutcome(datasource, columns, count, cap, truncated);
        }
    }

    private static QueryOutcome noResultSet(Datasource datasource, int cap, RowSink sink) throws IOException {
        sink.start(List.of());
        sink.end(0, false);
        return new QueryOutcome(datasource, List.of(), 0, cap, false);
    }

    private static void beginReadOnly(Connection connection, JdbcDriverFamily family, String sql) throws SQLException {
        ReadOnlySupport support = ReadOnlySupport.of(family);
        support.checkStatement(connection, sql);
        List<String> statements = support.getUnitOfWorkStatements();
        if (!statements.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                for (String opening : statements) {
                    statement.execute(opening);
                }
            }
        }
    }

    /** Ends every read-only unit of work and every failed one; a failure here must not hide the first. */
    private static void rollback(Connection connection, PooledDatasource pool) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            // The pool checks connections before lending them again and discards broken ones.
            log.debug("Rollback on {} failed: {}", pool.getPoolName(), pool.mask(e.getMessage()));
        }
    }

    private static void giveBack(DatasourcePools.Lease lease) {
        try {
            lease.close();
        } catch (SQLException e) {
            log.debug("Returning a connection to {} failed: {}", lease.getPool().getPoolName(),
                    lease.getPool().mask(e.getMessage()));
        }
    }

    private static Failures.Context context(PooledDatasource pool) {
        Datasource datasource = pool.getDatasource();
        return new Failures.Context(datasource.getName(), pool.getFamily(), datasource.getSettings().isReadOnly(),
                datasource.getSettings().getQueryTimeoutSeconds(), pool::mask);
    }

    /** Connection trouble is the admin's business and goes to the log; SQL errors are the author's and do not. */
    private static void logFailure(PooledDatasource pool, QueryException failure) {
        switch (failure.getFailure()) {
            case CONNECTION_FAILED:
            case AUTHENTICATION_FAILED:
            case UNKNOWN_HOST:
            case POOL_BUSY:
                log.warn("{}: {}", pool.getPoolName(), Secrets.mask(failure.getMessage()));
                break;
            default:
                log.debug("{}: {}", pool.getPoolName(), failure.getMessage());
                break;
        }
    }

    /** Stops the watchdog thread when the plugin stops. */
    @Override
    public void destroy() {
        watchdog.shutdown();
    }
}
