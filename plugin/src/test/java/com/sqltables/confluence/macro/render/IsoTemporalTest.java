package com.sqltables.confluence.macro.render;

import static org.junit.Assert.assertEquals;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;

/** {@link IsoTemporal} must write exactly what the JDK's ISO formatters write, for every value. */
public class IsoTemporalTest {
    private static final int[] YEARS = {LocalDate.MIN.getYear(), -1_000_000, -10_000, -9999, -1000, -999, -10, -1, 0,
            1, 9, 10, 99, 100, 999, 1000, 1970, 2024, 9999, 10_000, 123_456, LocalDate.MAX.getYear()};
    private static final int[] NANOS = {0, 1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
            500_000_000, 120_000_000, 123_000_000, 123_456_000, 123_456_789, 999_999_999, 5_000, 50};
    private static final ZoneOffset[] OFFSETS = {ZoneOffset.UTC, ZoneOffset.ofHours(1), ZoneOffset.ofHours(-5),
            ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutesSeconds(-3, -25, -7), ZoneOffset.MAX,
            ZoneOffset.MIN};

    @Test
    public void date_edgeYears_matchIsoLocalDate() {
        for (int year : YEARS) {
            for (LocalDate date : List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))) {
                assertEquals(DateTimeFormatter.ISO_LOCAL_DATE.format(date), write(b -> IsoTemporal.date(b, date)));
            }
        }
    }

    @Test
    public void dateTime_secondsAndFractions_matchIsoLocalDateTime() {
        for (int nanos : NANOS) {
            for (LocalTime time : List.of(LocalTime.of(8, 0, 0, nanos), LocalTime.of(23, 59, 59, nanos),
                    LocalTime.of(0, 0, 0, nanos))) {
                LocalDateTime value = LocalDateTime.of(LocalDate.of(2024, 2, 29), time);
                assertEquals(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(value),
                        write(b -> IsoTemporal.dateTime(b, value)));
            }
        }
    }

    @Test
    public void offsetValues_allOffsets_matchIsoOffsetFormats() {
        for (ZoneOffset offset : OFFSETS) {
            for (int nanos : NANOS) {
                OffsetDateTime dateTime = OffsetDateTime.of(2015, 6, 7, 1, 2, 0, nanos, offset);
                assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime),
                        write(b -> IsoTemporal.offsetDateTime(b, dateTime)));
                OffsetTime time = OffsetTime.of(13, 0, 9, nanos, offset);
                assertEquals(DateTimeFormatter.ISO_OFFSET_TIME.format(time), write(b -> IsoTemporal.offsetTime(b, time)));
            }
        }
    }

    @Test
    public void randomValues_matchTheJdk() {
        Random random = new Random(20261127);
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            long epochDay = random.nextInt(4) == 0
                    ? LocalDate.MIN.toEpochDay() + (long) (random.nextDouble()
                    * (LocalDate.MAX.toEpochDay() - LocalDate.MIN.toEpochDay()))
                    : random.nextInt(3_000_000) - 1_000_000;
            LocalDate date = LocalDate.ofEpochDay(epochDay);
            int nanos = random.nextBoolean() ? random.nextInt(1_000_000_000) : random.nextInt(1000) * 1_000_000;
            LocalDateTime dateTime = LocalDateTime.of(date, LocalTime.ofNanoOfDay(
                    (long) random.nextInt(86_400) * 1_000_000_000L + nanos));
            ZoneOffset offset = ZoneOffset.ofTotalSeconds((random.nextInt(18 * 3600 * 2 + 1) - 18 * 3600));
            String expected = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(dateTime.atOffset(offset));
            String actual = write(b -> IsoTemporal.offsetDateTime(b, dateTime.atOffset(offset)));
            if (!expected.equals(actual) && mismatches.size() < 5) {
                mismatches.add(expected + " != " + actual);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    public void appends_toWhatTheBufferHolds() {
        StringBuilder b = new StringBuilder("<td>");
        IsoTemporal.date(b, LocalDate.of(7, 3, 4));
        assertEquals("<td>0007-03-04", b.toString());
    }

    private static String write(java.util.function.Consumer<StringBuilder> writer) {
        StringBuilder b = new StringBuilder();
        writer.accept(b);
        return b.toString();
    }
}
