package com.sqltables.devhost.users;

import org.junit.Test;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

public class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(1_000);

    @Test
    public void hash_matchesOnlyTheSamePassword() {
        String hash = hasher.hash("admin");
        assertTrue(hash.startsWith("pbkdf2-sha256$1000$"));
        assertTrue(hasher.matches("admin", hash));
        assertFalse(hasher.matches("Admin", hash));
        assertFalse(hasher.matches("", hash));
    }

    @Test
    public void hash_isSaltedDifferentlyEachTime() {
        assertNotEquals(hasher.hash("admin"), hasher.hash("admin"));
    }

    @Test
    public void matches_usesTheIterationCountStoredInTheHash() {
        String strong = new PasswordHasher(2_000).hash("pw");
        assertTrue(hasher.matches("pw", strong));
    }

    @Test
    public void matches_malformedHashes_isFalse() {
        assertFalse(hasher.matches("admin", "admin"));
        assertFalse(hasher.matches("admin", "pbkdf2-sha256$x$y$z"));
        assertFalse(hasher.matches("admin", null));
        assertFalse(hasher.matches(null, hasher.hash("admin")));
    }
}
