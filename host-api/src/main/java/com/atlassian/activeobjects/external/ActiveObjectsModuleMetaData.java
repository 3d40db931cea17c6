package com.atlassian.activeobjects.external;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.java.ao.RawEntity;

// Signature source: activeobjects-plugin 5.2.1 (decompiled Confluence 8.7.2), com/atlassian/activeobjects/external/ActiveObjectsModuleMetaData.java.
/**
 * Compile-only stand-in. A subset of the real interface: {@code getDatabaseType()} (returning the SPI's
 * {@code DatabaseType}) is left out because the plugin does not call it.
 */
public interface ActiveObjectsModuleMetaData {
    void awaitInitialization() throws ExecutionException, InterruptedException;

    void awaitInitialization(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException;

    boolean isInitialized();

    boolean isDataSourcePresent();

    boolean isTablePresent(Class<? extends RawEntity<?>> type);
}
