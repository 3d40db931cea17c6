package com.sqltables.confluence.usage;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * Period keys of usage counters, active users and reports: {@code yyyy}, {@code yyyy-MM} (the usual
 * one, e.g. {@code 2026-11}) or {@code yyyy-MM-dd}. They sort chronologically as text.
 */
public final class Periods {
    private static final Pattern PERIOD = Pattern.compile("[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?");

    private Periods() {
    }

    /** @return the period key of a month, e.g. {@code 2026-11} */
    public static String of(YearMonth month) {
        return month.toString();
    }

    /** @return whether the text is a valid period key */
    public static boolean isValid(String period) {
        return period != null && PERIOD.matcher(period).matches();
    }

    /** @return the problem with the text as a period key, for a field error, or {@code null} if valid */
    public static String problem(String period) {
        if (period == null || period.isEmpty()) {
            return "is required";
        }
        return isValid(period) ? null : "must be a period such as 2026-11 (yyyy, yyyy-MM or yyyy-MM-dd), was '" + period + "'";
    }
}
