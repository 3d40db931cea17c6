package com.sqltables.confluence.datasource.security;

/**
 * A stored password could not be decrypted: the key was replaced or lost, the stored value was
 * changed, or it belongs to another datasource. The message tells an administrator what to do and
 * never contains the password, the ciphertext or the key.
 */
public class PasswordDecryptionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PasswordDecryptionException(String message) {
        super(message);
    }
}
