package com.sqltables.confluence.usage;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.time.YearMonth;
import org.junit.Test;

public class PeriodsTest {
    @Test
    public void validPeriods_areYearMonthOrDay() {
        assertTrue(Periods.isValid("2026"));
        assertTrue(Periods.isValid("2026-11"));
        assertTrue(Periods.isValid("2026-11-30"));
        assertNull(Periods.problem("2026-01"));
        assertEquals("2026-03", Periods.of(YearMonth.of(2026, 3)));
    }

    @Test
    public void invalidPeriods_areRejectedWithAHint() {
        for (String bad : new String[] {"2026-13", "2026-1", "26-11", "2026-11-32", "2026/11", " 2026-11", "latest"}) {
            assertFalse(bad, Periods.isValid(bad));
        }
        assertEquals("is required", Periods.problem(""));
        assertTrue(Periods.problem("x").contains("2026-11"));
    }
}
