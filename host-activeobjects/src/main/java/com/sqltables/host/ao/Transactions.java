package com.sqltables.host.ao;

import com.atlassian.sal.api.transaction.TransactionCallback;
import java.sql.Connection;
import java.sql.SQLException;
import net.java.ao.ActiveObjectsException;
import net.java.ao.EntityManager;
import net.java.ao.Transaction;

/**
 * Runs callbacks in real JDBC transactions on the entity manager's connection, the way Confluence's
 * host transaction behaves for plugins (Spring's REQUIRED propagation): an outermost call begins,
 * commits or rolls back; a nested call joins it; a nested failure dooms the whole transaction even if
 * the outer callback catches it.
 */
final class Transactions {
    private final EntityManager entityManager;
    private final int isolationLevel;
    // Per instance: two HostActiveObjects on one thread are two independent clients, like two nodes.
    private final ThreadLocal<Scope> current = new ThreadLocal<>();

    Transactions(EntityManager entityManager, int isolationLevel) {
        this.entityManager = entityManager;
        this.isolationLevel = isolationLevel;
    }

    boolean inTransaction() {
        return current.get() != null;
    }

    <T> T execute(TransactionCallback<T> callback) {
        Scope outer = current.get();
        if (outer != null) {
            return joined(outer, callback);
        }
        Scope scope = new Scope();
        current.set(scope);
        try {
            return new Transaction<T>(entityManager) {
                @Override
                protected T run() throws SQLException {
                    // AO opens transactions SERIALIZABLE; Confluence runs READ COMMITTED on every database.
                    // No statement has run yet, so every driver accepts the change for this transaction.
                    Connection connection = getEntityManager().getProvider().getConnection();
                    connection.setTransactionIsolation(isolationLevel);
                    T result = callback.doInTransaction();
                    if (scope.rollbackOnly != null) {
                        throw new IllegalStateException(
                                "Transaction rolled back: a nested executeInTransaction call failed", scope.rollbackOnly);
                    }
                    return result;
                }
            }.execute();
        } catch (SQLException e) {
            throw new ActiveObjectsException("Transaction failed (SQLState " + e.getSQLState() + "): " + e.getMessage(), e);
        } finally {
            current.remove();
        }
    }

    private static <T> T joined(Scope scope, TransactionCallback<T> callback) {
        try {
            return callback.doInTransaction();
        } catch (RuntimeException | Error e) {
            if (scope.rollbackOnly == null) {
                scope.rollbackOnly = e;
            }
            throw e;
        }
    }

    private static final class Scope {
        private Throwable rollbackOnly;
    }
}
