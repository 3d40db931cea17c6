package com.sqltables.confluence.macro;

import static com.sqltables.confluence.macro.InertHtml.assertInert;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.After;
import org.junit.Before;
import org.junit.BeforeClass;
import org.junit.Test;
import org.owasp.encoder.Encode;

/**
 * Hostile input through the whole macro: injection attempts in parameter values (from the macro and from
 * the page URL) are bound, never spliced, and change nothing; XSS payloads in data, column labels,
 * captions, parameter values and names echoed in error messages come out as text only. Corpora:
 * {@code /corpus/injection-values.txt} and {@code /corpus/xss-payloads.txt}.
 */
public class SqlTableMacroSafetyTest {
    private static List<String> injections;
    private static List<String> payloads;

    private MacroFixture fixture;

    @BeforeClass
    public static void readCorpora() {
        injections = LineCorpus.read("/corpus/injection-values.txt");
        payloads = LineCorpus.read("/corpus/xss-payloads.txt");
    }

    @Before
    public void setUp() throws Exception {
        fixture = new MacroFixture();
    }

    @After
    public void tearDown() throws Exception {
        fixture.close();
    }

    private static String values(String name, String value) {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(name, value);
        return ParameterListSyntax.format(entries);
    }

    private static String onlyCell(String html) {
        String start = "<td class=\"confluenceTd\">";
        int from = html.indexOf(start);
        assertTrue(html, from >= 0 && html.indexOf(start, from + 1) < 0);
        return html.substring(from + start.length(), html.indexOf("</td>", from));
    }

    private void assertSampleIntact() throws Exception {
        assertEquals(1, fixture.sampleCount("canary"));
        assertEquals(MacroFixture.SALES_ROWS, fixture.sampleCount("sales"));
    }

    @Test
    public void corpora_areLargeEnough() {
        assertTrue(injections.size() >= 30);
        assertTrue(payloads.size() >= 30);
    }

    @Test
    public void injectionValues_fromTheMacro_areBoundAndComeBackUnchanged() throws Exception {
        for (String value : injections) {
            String html = fixture.render().query("Echo").param("parameters", values("v", value)).run();
            assertEquals(value, Encode.forHtml(value), onlyCell(html));
            assertInert(html);
        }
        assertSampleIntact();
    }

    @Test
    public void injectionValues_fromThePageUrl_areBoundAndComeBackUnchanged() throws Exception {
        for (String value : injections) {
            String html = fixture.render().query("Echo")
                    .url("pageId=4242&sqlp_v=" + URLEncoder.encode(value, StandardCharsets.UTF_8)).run();
            assertEquals(value, Encode.forHtml(value), onlyCell(html));
        }
        assertSampleIntact();
    }

    @Test
    public void injectionValues_inAWhereClause_matchNothingAndChangeNothing() throws Exception {
        for (String value : injections) {
            String html = fixture.render().query("Sales in region").param("parameters", values("region", value)).run();
            assertTrue(value + ": " + html, html.contains("<td class=\"confluenceTd sql-tables-empty\" colspan=\"3\">No"
                    + " rows.</td>"));
        }
        assertSampleIntact();
    }

    @Test
    public void injectionValues_forTypedParameters_areRefusedNamingTheParameter() throws Exception {
        for (String value : injections) {
            if (value.trim().isEmpty()) {
                continue;
            }
            String html = fixture.render().query("Big sales").param("parameters", values("minimum", value)).run();
            assertTrue(value + ": " + html, html.contains("Parameter &#39;minimum&#39; must be a decimal number"));
            assertInert(html);
        }
        assertSampleIntact();
    }

    @Test
    public void xssPayloads_inData_areRenderedAsText() throws Exception {
        try (Connection c = DriverManager.getConnection(MacroFixture.SAMPLE_URL, "sa", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO notes VALUES (?, ?)")) {
            for (int i = 0; i < payloads.size(); i++) {
                insert.setInt(1, i);
                insert.setString(2, payloads.get(i));
                insert.executeUpdate();
            }
        }
        String html = fixture.render().query("Notes").run();
        assertInert(html);
        for (String payload : payloads) {
            assertTrue(payload, html.contains("<td class=\"confluenceTd\">" + Encode.forHtml(payload) + "</td>"));
        }
    }

    @Test
    public void xssPayloads_asColumnLabels_areRenderedAsText() {
        for (String payload : payloads) {
            String sql = "SELECT 1 AS \"" + payload.replace("\"", "\"\"") + "\"";
            String html = fixture.render().sql("Scratch", sql).run();
            assertTrue(payload + ": " + html, html.contains(">" + Encode.forHtml(payload) + "</th>"));
            assertInert(html);
        }
    }

    @Test
    public void xssPayloads_asCaptions_areRenderedAsText() {
        for (String payload : payloads) {
            String html = fixture.render().query("Big sales").param("caption", payload).run();
            assertInert(html);
            if (!payload.trim().isEmpty()) {
                assertTrue(payload, html.contains("<caption>" + Encode.forHtml(payload.trim()) + "</caption>"));
            }
        }
    }

    @Test
    public void xssPayloads_inErrorMessages_areRenderedAsText() {
        for (String payload : payloads) {
            assertInert(fixture.render().query(payload).run());
            assertInert(fixture.render().sql(payload.replace('\n', ' ').replace('\r', ' '), "SELECT 1").run());
            assertInert(fixture.render().query("Revenue since").param("parameters", values("since", payload)).run());
            assertInert(fixture.render().query("Big sales").param("maxRows", payload).run());
            assertInert(fixture.render().query("Big sales").param("parameters", payload).run());
            assertInert(fixture.render().query("Big sales").param("numberFormat", payload).run());
            assertInert(fixture.render().query("Big sales").param("align", "id=" + payload).run());
        }
    }

    @Test
    public void xssPayloads_inTheUrl_areRenderedAsText() {
        for (String payload : payloads) {
            String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
            String html = fixture.render().query("Echo").param("cacheSeconds", "60")
                    .url("x=" + encoded + "&sqlp_v=" + encoded).run();
            assertInert(html);
            assertTrue(html, html.contains("<td class=\"confluenceTd\">" + Encode.forHtml(payload) + "</td>"));
            assertTrue(html, html.contains("class=\"sql-tables-refresh\""));
        }
    }

    @Test
    public void rawQueryString_inTheRefreshLink_staysInsideTheAttribute() {
        String html = fixture.render().query("Big sales").param("cacheSeconds", "60")
                .url("a=\"><script>alert(1)</script>&b='x'").run();
        assertTrue(html, html.contains("href=\"?a=&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;b=&#39;x&#39;"
                + "&amp;sqlt_refresh=1\""));
    }
}
