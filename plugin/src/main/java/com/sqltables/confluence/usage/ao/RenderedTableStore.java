package com.sqltables.confluence.usage.ao;

import com.sqltables.confluence.ValidationException;

/**
 * The set of SQL tables rendered per period, holding keyed hashes only, never page ids, titles, SQL or
 * names. The caller computes the hash (HMAC-SHA-256 of the table's identity with a secret of this
 * installation) so the stored values cannot be matched against known pages.
 *
 * <p>Call it from a background flush, not while rendering a page: when two nodes record the same table
 * at once, one insert is rejected by the unique constraint, and on PostgreSQL a rejected statement
 * spoils any transaction the call is made in. Each method runs its own transaction when called outside
 * one.
 */
public interface RenderedTableStore {
    /**
     * Adds a table to a period's set; safe when several nodes record the same table at once.
     *
     * @param tableHash the keyed hash as lower-case hex, 16–128 digits
     * @return {@code true} if the table was not yet in the set
     * @throws ValidationException on an invalid period or hash
     */
    boolean record(String period, String tableHash);

    /** @return how many distinct tables are in the period's set */
    int count(String period);

    /** @return how many entries were deleted: the period's whole set */
    int purge(String period);
}
