package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

public class MacroParametersTest {

    private static Map<String, String> params(String... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String problem(Map<String, String> parameters, String body) {
        return assertThrows(MacroParameterException.class, () -> MacroParameters.parse(parameters, body)).getMessage();
    }

    @Test
    public void parse_savedQueryOnly_usesDefaults() {
        MacroParameters p = MacroParameters.parse(params("query", " Revenue "), null);
        assertEquals("Revenue", p.getQueryName());
        assertNull(p.getDatasource());
        assertFalse(p.isInline());
        assertNull(p.getMaxRows());
        assertNull(p.getCaption());
        assertFalse(p.isRowNumbers());
        assertEquals(TableFormat.DEFAULT, p.getFormat());
        assertEquals(0, p.getCacheSeconds());
        assertTrue(p.getValues().isEmpty());
    }

    @Test
    public void parse_inlineSql_keepsTheBodyAsWritten() {
        String sql = "SELECT *\n  FROM sales ";
        MacroParameters p = MacroParameters.parse(params("datasource", "Sales"), sql);
        assertTrue(p.isInline());
        assertEquals(sql, p.getInlineSql());
        assertEquals("Sales", p.getDatasource());
    }

    @Test
    public void parse_everyParameter_isRead() {
        MacroParameters p = MacroParameters.parse(params("query", "q", "parameters", "region=EU | since=2024-01-01",
                "maxRows", "25", "caption", " Sales by region ", "rowNumbers", "TRUE", "numberFormat", "#,##0.00",
                "dateFormat", "dd.MM.yyyy", "align", "total=right", "cacheSeconds", "300"), "  ");
        assertEquals("EU", p.getValues().get("region"));
        assertEquals("2024-01-01", p.getValues().get("since"));
        assertEquals(Integer.valueOf(25), p.getMaxRows());
        assertEquals("Sales by region", p.getCaption());
        assertTrue(p.isRowNumbers());
        assertEquals("#,##0.00", p.getFormat().getNumberPattern());
        assertEquals(300, p.getCacheSeconds());
    }

    @Test
    public void parse_neitherQueryNorBody_asksForOne() {
        assertTrue(problem(params(), null).startsWith("Macro parameter 'query' is required"));
        assertTrue(problem(null, "  \n ").startsWith("Macro parameter 'query' is required"));
    }

    @Test
    public void parse_queryAndBody_areExclusive() {
        assertEquals("Macro parameter 'query' cannot be combined with SQL in the macro body: use one or the other.",
                problem(params("query", "q", "datasource", "d"), "SELECT 1"));
    }

    @Test
    public void parse_bodyWithoutDatasource_asksForIt() {
        assertEquals("Macro parameter 'datasource' is required for SQL in the macro body.",
                problem(params(), "SELECT 1"));
    }

    @Test
    public void parse_maxRowsOutOfRangeOrNotANumber_givesTheRange() {
        for (String value : new String[] {"0", "-5", "ten", "1.5", "1000001", "99999999999"}) {
            String message = problem(params("query", "q", "maxRows", value), null);
            assertTrue(message, message.startsWith("Macro parameter 'maxRows' must be a whole number from 1 to 1000000"));
        }
    }

    @Test
    public void parse_cacheSecondsOutOfRange_isRefused() {
        assertTrue(problem(params("query", "q", "cacheSeconds", "86401"), null)
                .startsWith("Macro parameter 'cacheSeconds' must be a whole number from 0 to 86400"));
    }

    @Test
    public void parse_rowNumbersNotABoolean_isRefused() {
        assertEquals("Macro parameter 'rowNumbers' must be true or false.",
                problem(params("query", "q", "rowNumbers", "yes"), null));
    }

    @Test
    public void parse_nameOnTwoLines_isRefused() {
        assertEquals("Macro parameter 'datasource' must be on one line.",
                problem(params("datasource", "a\nb"), "SELECT 1"));
    }

    @Test
    public void parse_overlongCaption_isRefused() {
        assertTrue(problem(params("query", "q", "caption", "x".repeat(501)), null)
                .startsWith("Macro parameter 'caption' must be at most 500 characters"));
    }

    @Test
    public void parse_malformedValueList_namesTheParametersParameter() {
        assertTrue(problem(params("query", "q", "parameters", "region"), null)
                .startsWith("Macro parameter 'parameters' has an entry without '='"));
    }

    @Test
    public void parse_longValueInMessage_isShortened() {
        String message = problem(params("query", "q", "maxRows", "9".repeat(100)), null);
        assertTrue(message, message.length() < 120);
    }

    @Test
    public void toString_leavesSqlAndValuesOut() {
        MacroParameters p = MacroParameters.parse(params("datasource", "d", "parameters", "secret=hunter2"),
                "SELECT 'classified'");
        assertFalse(p.toString().contains("hunter2"));
        assertFalse(p.toString().contains("classified"));
    }
}
