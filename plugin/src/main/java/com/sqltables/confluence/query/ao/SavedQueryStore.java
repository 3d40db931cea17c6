package com.sqltables.confluence.query.ao;

import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.DuplicateNameException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import java.util.List;
import java.util.Optional;

/**
 * Stores saved queries with their parameters. Names are unique ignoring case. Every change runs in one
 * transaction; a query and its parameters always change together.
 */
public interface SavedQueryStore {
    /**
     * @param ownerUserKey the creating user, who becomes the owner; {@code null} for the system
     * @return the stored query, revision 1
     * @throws ValidationException if a setting is invalid or the datasource does not exist (field
     *         names: {@code name}, {@code datasourceId}, {@code sqlText}, {@code description},
     *         {@code parameters}, {@code parameters[i].name|type|defaultValue})
     * @throws DuplicateNameException if the name is taken
     */
    SavedQuery create(SavedQuerySettings settings, String ownerUserKey);

    /**
     * Replaces the settings and all parameters, if nobody changed the query since
     * {@code expectedRevision} was read. The owner stays.
     *
     * @throws NotFoundException if it does not exist
     * @throws ConflictException if its revision is no longer {@code expectedRevision}
     * @throws ValidationException if a setting is invalid
     * @throws DuplicateNameException if the new name is taken
     */
    SavedQuery update(long id, long expectedRevision, SavedQuerySettings settings, String actorUserKey);

    /** @return the query with this id, if any */
    Optional<SavedQuery> get(long id);

    /** @return the query with this name, ignoring case and surrounding blanks, if any */
    Optional<SavedQuery> findByName(String name);

    /** @return all queries, by name */
    List<SavedQuery> list();

    /** @return the queries running on a datasource, by name */
    List<SavedQuery> listForDatasource(long datasourceId);

    /**
     * Deletes the query and its parameters.
     *
     * @throws NotFoundException if it does not exist
     */
    void delete(long id);
}
