package com.sqltables.confluence.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.settings.ao.DefaultSettingsStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The admin notice's endpoint: system administrators only, reads the decision, changes nothing. */
public class UsageReportNoticeServletTest {
    private static final UserKey ADMIN = new UserKey("admin-key");
    private static final UserKey USER = new UserKey("user-key");

    private DefaultSettingsStore settings;
    private UsageReportConsent consent;
    private UserManager userManager;
    private UsageReportNoticeServlet servlet;

    @Before
    public void setUp() {
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
        TestDatabase.H2.clean();
        settings = new DefaultSettingsStore(TestDatabase.H2.activeObjects());
        consent = new UsageReportConsent(settings);
        userManager = mock(UserManager.class);
        when(userManager.isSystemAdmin(ADMIN)).thenReturn(true);
        when(userManager.isSystemAdmin(USER)).thenReturn(false);
        servlet = new UsageReportNoticeServlet(userManager, consent, new PropertiesI18nResolver());
    }

    @After
    public void tearDown() {
        System.clearProperty(UsageReportConsent.DISABLED_PROPERTY);
    }

    private static final class Answer {
        final HttpServletResponse response = mock(HttpServletResponse.class);
        final StringWriter body = new StringWriter();
    }

    private Answer get(UserKey user) throws Exception {
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getMethod()).thenReturn("GET");
        when(request.getContextPath()).thenReturn("/confluence");
        when(userManager.getRemoteUserKey(request)).thenReturn(user);
        Answer answer = new Answer();
        when(answer.response.getWriter()).thenReturn(new PrintWriter(answer.body, true));
        servlet.doGet(request, answer.response);
        return answer;
    }

    private static JsonNode json(Answer answer) throws Exception {
        return new ObjectMapper().readTree(answer.body.toString());
    }

    @Test
    public void get_undecided_asksTheSystemAdministratorWithALinkToSettings() throws Exception {
        Answer answer = get(ADMIN);
        verify(answer.response).setStatus(200);
        verify(answer.response).setContentType("application/json;charset=UTF-8");
        JsonNode json = json(answer);
        assertEquals("UNDECIDED", json.get("decision").asText());
        assertTrue(json.get("show").asBoolean());
        assertEquals("/confluence/plugins/servlet/sql-tables/admin/settings", json.get("url").asText());
        assertTrue(json.get("message").asText().contains("Nothing is sent until you decide"));
        assertEquals("Review the report and decide", json.get("link").asText());
    }

    @Test
    public void get_decided_showsNothing() throws Exception {
        for (ReportDecision decision : List.of(ReportDecision.ENABLED, ReportDecision.DISABLED)) {
            consent.decide(decision, null, ADMIN.getStringValue());
            JsonNode json = json(get(ADMIN));
            assertEquals(decision.name(), json.get("decision").asText());
            assertFalse(json.get("show").asBoolean());
            assertFalse(json.has("url"));
        }
    }

    @Test
    public void get_undecidedButLockedOffBySystemProperty_showsNothing() throws Exception {
        System.setProperty(UsageReportConsent.DISABLED_PROPERTY, "true");
        JsonNode json = json(get(ADMIN));
        assertEquals("UNDECIDED", json.get("decision").asText());
        assertFalse(json.get("show").asBoolean());
    }

    @Test
    public void get_nonAdminOrAnonymous_isRefusedWithoutTheDecision() throws Exception {
        Answer user = get(USER);
        verify(user.response).setStatus(403);
        assertFalse(user.body.toString().contains("UNDECIDED"));
        Answer anonymous = get(null);
        verify(anonymous.response).setStatus(401);
        assertFalse(anonymous.body.toString().contains("UNDECIDED"));
    }

    @Test
    public void get_changesNoSetting() throws Exception {
        Map<String, String> before = settings.getAll();
        get(ADMIN);
        get(USER);
        assertEquals(before, settings.getAll());
    }

    @Test
    public void descriptor_servesTheEndpointAndLoadsTheScriptOnAdminPages() throws Exception {
        org.w3c.dom.Document descriptor = PrivacyServletTest.descriptor();
        Element servletModule = PrivacyServletTest.only(descriptor, "servlet", "usage-report-notice-servlet");
        assertEquals(UsageReportNoticeServlet.class.getName(), servletModule.getAttribute("class"));
        assertEquals("/sql-tables/usage-report/notice", servletModule.getElementsByTagName("url-pattern").item(0).getTextContent());
        Element resource = PrivacyServletTest.only(descriptor, "web-resource", "usage-report-notice");
        NodeList contexts = resource.getElementsByTagName("context");
        assertEquals("atl.admin", contexts.item(0).getTextContent().trim());
        String script = new String(UsageReportNoticeServletTest.class.getResourceAsStream("/usage-report/js/notice.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(script.contains("/plugins/servlet/sql-tables/usage-report/notice"));
        // The settings page itself already says that no decision was made: no notice there.
        assertTrue(script.contains(UsageReportNoticeServlet.SETTINGS_PATH));
    }
}
