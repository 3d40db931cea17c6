package com.sqltables.confluence.report;

import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.templaterenderer.TemplateRenderer;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The privacy page ({@code /plugins/servlet/sql-tables/privacy}, linked from Confluence's Help menu): what
 * the monthly usage report collects and what it never sends, how it is counted and how to switch it off.
 * It is served to everyone, anonymous visitors included, on purpose: it describes the app, not this
 * installation (no decision, no counts, no names), so it needs no permission check and changes nothing.
 * The field list comes from {@link UsageReportFields}, the same constants the report builder uses.
 */
public class PrivacyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String TEMPLATE = "templates/privacy/privacy.vm";

    private final transient TemplateRenderer renderer;
    private final transient I18nResolver i18n;

    @Inject
    public PrivacyServlet(TemplateRenderer renderer, I18nResolver i18n) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Map<String, Object> context = new HashMap<>();
        context.put("i18n", i18n);
        context.put("fields", UsageReportFields.all());
        context.put("schemaVersion", UsageReport.SCHEMA_VERSION);
        context.put("settingsUrl", request.getContextPath() + "/plugins/servlet/sql-tables/admin/settings");
        context.put("disabledProperty", UsageReportConsent.DISABLED_PROPERTY);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/html;charset=UTF-8");
        renderer.render(TEMPLATE, context, response.getWriter());
    }
}
