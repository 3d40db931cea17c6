package com.sqltables.confluence.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.license.LicenseHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import com.sqltables.confluence.admin.VelocityTemplateRenderer;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.confluence.usage.ao.DefaultActiveUserStore;
import com.sqltables.confluence.usage.ao.DefaultRenderedTableStore;
import com.sqltables.confluence.usage.ao.DefaultUsageCounterStore;
import com.sqltables.confluence.usage.event.UsageCounter;
import com.sqltables.host.ao.HostActiveObjects;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The privacy page renders for anyone from the real template and texts, names every field of a report
 * the real builder produced, explains every usage counter in words of its own, and is linked from
 * Confluence's Help menu.
 */
public class PrivacyServletTest {
    private final PrivacyServlet servlet = new PrivacyServlet(new VelocityTemplateRenderer(), new PropertiesI18nResolver());

    /** Renders the page for a request that carries no user at all: the servlet asks nobody's rights. */
    private String render(HttpServletResponse response) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        when(request.getContextPath()).thenReturn("/confluence");
        StringWriter body = new StringWriter();
        when(response.getWriter()).thenReturn(new PrintWriter(body));
        servlet.doGet(request, response);
        return body.toString();
    }

    @Test
    public void get_anyVisitor_rendersThePageDecoratedAsAGeneralPage() throws Exception {
        HttpServletResponse response = mock(HttpServletResponse.class);
        String html = render(response);
        verify(response).setStatus(200);
        verify(response).setContentType("text/html;charset=UTF-8");
        assertTrue(html, html.contains("<title>SQL Tables: usage report and privacy</title>"));
        assertTrue(html.contains("<meta name=\"decorator\" content=\"atl.general\"/>"));
        assertTrue(html.contains("href=\"/confluence/plugins/servlet/sql-tables/admin/settings\""));
        assertTrue(html.contains("-Dsql-tables.usage-report.disabled=true"));
        assertTrue(html.contains("Nothing is sent until a system administrator decides."));
        assertTrue(html.contains("JDBC URLs, host names, ports, database user names and passwords"));
        assertTrue(html.contains("schema version " + UsageReport.SCHEMA_VERSION));
        assertFalse("no unrendered reference", html.contains("$"));
    }

    @Test
    public void page_namesEveryFieldOfABuiltReport_andNothingElse() throws Exception {
        Set<String> reportFields = leafPaths(buildReport().getJson());
        Set<String> listed = UsageReportFields.all().stream().map(UsageReportFields.Field::getPath)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals("UsageReportFields must list exactly the report's fields", reportFields, listed);
        assertEquals("no field listed twice", listed.size(), UsageReportFields.all().size());

        String html = render(mock(HttpServletResponse.class));
        for (String field : reportFields) {
            assertTrue("privacy page does not name " + field, html.contains("<td><code>" + field + "</code></td>"));
        }
    }

    @Test
    public void everyUsageCounter_hasATextOfItsOwn_namedAfterItsKey() {
        PropertiesI18nResolver texts = new PropertiesI18nResolver();
        Map<String, String> counterByText = new HashMap<>();
        for (UsageCounter counter : UsageCounter.values()) {
            String path = "features." + counter.key();
            UsageReportFields.Field field = field(path);
            assertEquals(path, UsageReportFields.TEXT_PREFIX + path, field.getTextKey());
            // getRawText fails the test when the key is missing, rather than showing the key as Confluence would.
            String text = texts.getRawText(field.getTextKey()).trim();
            assertFalse(path + " has an empty text", text.isEmpty());
            String other = counterByText.put(text, path);
            assertNull(path + " and " + other + " share one text, so neither says what it counts", other);
        }
    }

    @Test
    public void page_showsEachCounterWithItsOwnMeaning() throws Exception {
        String html = render(mock(HttpServletResponse.class));
        PropertiesI18nResolver texts = new PropertiesI18nResolver();
        assertTrue(html, html.contains(texts.getText("com.sqltables.confluence.privacy.collected.features")));
        for (UsageCounter counter : UsageCounter.values()) {
            String path = "features." + counter.key();
            String meaning = texts.getText(UsageReportFields.TEXT_PREFIX + path);
            Pattern row = Pattern.compile("<td><code>" + Pattern.quote(path) + "</code></td>\\s*<td>"
                    + Pattern.quote(meaning) + "</td>");
            assertTrue("privacy page does not explain " + path + " as: " + meaning, row.matcher(html).find());
        }
    }

    @Test
    public void descriptor_linksThePageFromTheHelpMenu() throws Exception {
        Document descriptor = descriptor();
        Element servletModule = only(descriptor, "servlet", "privacy-servlet");
        assertEquals(PrivacyServlet.class.getName(), servletModule.getAttribute("class"));
        assertEquals("/sql-tables/privacy", servletModule.getElementsByTagName("url-pattern").item(0).getTextContent());
        Element item = only(descriptor, "web-item", "privacy-help-link");
        assertEquals("system.help/pages", item.getAttribute("section"));
        assertEquals("/plugins/servlet/sql-tables/privacy", item.getElementsByTagName("link").item(0).getTextContent().trim());
        String labelKey = ((Element) item.getElementsByTagName("label").item(0)).getAttribute("key");
        assertEquals("SQL Tables: usage report and privacy", new PropertiesI18nResolver().getText(labelKey));
    }

    private static UsageReportFields.Field field(String path) {
        List<UsageReportFields.Field> found = UsageReportFields.all().stream().filter(f -> f.getPath().equals(path))
                .collect(Collectors.toList());
        assertEquals("one field " + path, 1, found.size());
        return found.get(0);
    }

    private static UsageReport buildReport() {
        TestDatabase.H2.clean();
        HostActiveObjects ao = TestDatabase.H2.activeObjects();
        LicenseHandler license = mock(LicenseHandler.class);
        when(license.getServerId()).thenReturn("BQ7X-TEST");
        ApplicationProperties properties = mock(ApplicationProperties.class);
        when(properties.getVersion()).thenReturn("8.5.4");
        when(properties.getBuildNumber()).thenReturn("9012");
        UserAccessor users = mock(UserAccessor.class);
        when(users.countLicenseConsumingUsers()).thenReturn(3);
        return new UsageReportBuilder(license, properties, users, new DefaultDatasourceStore(ao), new DefaultSavedQueryStore(ao),
                new DefaultUsageCounterStore(ao), new DefaultActiveUserStore(ao), new DefaultRenderedTableStore(ao)).build("2020-01");
    }

    static Set<String> leafPaths(String json) throws Exception {
        Set<String> paths = new TreeSet<>();
        collect(new ObjectMapper().readTree(json), "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String prefix, Set<String> paths) {
        if (!node.isObject()) {
            paths.add(prefix);
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            collect(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), paths);
        }
    }

    static Document descriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = PrivacyServletTest.class.getResourceAsStream("/atlassian-plugin.xml")) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    static Element only(Document document, String tag, String key) {
        List<Element> found = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (key.equals(e.getAttribute("key"))) {
                found.add(e);
            }
        }
        assertEquals("one <" + tag + " key=\"" + key + "\">", 1, found.size());
        return found.get(0);
    }
}
