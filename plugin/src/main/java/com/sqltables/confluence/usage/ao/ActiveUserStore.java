package com.sqltables.confluence.usage.ao;

import com.sqltables.confluence.ValidationException;

/**
 * The set of active users per period, holding keyed hashes only, never user names or keys. The caller
 * computes the hash (e.g. HMAC-SHA-256 of the user key with a secret of this installation) so the
 * stored values cannot be turned back into users.
 *
 * <p>Call it from a background flush, not while rendering a page: when two nodes record the same user
 * at once, one insert is rejected by the unique constraint, and on PostgreSQL a rejected statement
 * spoils any transaction the call is made in. Each method runs its own transaction when called
 * outside one.
 */
public interface ActiveUserStore {
    /**
     * Adds a user to a period's set; safe when several nodes record the same user at once.
     *
     * @param userHash the keyed hash as lower-case hex, 16–128 digits
     * @return {@code true} if the user was not yet in the set
     * @throws ValidationException on an invalid period or hash
     */
    boolean record(String period, String userHash);

    /** @return how many distinct users are in the period's set */
    int count(String period);

    /** @return how many entries were deleted: the period's whole set */
    int purge(String period);
}
