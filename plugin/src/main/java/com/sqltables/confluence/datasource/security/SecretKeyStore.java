package com.sqltables.confluence.datasource.security;

import javax.crypto.SecretKey;

/**
 * Holds the key that encrypts datasource passwords. The key must live apart from the ciphertexts:
 * these are in the database (Active Objects), so a copy or backup of the database alone reveals no
 * password. Every cluster node must see the same key.
 */
public interface SecretKeyStore {
    /**
     * @return the AES-256 key, created on first use
     * @throws SecretKeyStoreException if the key cannot be read or created
     */
    SecretKey key();

    /**
     * @return where the key is kept, for messages to administrators (e.g. a file path); never the key
     */
    String location();
}
