package com.sqltables.confluence.macro.render;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes dates and times exactly as {@link DateTimeFormatter#ISO_LOCAL_DATE}, {@code ISO_LOCAL_DATE_TIME},
 * {@code ISO_OFFSET_DATE_TIME} and {@code ISO_OFFSET_TIME} do, straight into the table's buffer.
 *
 * <p>Why not the formatters: they walk a tree of printer objects and box every field, which made date and
 * timestamp cells a fifth of a 10,000-row render (profiled with JFR against the plain-JDBC floor, see
 * issue #4). Why not {@code toString()}: {@link LocalTime#toString()} drops zero seconds ({@code 08:00}),
 * while ISO_LOCAL_TIME always writes them ({@code 08:00:00}). IsoTemporalTest compares every method with
 * the JDK's formatter over edge cases and a large random sample.
 */
final class IsoTemporal {
    private IsoTemporal() {
    }

    /** As {@link DateTimeFormatter#ISO_LOCAL_DATE}: {@code 2024-02-29}, {@code +10000-01-01}, {@code -0001-12-31}. */
    static void date(StringBuilder b, LocalDate date) {
        int year = date.getYear();
        if (year > 9999) {
            b.append('+').append(year);
        } else if (year < 0) {
            b.append('-');
            pad4(b, -year);
        } else {
            pad4(b, year);
        }
        b.append('-');
        two(b, date.getMonthValue());
        b.append('-');
        two(b, date.getDayOfMonth());
    }

    /** As {@link DateTimeFormatter#ISO_LOCAL_DATE_TIME}: {@code 2024-01-01T08:00:00}, fraction without trailing zeros. */
    static void dateTime(StringBuilder b, LocalDateTime dateTime) {
        date(b, dateTime.toLocalDate());
        b.append('T');
        time(b, dateTime.toLocalTime());
    }

    /** As {@link DateTimeFormatter#ISO_OFFSET_DATE_TIME}: {@code 2024-01-01T08:00:00+01:00}, {@code …Z}. */
    static void offsetDateTime(StringBuilder b, OffsetDateTime dateTime) {
        dateTime(b, dateTime.toLocalDateTime());
        b.append(dateTime.getOffset().getId());
    }

    /** As {@link DateTimeFormatter#ISO_OFFSET_TIME}: {@code 08:00:00.5-05:00}. */
    static void offsetTime(StringBuilder b, OffsetTime time) {
        time(b, time.toLocalTime());
        b.append(time.getOffset().getId());
    }

    /** As {@link DateTimeFormatter#ISO_LOCAL_TIME}: seconds always, then 1–9 fraction digits if not zero. */
    static void time(StringBuilder b, LocalTime time) {
        two(b, time.getHour());
        b.append(':');
        two(b, time.getMinute());
        b.append(':');
        two(b, time.getSecond());
        int nanos = time.getNano();
        if (nanos != 0) {
            b.append('.');
            int digits = 9;
            while (nanos % 10 == 0) {
                nanos /= 10;
                digits--;
            }
            // nanos now holds `digits` significant digits, to be written with leading zeros.
            for (int scale = pow10(digits - 1); scale > 0; scale /= 10) {
                b.append((char) ('0' + nanos / scale % 10));
            }
        }
    }

    private static int pow10(int exponent) {
        int value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private static void pad4(StringBuilder b, int value) {
        if (value < 1000) {
            b.append('0');
            if (value < 100) {
                b.append('0');
                if (value < 10) {
                    b.append('0');
                }
            }
        }
        b.append(value);
    }

    private static void two(StringBuilder b, int value) {
        b.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }
}
