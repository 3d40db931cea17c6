package com.sqltables.confluence.admin;

import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

/** The descriptor's admin modules point at what the servlet serves, and every text the templates use exists. */
public class AdminDescriptorTest {
    private static final List<String> TEMPLATES = List.of("datasources", "datasource-form", "queries", "query-form", "audit",
            "settings", "message");
    private static final Pattern LITERAL_KEY = Pattern.compile("getText\\(\"(com\\.sqltables\\.confluence\\.admin\\.[^\"$]+)\"");

    private static Document descriptor() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        try (InputStream in = AdminDescriptorTest.class.getResourceAsStream("/atlassian-plugin.xml")) {
            return factory.newDocumentBuilder().parse(in);
        }
    }

    private static Element only(Document document, String tag, String key) {
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (key.equals(e.getAttribute("key"))) {
                return e;
            }
        }
        throw new AssertionError("no <" + tag + " key=\"" + key + "\">");
    }

    @Test
    public void servletWebItemAndConfigureUrl_pointAtTheAdminScreen() throws Exception {
        Document document = descriptor();
        Element servlet = only(document, "servlet", "admin-servlet");
        assertEquals(AdminServlet.class.getName(), servlet.getAttribute("class"));
        List<String> patterns = new ArrayList<>();
        NodeList urlPatterns = servlet.getElementsByTagName("url-pattern");
        for (int i = 0; i < urlPatterns.getLength(); i++) {
            patterns.add(urlPatterns.item(i).getTextContent().trim());
        }
        assertEquals(List.of(AdminServlet.SERVLET_PREFIX, AdminServlet.SERVLET_PREFIX + "/*"), patterns);
        assertEquals("/plugins/servlet" + AdminServlet.SERVLET_PREFIX, AdminRoute.BASE);

        Element item = only(document, "web-item", "admin-link");
        String link = item.getElementsByTagName("link").item(0).getTextContent().trim();
        assertEquals(AdminRoute.BASE + AdminRoute.DATASOURCES.getPath(), link);
        assertEquals("system.admin/admin-section", item.getAttribute("section"));
        assertEquals(SystemAdminCondition.class.getName(),
                ((Element) item.getElementsByTagName("condition").item(0)).getAttribute("class"));
        assertEquals("system.admin", only(document, "web-section", "admin-section").getAttribute("location"));

        NodeList params = document.getElementsByTagName("param");
        String configure = null;
        for (int i = 0; i < params.getLength(); i++) {
            Element param = (Element) params.item(i);
            if ("configure.url".equals(param.getAttribute("name"))) {
                configure = param.getTextContent().trim();
            }
        }
        assertEquals(link, configure);
        only(document, "web-resource", AdminPages.WEB_RESOURCE.substring(AdminPages.WEB_RESOURCE.indexOf(':') + 1));
    }

    @Test
    public void everyTextKeyOfTheTemplates_isInTheI18nFile() throws Exception {
        Properties texts = new Properties();
        try (InputStream in = AdminDescriptorTest.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            texts.load(in);
        }
        int checked = 0;
        for (String template : TEMPLATES) {
            String source;
            try (InputStream in = AdminDescriptorTest.class.getResourceAsStream("/templates/admin/" + template + ".vm")) {
                source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher matcher = LITERAL_KEY.matcher(source);
            while (matcher.find()) {
                assertTrue(template + ".vm uses a missing key " + matcher.group(1), texts.containsKey(matcher.group(1)));
                checked++;
            }
        }
        assertTrue(checked > 50);
        for (AdminAccess.Refusal refusal : AdminAccess.Refusal.values()) {
            String key = "com.sqltables.confluence.admin.refused." + refusal.name().toLowerCase(java.util.Locale.ROOT);
            assertTrue(key, texts.containsKey(key));
        }
    }
}
