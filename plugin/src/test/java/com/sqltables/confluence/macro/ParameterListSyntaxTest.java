package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class ParameterListSyntaxTest {

    private static Map<String, String> parse(String text) {
        return ParameterListSyntax.parse("parameters", text);
    }

    private static Map<String, String> map(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    public void parse_pipeSeparatedPairs_keepsOrderAndTrimsAroundNamesAndValues() {
        assertEquals(map("region", "EU", "since", "2024-01-01"), parse("  region = EU |since=2024-01-01  "));
    }

    @Test
    public void parse_nullOrBlank_isEmpty() {
        assertTrue(parse(null).isEmpty());
        assertTrue(parse("   ").isEmpty());
    }

    @Test
    public void parse_emptyEntriesAndTrailingPipe_areSkipped() {
        assertEquals(map("a", "1", "b", "2"), parse("| a=1 || b=2 |"));
    }

    @Test
    public void parse_escapedSeparators_belongToTheValue() {
        assertEquals(map("expr", "a|b=c\\d"), parse("expr=a\\|b\\=c\\\\d"));
    }

    @Test
    public void parse_secondEquals_belongsToTheValue() {
        assertEquals(map("filter", "x=y"), parse("filter=x=y"));
    }

    @Test
    public void parse_escapedSpaces_areNotTrimmed() {
        assertEquals(map("pad", " x "), parse("pad=\\ x\\ "));
    }

    @Test
    public void parse_spaceInsideValue_isKept() {
        assertEquals(map("city", "New York", "a", "1"), parse("city = New York | a=1"));
    }

    @Test
    public void parse_emptyValue_isEmptyText() {
        assertEquals(map("note", ""), parse("note="));
    }

    @Test
    public void parse_unicodeValue_isKept() {
        assertEquals(map("name", "Zoë ✓"), parse("name=Zoë ✓"));
    }

    @Test
    public void parse_entryWithoutEquals_namesTheEntry() {
        MacroParameterException e = assertThrows(MacroParameterException.class, () -> parse("a=1 | region"));
        assertEquals("Macro parameter 'parameters' has an entry without '=': 'region' (write name=value, separated"
                + " by |).", e.getMessage());
    }

    @Test
    public void parse_invalidName_isRefused() {
        MacroParameterException e = assertThrows(MacroParameterException.class, () -> parse("1st=x"));
        assertTrue(e.getMessage(), e.getMessage().contains("invalid name '1st'"));
        assertThrows(MacroParameterException.class, () -> parse("a b=x"));
        assertThrows(MacroParameterException.class, () -> parse("=x"));
    }

    @Test
    public void parse_sameNameTwiceIgnoringCase_isRefused() {
        MacroParameterException e = assertThrows(MacroParameterException.class, () -> parse("Region=EU | region=US"));
        assertTrue(e.getMessage(), e.getMessage().contains("names 'region' twice"));
    }

    @Test
    public void parse_loneBackslashAtEnd_isRefused() {
        MacroParameterException e = assertThrows(MacroParameterException.class, () -> parse("a=1\\"));
        assertTrue(e.getMessage(), e.getMessage().contains("lone \\"));
    }

    @Test
    public void parse_tooManyEntries_isRefused() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i <= ParameterListSyntax.MAX_ENTRIES; i++) {
            text.append("p").append(i).append("=1|");
        }
        assertThrows(MacroParameterException.class, () -> parse(text.toString()));
    }

    @Test
    public void format_thenParse_givesTheEntriesBack() {
        for (Map<String, String> entries : List.of(
                map("a", "1", "b", "x|y"),
                map("eq", "=", "slash", "\\", "spaces", "  lead and trail  "),
                map("empty", "", "pipe", "|||"),
                map("sql", "'; DROP TABLE sales; --"))) {
            assertEquals(entries, parse(ParameterListSyntax.format(entries)));
        }
    }

    @Test
    public void format_escapesOnlyWhatItMust() {
        assertEquals("region=EU | expr=a\\|b\\=c", ParameterListSyntax.format(map("region", "EU", "expr", "a|b=c")));
    }
}
