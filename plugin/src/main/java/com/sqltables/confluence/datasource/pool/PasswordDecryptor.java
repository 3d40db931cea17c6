package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.security.PasswordDecryptionException;

/**
 * Turns a stored datasource's password ciphertext into the plain password, for the moment a pool is
 * built. The pools call it at no other time and keep the result only inside the pool's driver
 * properties, so a password never reaches a page, a log line or an error message.
 */
public interface PasswordDecryptor {
    /**
     * @param datasource the stored datasource; its {@code getSettings().getPasswordCiphertext()} may be
     *     {@code null}
     * @return the plain password, or {@code null} when the datasource has none
     * @throws PasswordDecryptionException if the ciphertext cannot be decrypted; the message tells an
     *     administrator what to do and contains no secret
     */
    String decrypt(Datasource datasource);
}
