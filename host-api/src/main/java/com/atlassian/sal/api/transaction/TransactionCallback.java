package com.atlassian.sal.api.transaction;

// Signature source: sal-api 5.1.4 (decompiled Confluence 8.7.2), com/atlassian/sal/api/transaction/TransactionCallback.java.
/**
 * Compile-only stand-in, declared in full because plugins implement it. No checked exception: a
 * {@code RuntimeException} thrown from {@link #doInTransaction()} rolls the transaction back.
 *
 * @param <T> the result type
 */
public interface TransactionCallback<T> {
    T doInTransaction();
}
