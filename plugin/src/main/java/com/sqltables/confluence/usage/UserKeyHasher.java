package com.sqltables.confluence.usage;

import com.sqltables.confluence.settings.ao.SettingsStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Turns a viewer's user key, or a table's identity key, into a keyed hash (HMAC-SHA-256 with a random
 * secret of this installation), so the sets of active users and rendered tables hold no identities and
 * cannot be reversed by hashing known user keys or pages. The secret is created once, on first use, in
 * the app settings (shared by every node) and never leaves the installation.
 */
@Named
public class UserKeyHasher {
    /** App setting holding the secret, Base64 of 32 random bytes. */
    public static final String SECRET_SETTING = "usage.active-users.hash-key";
    private static final String ALGORITHM = "HmacSHA256";

    private final SettingsStore settings;
    private final SecureRandom random = new SecureRandom();
    private volatile byte[] secret;

    @Inject
    public UserKeyHasher(SettingsStore settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the keyed hash of the user key as 64 lower-case hex digits */
    public String hash(String userKey) {
        return hmac(Objects.requireNonNull(userKey, "userKey"));
    }

    /**
     * @param tableKey a table's identity key ({@code MacroRender.getTableKey()})
     * @return its keyed hash as 64 lower-case hex digits
     */
    public String hashTable(String tableKey) {
        // The prefix keeps the two kinds of hash apart even if they were ever stored side by side.
        return hmac("table:" + Objects.requireNonNull(tableKey, "tableKey"));
    }

    private String hmac(String input) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret(), ALGORITHM));
            byte[] digest = mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return hex.toString();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (secret == null) {
                Optional<String> stored = settings.get(SECRET_SETTING);
                if (stored.isEmpty()) {
                    byte[] fresh = new byte[32];
                    random.nextBytes(fresh);
                    settings.put(SECRET_SETTING, Base64.getEncoder().encodeToString(fresh), null);
                    // Read back: if two nodes created a secret at the same moment, the last write wins
                    // and both use it from now on (at worst one user is counted twice in that minute).
                    stored = settings.get(SECRET_SETTING);
                }
                secret = Base64.getDecoder().decode(stored.orElseThrow());
            }
            return secret;
        }
    }
}
