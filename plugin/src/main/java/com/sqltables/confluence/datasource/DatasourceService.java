package com.sqltables.confluence.datasource;

import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.DuplicateNameException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.pool.PoolStats;
import com.sqltables.confluence.query.SavedQuery;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What administrators do with datasources: the one place that validates settings (including the JDBC
 * URL policy), encrypts passwords, detects stale edits and writes the audit log. Passwords go in as plain
 * text and never come out: settings passed in have their ciphertext ignored, and audit entries name only
 * that a password changed.
 */
public interface DatasourceService {
    /** @return every datasource with how many saved queries use it, by name */
    List<DatasourceUsage> list();

    /** @return the datasource with this id, if any */
    Optional<Datasource> get(long id);

    /**
     * Stores a new datasource and its encrypted password in one transaction, and audits it.
     *
     * @param settings the settings; their password ciphertext is ignored
     * @param plainPassword the password, {@code null} or empty for none
     * @param actorUserKey who creates it
     * @throws ValidationException naming every invalid field (JDBC URL policy first)
     * @throws DuplicateNameException if the name is taken
     */
    Datasource create(DatasourceSettings settings, String plainPassword, String actorUserKey);

    /**
     * Replaces the settings if nobody changed the datasource since {@code expectedRevision} was read.
     *
     * @param newPlainPassword a new password, or {@code null}/empty to keep the stored one
     * @throws NotFoundException if it does not exist
     * @throws ConflictException if someone else saved it in between (a stale edit)
     * @throws ValidationException naming every invalid field
     */
    Datasource update(long id, long expectedRevision, DatasourceSettings settings, String newPlainPassword,
                      String actorUserKey);

    /**
     * @throws NotFoundException if it does not exist
     * @throws ConflictException naming the saved queries that still use it
     */
    void delete(long id, String actorUserKey);

    /**
     * Deletes the datasource and the saved queries that use it, in one transaction, auditing each
     * deletion — but only if those queries are exactly the ones the administrator confirmed, so a query
     * created meanwhile is never deleted unseen.
     *
     * @param confirmedSavedQueryIds the ids of the saved queries the administrator agreed to delete
     * @return the number of saved queries deleted
     * @throws NotFoundException if it does not exist
     * @throws ConflictException if the saved queries using it are not the confirmed ones (nothing deleted)
     */
    int deleteWithSavedQueries(long id, Set<Long> confirmedSavedQueryIds, String actorUserKey);

    /** @return the saved queries that use the datasource, by name; empty if none (or no such datasource) */
    List<SavedQuery> savedQueriesUsing(long id);

    /**
     * Opens one connection with the settings being edited, outside any pool.
     *
     * @param existingId the stored datasource whose password to use when {@code plainPassword} is empty,
     *     or {@code null} for a datasource not saved yet
     * @throws ValidationException if the URL or properties break the JDBC URL policy (nothing is opened)
     * @throws NotFoundException if {@code existingId} names no datasource
     */
    ConnectionCheck testConnection(DatasourceSettings settings, String plainPassword, Long existingId);

    /** A datasource, how many saved queries run on it, and this node's pool for it. */
    final class DatasourceUsage {
        private final Datasource datasource;
        private final int savedQueryCount;
        private final PoolStats poolStats;

        public DatasourceUsage(Datasource datasource, int savedQueryCount, PoolStats poolStats) {
            this.datasource = datasource;
            this.savedQueryCount = savedQueryCount;
            this.poolStats = poolStats;
        }

        /** @return this node's pool connections, or {@code null} while no pool exists (created on first use) */
        public PoolStats getPoolStats() {
            return poolStats;
        }

        /** @return the datasource */
        public Datasource getDatasource() {
            return datasource;
        }

        /** @return how many saved queries use it (a datasource in use cannot be deleted) */
        public int getSavedQueryCount() {
            return savedQueryCount;
        }
    }
}
