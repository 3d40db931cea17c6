package com.sqltables.confluence.query;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Optional;
import org.junit.Test;

public class ParameterTypeTest {
    @Test
    public void accepts_checksTheTextFormOfEachType() {
        assertTrue(ParameterType.TEXT.accepts(""));
        assertTrue(ParameterType.INTEGER.accepts(" -42 "));
        assertFalse(ParameterType.INTEGER.accepts("4.2"));
        assertFalse(ParameterType.INTEGER.accepts("99999999999999999999"));
        assertTrue(ParameterType.DECIMAL.accepts("12.50"));
        assertFalse(ParameterType.DECIMAL.accepts("12,50"));
        assertTrue(ParameterType.DATE.accepts("2026-02-28"));
        assertFalse(ParameterType.DATE.accepts("2026-02-30"));
        assertTrue(ParameterType.BOOLEAN.accepts("TRUE"));
        assertFalse(ParameterType.BOOLEAN.accepts("yes"));
        assertFalse(ParameterType.TEXT.accepts(null));
    }

    @Test
    public void parse_ignoresCase() {
        assertEquals(Optional.of(ParameterType.DECIMAL), ParameterType.parse(" decimal "));
        assertEquals(Optional.empty(), ParameterType.parse("float"));
        assertEquals(Optional.empty(), ParameterType.parse(null));
    }
}
