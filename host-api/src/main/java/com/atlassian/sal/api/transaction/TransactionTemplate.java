package com.atlassian.sal.api.transaction;

// Signature source: sal-api 5.1.4 (decompiled Confluence 8.7.2), com/atlassian/sal/api/transaction/TransactionTemplate.java.
/** Compile-only stand-in for SAL's host transaction template. */
public interface TransactionTemplate {
    <T> T execute(TransactionCallback<T> callback);
}
