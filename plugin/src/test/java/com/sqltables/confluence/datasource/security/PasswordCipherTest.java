package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.Test;

public class PasswordCipherTest {
    private static final String PASSWORD = "correct horse battery staple ✓";

    /** A key store holding a fixed key, as a test double for the file store. */
    private static SecretKeyStore keyOf(int seed) {
        byte[] raw = new byte[32];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (seed * 31 + i);
        }
        SecretKey key = new SecretKeySpec(raw, "AES");
        return new SecretKeyStore() {
            @Override
            public SecretKey key() {
                return key;
            }

            @Override
            public String location() {
                return "/shared/sql-tables/secret.key";
            }
        };
    }

    private final PasswordCipher cipher = new PasswordCipher(keyOf(1));

    @Test
    public void encrypt_thenDecrypt_givesThePasswordBack() {
        String ciphertext = cipher.encrypt(PASSWORD, "datasource:7");
        assertEquals(PASSWORD, cipher.decrypt(ciphertext, "datasource:7"));
        assertEquals("", cipher.decrypt(cipher.encrypt("", "datasource:7"), "datasource:7"));
    }

    @Test
    public void encrypt_isVersioned_andNeverContainsThePassword() {
        String ciphertext = cipher.encrypt(PASSWORD, "datasource:7");
        assertTrue(ciphertext, ciphertext.matches("v1:[0-9a-f]{8}:[A-Za-z0-9_-]+"));
        assertFalse(ciphertext.contains("horse"));
        assertTrue(PasswordCipher.isCiphertext(ciphertext));
        assertFalse(PasswordCipher.isCiphertext(PASSWORD));
    }

    @Test
    public void encrypt_twice_usesAFreshIv() {
        assertNotEquals(cipher.encrypt(PASSWORD, "datasource:7"), cipher.encrypt(PASSWORD, "datasource:7"));
    }

    @Test
    public void decrypt_forAnotherDatasource_fails() {
        String ciphertext = cipher.encrypt(PASSWORD, "datasource:7");
        PasswordDecryptionException e = assertThrows(PasswordDecryptionException.class,
                () -> cipher.decrypt(ciphertext, "datasource:8"));
        assertEquals("The stored password could not be decrypted: it was changed, or it belongs to another datasource."
                + " Edit the datasource and enter its password again.", e.getMessage());
    }

    @Test
    public void decrypt_tamperedCiphertext_fails() {
        String ciphertext = cipher.encrypt(PASSWORD, "datasource:7");
        String prefix = ciphertext.substring(0, 12);
        byte[] body = Base64.getUrlDecoder().decode(ciphertext.substring(12));
        body[body.length - 20] ^= 1;
        String tampered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(body);
        assertThrows(PasswordDecryptionException.class, () -> cipher.decrypt(tampered, "datasource:7"));
    }

    @Test
    public void decrypt_withAnotherKey_saysSoWithoutSecrets() {
        String ciphertext = cipher.encrypt(PASSWORD, "datasource:7");
        PasswordDecryptionException e = assertThrows(PasswordDecryptionException.class,
                () -> new PasswordCipher(keyOf(2)).decrypt(ciphertext, "datasource:7"));
        assertTrue(e.getMessage(), e.getMessage().startsWith("The stored password was encrypted with another key"));
        assertTrue(e.getMessage(), e.getMessage().contains("/shared/sql-tables/secret.key"));
        assertNoSecret(e);
    }

    @Test
    public void decrypt_malformedOrUnknownVersion_fails() {
        for (String bad : new String[] {"plain", "v2:00000000:AAAA", "v1:xyz:AAAA", "v1:00000000:!!!", "v1:00000000:AAAA"}) {
            PasswordDecryptionException e = assertThrows(bad, PasswordDecryptionException.class,
                    () -> cipher.decrypt(bad, "datasource:7"));
            assertTrue(e.getMessage().startsWith("The stored password is not in a format"));
        }
    }

    @Test
    public void decryptionFailures_neverContainPasswordOrKey() {
        String ciphertext = cipher.encrypt(PASSWORD, "datasource:7");
        assertNoSecret(assertThrows(PasswordDecryptionException.class, () -> cipher.decrypt(ciphertext, "other")));
        assertNoSecret(assertThrows(PasswordDecryptionException.class,
                () -> cipher.decrypt(ciphertext.substring(0, ciphertext.length() - 2), "datasource:7")));
    }

    @Test
    public void nullPassword_staysNull() {
        assertNull(cipher.encrypt(null, "datasource:7"));
        assertNull(cipher.decrypt(null, "datasource:7"));
    }

    private static void assertNoSecret(Throwable e) {
        String key = Base64.getEncoder().encodeToString(keyOf(1).key().getEncoded());
        for (Throwable t = e; t != null; t = t.getCause()) {
            String text = t.toString();
            assertFalse(text, text.contains("horse"));
            assertFalse(text, text.contains(key));
        }
        assertNull("no cause that could carry key material", e.getCause());
    }
}
