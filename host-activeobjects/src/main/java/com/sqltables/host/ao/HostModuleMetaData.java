package com.sqltables.host.ao;

import com.atlassian.activeobjects.external.ActiveObjectsModuleMetaData;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import net.java.ao.ActiveObjectsException;
import net.java.ao.DatabaseProvider;
import net.java.ao.EntityManager;
import net.java.ao.RawEntity;
import net.java.ao.schema.helper.DatabaseMetaDataReaderImpl;

/** Metadata of a host-built ActiveObjects: it is ready as soon as it has been built. */
final class HostModuleMetaData implements ActiveObjectsModuleMetaData {
    private final EntityManager entityManager;

    HostModuleMetaData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void awaitInitialization() {
        // Built synchronously: nothing to wait for.
    }

    @Override
    public void awaitInitialization(long timeout, TimeUnit unit) {
        // Built synchronously: nothing to wait for.
    }

    @Override
    public boolean isInitialized() {
        return true;
    }

    @Override
    public boolean isDataSourcePresent() {
        return true;
    }

    @Override
    public boolean isTablePresent(Class<? extends RawEntity<?>> type) {
        DatabaseProvider provider = entityManager.getProvider();
        DatabaseMetaDataReaderImpl reader = new DatabaseMetaDataReaderImpl(
                provider, entityManager.getNameConverters(), entityManager.getSchemaConfiguration());
        try (Connection connection = provider.getConnection()) {
            return reader.isTablePresent(connection.getMetaData(), type);
        } catch (SQLException e) {
            throw new ActiveObjectsException("Could not read table metadata: " + e.getMessage(), e);
        }
    }
}
