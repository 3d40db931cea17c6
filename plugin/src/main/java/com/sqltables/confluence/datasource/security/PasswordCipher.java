package com.sqltables.confluence.datasource.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts datasource passwords at rest with AES-256-GCM (authenticated encryption), a random 96-bit
 * IV per encryption, and the datasource's identity as additional authenticated data, so a ciphertext
 * copied to another datasource's row does not decrypt. The text form is self-describing:
 * <pre>v1:&lt;key id&gt;:&lt;base64url(iv | ciphertext | tag)&gt;</pre>
 * where the key id (8 hex digits of a hash of the key) tells a replaced key from a changed value.
 * Thread-safe.
 */
public final class PasswordCipher {
    private static final String VERSION = "v1";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");
    private static final String AAD_LABEL = "sql-tables/datasource-password/";
    private static final String ENTER_AGAIN = " Edit the datasource and enter its password again.";

    private final SecretKeyStore keys;
    private final SecureRandom random = new SecureRandom();

    public PasswordCipher(SecretKeyStore keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param password the plain password, or {@code null} for none
     * @param boundTo what the ciphertext belongs to, e.g. {@code datasource:42}; decrypting needs the
     *     same value. Use something that never changes for the datasource (its id), or re-encrypt when
     *     it changes
     * @return the ciphertext, or {@code null} for a {@code null} password
     */
    public String encrypt(String password, String boundTo) {
        Objects.requireNonNull(boundTo, "boundTo");
        if (password == null) {
            return null;
        }
        SecretKey key = keys.key();
        String keyId = keyId(key);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad(keyId, boundTo));
            byte[] sealed = cipher.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
            return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /**
     * @param ciphertext a value from {@link #encrypt}, or {@code null}
     * @param boundTo the same value given to {@link #encrypt}
     * @return the plain password, or {@code null} for {@code null}
     * @throws PasswordDecryptionException if the value is malformed, was encrypted with another key,
     *     was changed, or belongs to something else; the message names no secret
     */
    public String decrypt(String ciphertext, String boundTo) {
        Objects.requireNonNull(boundTo, "boundTo");
        if (ciphertext == null) {
            return null;
        }
        String[] parts = ciphertext.split(":", -1);
        byte[] data = parts.length == 3 && parts[0].equals(VERSION) && KEY_ID.matcher(parts[1]).matches()
                ? decodeOrNull(parts[2]) : null;
        if (data == null || data.length < IV_BYTES + TAG_BITS / 8) {
            throw new PasswordDecryptionException("The stored password is not in a format this version of SQL Tables"
                    + " can read." + ENTER_AGAIN);
        }
        SecretKey key = keys.key();
        String keyId = keyId(key);
        if (!keyId.equals(parts[1])) {
            throw new PasswordDecryptionException("The stored password was encrypted with another key (key id "
                    + parts[1] + ") than the one in " + keys.location() + " (key id " + keyId + "). Restore the"
                    + " original key file from a backup, or enter the password again.");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(aad(keyId, boundTo));
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PasswordDecryptionException("The stored password could not be decrypted: it was changed, or it"
                    + " belongs to another datasource." + ENTER_AGAIN);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** @return whether the value has this class's ciphertext form (it may still fail to decrypt) */
    public static boolean isCiphertext(String value) {
        if (value == null) {
            return false;
        }
        String[] parts = value.split(":", -1);
        return parts.length == 3 && parts[0].equals(VERSION) && KEY_ID.matcher(parts[1]).matches()
                && decodeOrNull(parts[2]) != null;
    }

    private static byte[] decodeOrNull(String base64) {
        try {
            return Base64.getUrlDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static byte[] aad(String keyId, String boundTo) {
        return (AAD_LABEL + VERSION + "/" + keyId + "/" + boundTo).getBytes(StandardCharsets.UTF_8);
    }

    /** @return 8 hex digits identifying the key; a one-way hash, so it reveals nothing about the key */
    static String keyId(SecretKey key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("sql-tables key id".getBytes(StandardCharsets.UTF_8));
            byte[] hash = sha.digest(key.getEncoded());
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 4; i++) {
                hex.append(String.format("%02x", hash[i]));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }
}
