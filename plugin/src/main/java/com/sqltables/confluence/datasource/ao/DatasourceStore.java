package com.sqltables.confluence.datasource.ao;

import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.DuplicateNameException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import java.util.List;
import java.util.Optional;

/**
 * Stores datasources. Names are unique ignoring case. Every change runs in one transaction and is
 * safe with several cluster nodes writing at once. The password is stored exactly as given: callers
 * pass ciphertext.
 */
public interface DatasourceStore {
    /**
     * @param settings the new datasource
     * @param actorUserKey who creates it, or {@code null} for the system
     * @return the stored datasource, revision 1
     * @throws ValidationException if a setting is invalid (field names as in {@link DatasourceSettings})
     * @throws DuplicateNameException if the name is taken
     */
    Datasource create(DatasourceSettings settings, String actorUserKey);

    /**
     * Replaces all settings, if nobody changed the datasource since {@code expectedRevision} was read.
     *
     * @return the stored datasource with the next revision
     * @throws NotFoundException if it does not exist
     * @throws ConflictException if its revision is no longer {@code expectedRevision}
     * @throws ValidationException if a setting is invalid
     * @throws DuplicateNameException if the new name is taken by another datasource
     */
    Datasource update(long id, long expectedRevision, DatasourceSettings settings, String actorUserKey);

    /** @return the datasource with this id, if any */
    Optional<Datasource> get(long id);

    /** @return the datasource with this name, ignoring case and surrounding blanks, if any */
    Optional<Datasource> findByName(String name);

    /** @return all datasources, by name */
    List<Datasource> list();

    /**
     * @throws NotFoundException if it does not exist
     * @throws ConflictException if saved queries still use it
     */
    void delete(long id);
}
