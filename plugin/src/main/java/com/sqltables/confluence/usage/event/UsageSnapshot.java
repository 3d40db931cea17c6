package com.sqltables.confluence.usage.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What was counted in one period since the last drain: counter key → count (zero counts left out), the
 * user keys of the viewers and the identity keys of the tables rendered. Immutable.
 */
public final class UsageSnapshot {
    private final String period;
    private final Map<String, Long> counters;
    private final Set<String> activeUserKeys;
    private final Set<String> tableKeys;

    public UsageSnapshot(String period, Map<String, Long> counters, Set<String> activeUserKeys, Set<String> tableKeys) {
        this.period = period;
        this.counters = Collections.unmodifiableMap(new LinkedHashMap<>(counters));
        this.activeUserKeys = Collections.unmodifiableSet(new LinkedHashSet<>(activeUserKeys));
        this.tableKeys = Collections.unmodifiableSet(new LinkedHashSet<>(tableKeys));
    }

    /** @return the period, e.g. {@code 2026-11} (see {@link com.sqltables.confluence.usage.Periods}) */
    public String getPeriod() {
        return period;
    }

    /** @return counter key → count, only counts above zero */
    public Map<String, Long> getCounters() {
        return counters;
    }

    /** @return the user keys of the viewers; to be hashed before they are stored */
    public Set<String> getActiveUserKeys() {
        return activeUserKeys;
    }

    /**
     * @return the identity keys of the tables rendered (see {@link MacroRender#getTableKey()}); to be
     *     hashed with a key before they are stored
     */
    public Set<String> getTableKeys() {
        return tableKeys;
    }

    /** @return whether nothing was counted */
    public boolean isEmpty() {
        return counters.isEmpty() && activeUserKeys.isEmpty() && tableKeys.isEmpty();
    }

    @Override
    public String toString() {
        return "UsageSnapshot{" + period + ", counters=" + counters + ", activeUsers=" + activeUserKeys.size() + ", tables="
                + tableKeys.size() + "}";
    }
}
