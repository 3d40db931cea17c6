package com.sqltables.host.ao;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import net.java.ao.RawEntity;
import net.java.ao.atlassian.AtlassianTableNameConverter;

/**
 * Table names exactly as Confluence's Active Objects plugin derives them: {@code AO_} followed by the
 * last six hex digits of the MD5 of the namespace (the {@code <ao namespace>}, or the plugin key when
 * none is set), upper-cased, then {@code _} and the entity's name in UPPER_UNDERSCORE.
 */
public final class AoTableNames {
    private AoTableNames() {
    }

    /**
     * The table prefix of a namespace, without the trailing separator.
     *
     * @param namespace the AO namespace, e.g. {@code com.example.plugin}
     * @return e.g. {@code AO_8A1F3C}
     */
    public static String tablePrefix(String namespace) {
        if (namespace == null || namespace.trim().isEmpty()) {
            throw new IllegalArgumentException("namespace must not be blank");
        }
        String md5 = md5Hex(namespace);
        return ("AO_" + md5.substring(md5.length() - 6)).toUpperCase(Locale.ENGLISH);
    }

    /**
     * The full table name of an entity in a namespace, e.g. {@code AO_8A1F3C_SAVED_QUERY}.
     *
     * @param namespace the AO namespace
     * @param entityType the entity interface
     * @return the table name, as the host creates it
     */
    public static String tableName(String namespace, Class<? extends RawEntity<?>> entityType) {
        String prefix = tablePrefix(namespace);
        return new AtlassianTableNameConverter(name -> prefix + "_" + name).getName(Objects.requireNonNull(entityType));
    }

    private static String md5Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides MD5", e);
        }
    }
}
