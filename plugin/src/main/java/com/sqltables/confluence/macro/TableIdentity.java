package com.sqltables.confluence.macro;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;

/**
 * Tells one SQL table from another for the usage report's count of tables in use: a digest of the
 * content the macro is on (its id) and the macro's definition (its parameters and SQL body). Confluence
 * gives a macro no stable id of its own, so two macros with the same definition on one page are one
 * table, and editing a macro's definition makes it a new one.
 *
 * <p>The digest is plain SHA-256 and lives only in memory until the next flush, which stores a keyed
 * hash of it instead: neither the page, the SQL nor any name is kept or stored.
 */
public final class TableIdentity {
    /**
     * The macro's own parameters (as in the descriptor); others that Confluence may add to the map
     * (such as its raw copy of them) are left out, so only the definition decides.
     */
    static final List<String> PARAMETER_NAMES = List.of("datasource", "query", "parameters", "maxRows", "caption",
            "rowNumbers", "numberFormat", "dateFormat", "align", "cacheSeconds");

    private TableIdentity() {
    }

    /**
     * @param contentId the id of the saved page, blog post or comment the macro is on
     * @param parameters the macro's parameters as Confluence passes them; {@code null} for none
     * @param body the macro body (inline SQL), or {@code null}
     * @return 64 lower-case hex digits
     */
    public static String of(long contentId, Map<String, String> parameters, String body) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
        update(digest, "sql-table");
        update(digest, Long.toString(contentId));
        for (String name : PARAMETER_NAMES) {
            String value = parameters == null ? null : parameters.get(name);
            // An empty parameter and a missing one mean the same to the macro.
            update(digest, value == null || value.trim().isEmpty() ? "" : name + "=" + value.trim());
        }
        update(digest, body == null ? "" : body.trim());
        byte[] bytes = digest.digest();
        StringBuilder hex = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            hex.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
        }
        return hex.toString();
    }

    /** Length-prefixed, so no two different definitions give the same input. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
