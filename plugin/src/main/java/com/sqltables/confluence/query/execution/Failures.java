package com.sqltables.confluence.query.execution;

import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import java.io.Serializable;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Maps JDBC failures to {@link QueryException}s with safe messages. Vendor codes are only read for the
 * driver family that defines them.
 */
final class Failures {
    /** Long driver messages are cut: an error box is no log file. */
    private static final int MAX_MESSAGE_LENGTH = 2_000;
    private static final String KEY_PREFIX = "com.sqltables.confluence.query.failure.";

    private Failures() {
    }

    /** What the classification needs to know about where the failure happened. */
    static final class Context {
        final String datasourceName;
        final JdbcDriverFamily family;
        final boolean readOnly;
        final int queryTimeoutSeconds;
        final UnaryOperator<String> masker;

        Context(String datasourceName, JdbcDriverFamily family, boolean readOnly, int queryTimeoutSeconds,
                UnaryOperator<String> masker) {
            this.datasourceName = datasourceName;
            this.family = family;
            this.readOnly = readOnly;
            this.queryTimeoutSeconds = queryTimeoutSeconds;
            this.masker = masker;
        }
    }

    /**
     * A failure to get a connection from the pool: HikariCP reports both a busy pool and a failing
     * database as a timeout; only the second carries the connection failure as its cause. Without a
     * cause no connection attempt failed, so a pool that holds connections was simply busy: judging by
     * {@code active >= maximum} instead misreads a pool whose connection is on its way back, or that is
     * still growing, as a database problem (found by the bench's 200 concurrent renders). Only a pool
     * with no connection at all, and no failed attempt, means the database did not answer in time.
     */
    static QueryException fromAcquire(SQLException e, Context context, PoolStats stats) {
        if (e instanceof SQLTransientConnectionException && e.getCause() == null) {
            if (stats.getTotal() > 0 || stats.getActive() > 0) {
                return new QueryException(QueryFailure.POOL_BUSY, text("busy", context.datasourceName,
                        String.valueOf(stats.getMaximum())));
            }
            return new QueryException(QueryFailure.CONNECTION_FAILED, text("connect.timeout",
                    context.datasourceName), null, e.getSQLState(), e.getErrorCode());
        }
        Throwable cause = e instanceof SQLTransientConnectionException && e.getCause() != null ? e.getCause() : e;
        QueryException connection = connectionFailure(cause, context);
        if (connection != null) {
            return connection;
        }
        return fromStatement(cause instanceof SQLException ? (SQLException) cause : e, context, false);
    }

    /** A failure to open a connection directly from the driver (connection test). */
    static QueryException fromConnect(SQLException e, Context context) {
        QueryException connection = connectionFailure(e, context);
        return connection != null ? connection : fromStatement(e, context, false);
    }

    /**
     * @param cancelledByWatchdog whether our backstop cancelled the statement: then whatever the driver
     *     reports is the timeout's doing
     */
    static QueryException fromStatement(SQLException e, Context context, boolean cancelledByWatchdog) {
        String message = databaseMessage(e, context);
        if (cancelledByWatchdog || isTimeout(e, context.family)) {
            return new QueryException(QueryFailure.TIMEOUT, text("timeout", context.datasourceName,
                    String.valueOf(context.queryTimeoutSeconds)), message, e.getSQLState(), e.getErrorCode());
        }
        QueryException connection = connectionFailure(e, context);
        if (connection != null) {
            return connection;
        }
        if (context.readOnly && isReadOnlyViolation(e, context.family)) {
            return new QueryException(QueryFailure.READ_ONLY_VIOLATION, text("read.only", context.datasourceName,
                    message), message, e.getSQLState(), e.getErrorCode());
        }
        I18nText text = e.getSQLState() == null ? text("sql", message) : text("sql.state", message, e.getSQLState());
        return new QueryException(QueryFailure.SQL_ERROR, text, message, e.getSQLState(), e.getErrorCode());
    }

