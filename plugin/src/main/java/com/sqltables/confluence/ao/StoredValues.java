package com.sqltables.confluence.ao;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/** Helpers for values stored in AO columns: ids, list columns, {@code IN} lists. */
public final class StoredValues {
    private StoredValues() {
    }

    /**
     * AO's {@code Entity} ids are {@code int}; the service boundary uses {@code long}.
     *
     * @return the id as an int, or {@code null} when no row can have it
     */
    public static Integer toEntityId(long id) {
        return id > 0 && id <= Integer.MAX_VALUE ? (int) id : null;
    }

    /**
     * The value of a {@code NAME_KEY} column: names are unique ignoring case, so every store that keeps
     * named rows compares and stores this form of the name.
     */
    public static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return the entries one per line, or {@code null} for an empty list */
    public static String joinLines(List<String> entries) {
        if (entries == null || entries.isEmpty()) {
            return null;
        }
        StringJoiner joiner = new StringJoiner("\n");
        entries.forEach(joiner::add);
        return joiner.toString();
    }

    /** @return the non-blank lines, trimmed; empty for {@code null} */
    public static List<String> splitLines(String stored) {
        if (stored == null || stored.isEmpty()) {
            return Collections.emptyList();
        }
        List<String> entries = new ArrayList<>();
        for (String line : stored.split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty()) {
                entries.add(trimmed);
            }
        }
        return Collections.unmodifiableList(entries);
    }

    /** @return {@code COLUMN IN (?,?,…)} with {@code count} placeholders, for AO criteria */
    public static String inCriteria(String column, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("An IN list needs at least one value");
        }
        StringBuilder criteria = new StringBuilder(column).append(" IN (?");
        for (int i = 1; i < count; i++) {
            criteria.append(",?");
        }
        return criteria.append(')').toString();
    }
}
