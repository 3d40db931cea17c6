package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class TableFormatTest {

    @Test
    public void parse_nothing_isTheDefault() {
        assertSame(TableFormat.DEFAULT, TableFormat.parse(null, " ", ""));
    }

    @Test
    public void parse_safePatterns_areKept() {
        TableFormat format = TableFormat.parse(" #,##0.00 ", "dd.MM.yyyy HH:mm", "amount=right | Region=center");
        assertEquals("#,##0.00", format.getNumberPattern());
        assertEquals("dd.MM.yyyy HH:mm", format.getDatePattern());
        assertEquals(TableFormat.Alignment.RIGHT, format.alignmentOf("AMOUNT"));
        assertEquals(TableFormat.Alignment.CENTER, format.alignmentOf("region"));
        assertNull(format.alignmentOf("other"));
    }

    @Test
    public void parse_isoWithQuotedT_isAccepted() {
        assertEquals("yyyy-MM-dd'T'HH:mm", TableFormat.parse(null, "yyyy-MM-dd'T'HH:mm", null).getDatePattern());
    }

    @Test
    public void parse_numberPatternWithOtherCharacters_isRefused() {
        for (String pattern : new String[] {"#,##0.00 EUR", "0.00%", "'x'#", "<b>#</b>", "#.#.#", "0.0E0", ","}) {
            MacroParameterException e = assertThrows(pattern, MacroParameterException.class,
                    () -> TableFormat.parse(pattern, null, null));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Macro parameter 'numberFormat'"));
        }
    }

    @Test
    public void parse_datePatternWithLiteralTextOrZones_isRefused() {
        for (String pattern : new String[] {"'<script>'", "yyyy 'year'", "VV", "dd\"MM", "yyyy-MM-dd{}", "GGGG"}) {
            MacroParameterException e = assertThrows(pattern, MacroParameterException.class,
                    () -> TableFormat.parse(null, pattern, null));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Macro parameter 'dateFormat'"));
        }
    }

    @Test
    public void parse_datePatternTooManyFractionDigits_isRefusedAsInvalid() {
        assertThrows(MacroParameterException.class, () -> TableFormat.parse(null, "SSSSSSSSSSS", null));
    }

    @Test
    public void parse_unknownAlignment_namesTheColumn() {
        MacroParameterException e = assertThrows(MacroParameterException.class,
                () -> TableFormat.parse(null, null, "amount=justify"));
        assertEquals("Macro parameter 'align' gives column 'amount' the alignment 'justify': use left, center or"
                + " right.", e.getMessage());
    }

    @Test
    public void equalFormats_areEqual() {
        assertEquals(TableFormat.parse("0.0", "yyyy", "a=left"), TableFormat.parse("0.0", "yyyy", "A=LEFT"));
        assertEquals(TableFormat.parse("0.0", "yyyy", "a=left").hashCode(),
                TableFormat.parse("0.0", "yyyy", "A=left").hashCode());
    }
}
