package com.sqltables.confluence.settings.ao;

import com.sqltables.confluence.ValidationException;
import java.util.Map;
import java.util.Optional;

/**
 * App-wide settings as text, shared by all cluster nodes. Keys: 1–100 characters, lower-case
 * letters, digits and {@code . _ -}, starting with a letter or digit.
 */
public interface SettingsStore {
    /** @return the value, if the setting exists */
    Optional<String> get(String key);

    /** @return every setting, by key */
    Map<String, String> getAll();

    /**
     * Creates or replaces a setting; the last writer wins. Call it outside any other transaction: when
     * two nodes create the same key at once, the loser's insert is rejected and retried as an update,
     * which on PostgreSQL only works in a fresh transaction.
     *
     * @param value the value; {@code null} removes the setting
     * @param actorUserKey who writes it, or {@code null} for the system
     * @throws ValidationException on an invalid key or an oversized value
     */
    void put(String key, String value, String actorUserKey);

    /** @return whether the setting existed */
    boolean remove(String key);
}
