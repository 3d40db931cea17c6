package com.sqltables.confluence.macro;

import java.util.List;
import java.util.Map;

/**
 * Tells one SQL table from another for the usage report's count of tables in use: a 128-bit key mixed
 * from the content the macro is on (its id) and the macro's definition (its parameters and SQL body).
 * Confluence gives a macro no stable id of its own, so two macros with the same definition on one page
 * are one table, and editing a macro's definition makes it a new one.
 *
 * <p>Runs on every render, so it must cost next to nothing (the usage counting of a render is held to
 * under a microsecond, bench section 5): it builds on {@link String#hashCode()}, which a String
 * computes once and keeps, instead of a cryptographic digest (SHA-256 here cost about 1.2 µs per
 * render). Two different tables get the same key only if they are on the same page and their
 * definitions collide in 64 bits of string hashes, or if 128 mixed bits collide across pages: far below
 * anything a monthly count could notice. The key lives only in memory until the next flush, which
 * stores a keyed hash (HMAC with the installation's secret) of it instead: neither the page, the SQL nor
 * any name is kept or stored, and the key itself holds no text of the macro.
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
     * @return 32 lower-case hex digits
     */
    public static String of(long contentId, Map<String, String> parameters, String body) {
        int definition = 1;
        for (String name : PARAMETER_NAMES) {
            String value = parameters == null ? null : parameters.get(name);
            // An empty parameter and a missing one mean the same to the macro; the name keeps a value
            // in one parameter apart from the same value in another.
            int valueHash = trimmedHash(value);
            definition = 31 * definition + (valueHash == 0 && isBlank(value) ? 0 : name.hashCode() * 31 + valueHash);
        }
        int sql = isBlank(body) ? 0 : trimmedHash(body);
        long high = mix(contentId ^ 0x5EED_5EED_5EED_5EEDL, definition, sql);
        long low = mix(contentId * 0x9E37_79B9_7F4A_7C15L + 1, sql, definition);
        char[] hex = new char[32];
        toHex(high, hex, 0);
        toHex(low, hex, 16);
        return new String(hex);
    }

    private static boolean isBlank(String value) {
        return value == null || value.trim().isEmpty();
    }

    /** {@code value.trim().hashCode()} without making the trimmed copy: the String's kept hash when there is nothing to trim. */
    private static int trimmedHash(String value) {
        if (value == null) {
            return 0;
        }
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= ' ') {
            end--;
        }
        if (start == 0 && end == value.length()) {
            return value.hashCode();
        }
        int hash = 0;
        for (int i = start; i < end; i++) {
            hash = 31 * hash + value.charAt(i);
        }
        return hash;
    }

    /** SplitMix64's finaliser over the three inputs: every input bit affects every output bit. */
    private static long mix(long seed, int a, int b) {
        long z = seed + 0x9E37_79B9_7F4A_7C15L * (((long) a << 32) ^ (b & 0xFFFF_FFFFL) ^ 0x632B_E59B_D9B4_E019L);
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }

    private static void toHex(long value, char[] out, int at) {
        for (int i = 15; i >= 0; i--) {
            out[at + i] = Character.forDigit((int) (value & 0xf), 16);
            value >>>= 4;
        }
    }
}
