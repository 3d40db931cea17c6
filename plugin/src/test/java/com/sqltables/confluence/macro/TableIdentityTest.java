package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.Test;

public class TableIdentityTest {
    private static final Map<String, String> SAVED = Map.of("query", "Big sales", "caption", "Sales");

    @Test
    public void of_sameContentAndDefinition_isTheSameTable() {
        assertEquals(TableIdentity.of(7, SAVED, null), TableIdentity.of(7, new HashMap<>(SAVED), ""));
    }

    @Test
    public void of_anotherPage_isAnotherTable() {
        assertNotEquals(TableIdentity.of(7, SAVED, null), TableIdentity.of(8, SAVED, null));
    }

    @Test
    public void of_anyParameterOrTheSql_tellsTablesApart() {
        String base = TableIdentity.of(7, Map.of("datasource", "Sales"), "SELECT 1");
        assertNotEquals(base, TableIdentity.of(7, Map.of("datasource", "Sales"), "SELECT 2"));
        assertNotEquals(base, TableIdentity.of(7, Map.of("datasource", "Finance"), "SELECT 1"));
        for (String name : TableIdentity.PARAMETER_NAMES) {
            Map<String, String> more = new HashMap<>(Map.of("datasource", "Sales"));
            more.merge(name, "1", (old, added) -> old + added);
            assertNotEquals(name, base, TableIdentity.of(7, more, "SELECT 1"));
        }
    }

    @Test
    public void of_isUnambiguous_whereTextMovesBetweenParts() {
        assertNotEquals(TableIdentity.of(7, Map.of("caption", "ab"), "c"), TableIdentity.of(7, Map.of("caption", "a"), "bc"));
        assertNotEquals(TableIdentity.of(7, Map.of("caption", "x"), null), TableIdentity.of(7, Map.of("align", "x"), null));
    }

    @Test
    public void of_ignoresWhatIsNotTheMacrosDefinition() {
        Map<String, String> withHostExtras = new HashMap<>(SAVED);
        // Confluence may add its own entries, such as the raw parameter string.
        withHostExtras.put(": = | RAW | = :", "query=Big sales|caption=Sales");
        withHostExtras.put("rowNumbers", " ");
        assertEquals(TableIdentity.of(7, SAVED, null), TableIdentity.of(7, withHostExtras, null));
        assertEquals(TableIdentity.of(7, SAVED, null), TableIdentity.of(7, Map.of("query", " Big sales ", "caption", "Sales"), "  "));
    }

    @Test
    public void of_isAHash_holdingNoTextOfTheMacro() {
        String key = TableIdentity.of(123456789L, Map.of("query", "canary-query"), "SELECT 'canary'");
        assertTrue(key, key.matches("[0-9a-f]{32}"));
        assertFalse(key.contains("123456789"));
        assertFalse(key.contains(Long.toHexString(123456789L)));
    }

    @Test
    public void of_manyTables_getDistinctKeys() {
        Set<String> keys = new HashSet<>();
        int made = 0;
        for (long page = 1; page <= 300; page++) {
            for (int query = 0; query < 300; query++) {
                // Neighbouring ids and near-identical SQL: what a real installation has most of.
                keys.add(TableIdentity.of(page, Map.of("datasource", "demo"), "SELECT * FROM t WHERE id = " + query));
                made++;
            }
        }
        for (int i = 0; i < 10_000; i++) {
            keys.add(TableIdentity.of(7, Map.of("query", "q" + i), null));
            made++;
        }
        assertEquals(made, keys.size());
    }

    @Test
    public void of_trimsWithoutChangingTheKey_ofAnUntrimmedText() {
        assertEquals(TableIdentity.of(7, Map.of("caption", "Sales"), "SELECT 1"),
                TableIdentity.of(7, Map.of("caption", "\tSales "), "\n  SELECT 1\n"));
    }
}
