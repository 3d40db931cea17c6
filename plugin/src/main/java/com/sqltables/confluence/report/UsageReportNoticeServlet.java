package com.sqltables.confluence.report;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * {@code GET /plugins/servlet/sql-tables/usage-report/notice}: whether a system administrator should be
 * asked to decide about the usage report, for the admin-page notice ({@code usage-report-notice.js}, web
 * resource context {@code atl.admin}). System administrators only (401 anonymous, 403 others); it reads one
 * setting and changes nothing, so it needs neither WebSudo nor an XSRF token. The message and the link
 * come from here, so the script needs no i18n of its own.
 */
public class UsageReportNoticeServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String SETTINGS_PATH = "/plugins/servlet/sql-tables/admin/settings";

    private final transient UserManager userManager;
    private final transient UsageReportConsent consent;
    private final transient I18nResolver i18n;

    @Inject
    public UsageReportNoticeServlet(UserManager userManager, UsageReportConsent consent, I18nResolver i18n) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
        this.consent = Objects.requireNonNull(consent, "consent");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        UserKey user = userManager.getRemoteUserKey(request);
        if (user == null || !userManager.isSystemAdmin(user)) {
            response.setStatus(user == null ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN);
            response.getWriter().write("{\"message\":\"system administrators only\"}");
            return;
        }
        ReportConsent current = consent.get();
        // Locked off by the system property: the node's operator decided, so nobody is asked.
        boolean show = current.getDecision() == ReportDecision.UNDECIDED && !current.isLockedOff();
        Map<String, Object> json = new TreeMap<>();
        json.put("decision", current.getDecision().name());
        json.put("show", show);
        if (show) {
            json.put("message", i18n.getText("com.sqltables.confluence.usage.notice.message"));
            json.put("link", i18n.getText("com.sqltables.confluence.usage.notice.link"));
            json.put("url", request.getContextPath() + SETTINGS_PATH);
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.getWriter().write(CanonicalJson.write(json));
    }
}
