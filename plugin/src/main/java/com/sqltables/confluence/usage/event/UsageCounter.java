package com.sqltables.confluence.usage.event;

/**
 * The counters macro renders add to, with their keys in the usage counter store. Keys are stored:
 * never change one; add new constants instead.
 */
public enum UsageCounter {
    RENDERS("macro.renders"),
    QUERY_SAVED("macro.query.saved"),
    QUERY_INLINE("macro.query.inline"),
    WITH_MACRO_PARAMETERS("macro.params.macro"),
    WITH_URL_PARAMETERS("macro.params.url"),
    WITH_CONTEXT_PARAMETERS("macro.params.context"),
    CACHE_HIT("macro.cache.hit"),
    CACHE_MISS("macro.cache.miss"),
    CACHE_REFRESH("macro.cache.refresh"),
    ROW_NUMBERS("macro.option.rowNumbers"),
    CAPTION("macro.option.caption"),
    NUMBER_FORMAT("macro.option.numberFormat"),
    DATE_FORMAT("macro.option.dateFormat"),
    COLUMN_ALIGNMENT("macro.option.align"),
    ROW_CAP_LOWERED("macro.option.maxRows"),
    OUTPUT_PAGE("macro.output.page"),
    OUTPUT_PREVIEW("macro.output.preview"),
    OUTPUT_EXPORT("macro.output.export"),
    OUTPUT_NOTIFICATION("macro.output.notification"),
    OUTPUT_DIFF("macro.output.diff"),
    OUTCOME_SUCCESS("macro.outcome.success"),
    OUTCOME_MACRO_PARAMETER("macro.outcome.macroParameter"),
    OUTCOME_NOT_FOUND("macro.outcome.notFound"),
    OUTCOME_ACCESS_DENIED("macro.outcome.accessDenied"),
    OUTCOME_QUERY_PARAMETER("macro.outcome.queryParameter"),
    OUTCOME_SQL_REJECTED("macro.outcome.sqlRejected"),
    OUTCOME_QUERY_FAILED("macro.outcome.queryFailed"),
    OUTCOME_TIMEOUT("macro.outcome.timeout"),
    OUTCOME_BUSY("macro.outcome.busy"),
    OUTCOME_INTERNAL("macro.outcome.internal"),
    /** Viewers not kept because the period's set of active users was full. */
    ACTIVE_USERS_DROPPED("macro.activeUsers.dropped"),
    /** Tables not kept because the period's set of rendered tables was full. */
    TABLES_DROPPED("macro.tables.dropped");

    private final String key;

    UsageCounter(String key) {
        this.key = key;
    }

    /** @return the key in the usage counter store */
    public String key() {
        return key;
    }

    static UsageCounter of(MacroRender.Output output) {
        switch (output) {
            case PAGE:
                return OUTPUT_PAGE;
            case PREVIEW:
                return OUTPUT_PREVIEW;
            case EXPORT:
                return OUTPUT_EXPORT;
            case NOTIFICATION:
                return OUTPUT_NOTIFICATION;
            case DIFF:
                return OUTPUT_DIFF;
            default:
                throw new AssertionError(output);
        }
    }

    static UsageCounter of(MacroRender.Outcome outcome) {
        return ByOutcome.COUNTERS[outcome.ordinal()];
    }

    static UsageCounter of(MacroRender.CacheUse cacheUse) {
        switch (cacheUse) {
            case HIT:
                return CACHE_HIT;
            case MISS:
                return CACHE_MISS;
            case REFRESH:
                return CACHE_REFRESH;
            default:
                return null;
        }
    }

    /** Outcome → counter, resolved once by name: every render needs it, and a name lookup builds a string. */
    private static final class ByOutcome {
        static final UsageCounter[] COUNTERS = new UsageCounter[MacroRender.Outcome.values().length];

        static {
            for (MacroRender.Outcome outcome : MacroRender.Outcome.values()) {
                COUNTERS[outcome.ordinal()] = valueOf("OUTCOME_" + outcome.name());
            }
        }
    }
}
