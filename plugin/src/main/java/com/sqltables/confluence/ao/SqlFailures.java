package com.sqltables.confluence.ao;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Recognises what went wrong in the database behind the exceptions Active Objects throws, whatever
 * wraps them (the host's AO exception, a transaction wrapper): constraint violations, to turn a lost
 * race into a clear message after the check-before-write could not see the competing row, and
 * concurrency failures (deadlock, lock timeout), after which a retry may succeed.
 */
public final class SqlFailures {
    // Vendor codes where the SQLState (23000) alone does not tell unique from foreign-key violations.
    private static final int MYSQL_DUPLICATE_ENTRY = 1062;
    private static final int MYSQL_ROW_IS_REFERENCED = 1451;
    private static final int MYSQL_ROW_IS_REFERENCED_2 = 1217;
    private static final int MYSQL_NO_REFERENCED_ROW = 1216;
    private static final int MYSQL_NO_REFERENCED_ROW_2 = 1452;
    private static final int ORACLE_PARENT_KEY_NOT_FOUND = 2291;
    private static final int ORACLE_UNIQUE_VIOLATED = 1;
    private static final int ORACLE_CHILD_RECORD_FOUND = 2292;
    private static final int SQLSERVER_DUPLICATE_KEY = 2627;
    private static final int SQLSERVER_DUPLICATE_INDEX_KEY = 2601;
    private static final int SQLSERVER_CONFLICT = 547;
    private static final int MYSQL_LOCK_WAIT_TIMEOUT = 1205;
    private static final int MYSQL_DEADLOCK = 1213;
    private static final int H2_LOCK_TIMEOUT = 50200;
    private static final int H2_DEADLOCK = 40001;
    private static final int H2_CONCURRENT_UPDATE = 90131;

    private SqlFailures() {
    }

    /** @return whether a unique constraint or unique index rejected a write somewhere in the cause chain */
    public static boolean isUniqueViolation(Throwable failure) {
        for (SQLException e : sqlExceptions(failure)) {
            String state = e.getSQLState();
            int code = e.getErrorCode();
            if ("23505".equals(state)
                    || ("23000".equals(state) && (code == MYSQL_DUPLICATE_ENTRY || code == ORACLE_UNIQUE_VIOLATED
                    || code == SQLSERVER_DUPLICATE_KEY || code == SQLSERVER_DUPLICATE_INDEX_KEY))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether a foreign key rejected a write: a deleted row is still referenced, or an inserted
     *         row references a row that does not exist (any more)
     */
    public static boolean isForeignKeyViolation(Throwable failure) {
        for (SQLException e : sqlExceptions(failure)) {
            String state = e.getSQLState();
            int code = e.getErrorCode();
            // 23506 is H2's state for a missing referenced row; PostgreSQL uses 23503 both ways.
            if ("23503".equals(state) || "23506".equals(state)
                    || ("23000".equals(state) && (code == MYSQL_ROW_IS_REFERENCED || code == MYSQL_ROW_IS_REFERENCED_2
                    || code == MYSQL_NO_REFERENCED_ROW || code == MYSQL_NO_REFERENCED_ROW_2
                    || code == ORACLE_CHILD_RECORD_FOUND || code == ORACLE_PARENT_KEY_NOT_FOUND
                    || code == SQLSERVER_CONFLICT))) {
                return true;
            }
        }
        return false;
    }

    /**
     * @return whether the database aborted the statement or transaction because of concurrent work
     *         (serialization failure, deadlock, lock wait timeout); everything was rolled back
     */
    public static boolean isConcurrencyFailure(Throwable failure) {
        for (SQLException e : sqlExceptions(failure)) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            int code = e.getErrorCode();
            if (e instanceof java.sql.SQLTransactionRollbackException || state.startsWith("40")
                    || code == MYSQL_LOCK_WAIT_TIMEOUT || code == MYSQL_DEADLOCK
                    || code == H2_LOCK_TIMEOUT || code == H2_DEADLOCK || code == H2_CONCURRENT_UPDATE
                    || "55P03".equals(state)) {
                return true;
            }
        }
        return false;
    }

    private static List<SQLException> sqlExceptions(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SQLException> found = new ArrayList<>();
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(failure);
        while (!pending.isEmpty()) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException) {
                found.add((SQLException) t);
                addIfPresent(pending, ((SQLException) t).getNextException());
            }
            addIfPresent(pending, t.getCause());
        }
        return found;
    }

    private static void addIfPresent(Deque<Throwable> pending, Throwable t) {
        if (t != null) {
            pending.add(t);
        }
    }
}