    private static QueryException connectionFailure(Throwable failure, Context context) {
        UnknownHostException unknownHost = find(failure, UnknownHostException.class);
        SQLException sql = failure instanceof SQLException ? (SQLException) failure : find(failure, SQLException.class);
        String state = sql == null ? null : sql.getSQLState();
        int code = sql == null ? 0 : sql.getErrorCode();
        if (unknownHost != null) {
            I18nText text = unknownHost.getMessage() == null ? text("unknown.host", context.datasourceName)
                    : text("unknown.host.named", context.datasourceName, context.masker.apply(unknownHost.getMessage()));
            return new QueryException(QueryFailure.UNKNOWN_HOST, text, databaseMessage(failure, context), state, code);
        }
        if (sql != null && isAuthenticationFailure(sql, context.family)) {
            return new QueryException(QueryFailure.AUTHENTICATION_FAILED, text("authentication",
                    context.datasourceName, databaseMessage(failure, context)), databaseMessage(failure, context), state, code);
        }
        boolean connectionState = state != null && state.startsWith("08");
        if (connectionState || failure instanceof SQLNonTransientConnectionException
                || find(failure, ConnectException.class) != null || find(failure, NoRouteToHostException.class) != null
                || find(failure, SocketTimeoutException.class) != null) {
            return new QueryException(QueryFailure.CONNECTION_FAILED, text("connect", context.datasourceName,
                    databaseMessage(failure, context)), databaseMessage(failure, context), state, code);
        }
        return null;
    }

    private static boolean isAuthenticationFailure(SQLException e, JdbcDriverFamily family) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("28")) {
            return true;
        }
        switch (family) {
            case MARIADB:
                return e.getErrorCode() == 1045;
            case SQLSERVER:
                return e.getErrorCode() == 18456;
            case ORACLE:
                return e.getErrorCode() == 1017;
            default:
                return false;
        }
    }

    private static boolean isTimeout(SQLException e, JdbcDriverFamily family) {
        if (e instanceof SQLTimeoutException) {
            return true;
        }
        String state = e.getSQLState();
        if ("57014".equals(state) || "HY008".equals(state)) {
            return true;
        }
        switch (family) {
            case MARIADB:
                // 1969: max_statement_time exceeded; 3024: MySQL's max_execution_time; 1317: interrupted.
                return e.getErrorCode() == 1969 || e.getErrorCode() == 3024 || e.getErrorCode() == 1317;
            case ORACLE:
                return e.getErrorCode() == 1013;
            default:
                return false;
        }
    }

    private static boolean isReadOnlyViolation(SQLException e, JdbcDriverFamily family) {
        if ("25006".equals(e.getSQLState())) {
            return true;
        }
        switch (family) {
            case MARIADB:
                return e.getErrorCode() == 1792;
            case H2:
                return e.getErrorCode() == 90097;
            case ORACLE:
                return e.getErrorCode() == 1456;
            default:
                return false;
        }
    }

    /** @return the sentence under {@code com.sqltables.confluence.query.failure.} with its arguments */
    static I18nText text(String key, String... arguments) {
        return I18nText.of(KEY_PREFIX + key, (Serializable[]) arguments);
    }

    /** @return the failure's own message (the driver's wording), masked and cut to a readable length */
    static String databaseMessage(Throwable failure, Context context) {
        String message = null;
        for (Throwable t = failure; t != null && message == null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().trim().isEmpty()) {
                message = t.getMessage().trim();
            }
        }
        if (message == null) {
            message = failure.getClass().getSimpleName();
        }
        String masked = context.masker.apply(message);
        return masked.length() > MAX_MESSAGE_LENGTH ? masked.substring(0, MAX_MESSAGE_LENGTH) + "…" : masked;
    }

    /** Searches causes and chained SQLExceptions, guarding against cycles. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t instanceof SQLException) {
                SQLException next = ((SQLException) t).getNextException();
                if (next != null && next != t && type.isInstance(next)) {
                    return type.cast(next);
                }
            }
        }
        return null;
    }
}
