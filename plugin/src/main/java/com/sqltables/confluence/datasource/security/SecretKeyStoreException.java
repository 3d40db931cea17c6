package com.sqltables.confluence.datasource.security;

/** The encryption key could not be read or created. The message never contains key material. */
public class SecretKeyStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SecretKeyStoreException(String message) {
        super(message);
    }

    public SecretKeyStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
