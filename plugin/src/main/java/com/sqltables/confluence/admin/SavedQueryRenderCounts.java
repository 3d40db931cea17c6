package com.sqltables.confluence.admin;

import com.sqltables.confluence.usage.Periods;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;

import javax.inject.Inject;
import javax.inject.Named;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How often each saved query was rendered this month and last (UTC), on all nodes: the usage counters
 * the macro counts per saved query id and the usage flush persists. Up to a flush interval behind.
 */
@Named
public class SavedQueryRenderCounts {
    private final UsageCounterStore counters;
    private final Clock clock;

    @Inject
    public SavedQueryRenderCounts(UsageCounterStore counters) {
        this(counters, Clock.systemUTC());
    }

    SavedQueryRenderCounts(UsageCounterStore counters, Clock clock) {
        this.counters = Objects.requireNonNull(counters, "counters");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return saved query id → renders in this and the previous month; queries never rendered are absent */
    public Map<Long, Long> thisAndLastMonth() {
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        Map<Long, Long> renders = new HashMap<>();
        for (YearMonth m : new YearMonth[] {month.minusMonths(1), month}) {
            counters.totals(Periods.of(m)).forEach((key, count) -> {
                if (key.startsWith(InMemoryUsageEvents.SAVED_QUERY_RENDERS_PREFIX)) {
                    try {
                        long id = Long.parseLong(key.substring(InMemoryUsageEvents.SAVED_QUERY_RENDERS_PREFIX.length()));
                        renders.merge(id, count, Long::sum);
                    } catch (NumberFormatException e) {
                        // Not one of ours: the prefix is reserved, but a stray key must not break the page.
                    }
                }
            });
        }
        return renders;
    }
}
