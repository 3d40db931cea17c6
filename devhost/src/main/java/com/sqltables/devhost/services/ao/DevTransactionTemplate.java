package com.sqltables.devhost.services.ao;

import com.atlassian.sal.api.transaction.TransactionCallback;
import com.atlassian.sal.api.transaction.TransactionTemplate;

/**
 * SAL's transaction template. In Confluence, Active Objects joins the host's transaction; here the host
 * transaction is Active Objects' own, so AO work inside the callback commits or rolls back together. Without
 * an {@code <ao>} module, or before AO has started, the callback simply runs.
 */
public final class DevTransactionTemplate implements TransactionTemplate {
    private final DevActiveObjects activeObjects;
    private final boolean pluginHasAo;

    public DevTransactionTemplate(DevActiveObjects activeObjects, boolean pluginHasAo) {
        this.activeObjects = activeObjects;
        this.pluginHasAo = pluginHasAo;
    }

    @Override
    public <T> T execute(TransactionCallback<T> callback) {
        if (pluginHasAo && activeObjects.started()) {
            return activeObjects.executeInTransaction(callback);
        }
        return callback.doInTransaction();
    }
}
