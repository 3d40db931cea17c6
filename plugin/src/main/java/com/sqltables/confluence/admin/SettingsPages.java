package com.sqltables.confluence.admin;

import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.report.LedgerEntry;
import com.sqltables.confluence.report.ReportConsent;
import com.sqltables.confluence.report.ReportDecision;
import com.sqltables.confluence.report.UsageReport;
import com.sqltables.confluence.report.UsageReportService;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settings tab: the usage report's decision (with who and when), the exact next report (headers,
 * text, JSON, download), the mail server's TLS state, and the history of sent and failed reports.
 * Reached only through {@link AdminServlet}, after {@link AdminAccess} let the request through.
 */
final class SettingsPages {
    private final AdminPages pages;
    private final AdminAccess access;
    private final UsageReportService usageReport;

    SettingsPages(AdminPages pages, AdminAccess access, UsageReportService usageReport) {
        this.pages = Objects.requireNonNull(pages, "pages");
        this.access = Objects.requireNonNull(access, "access");
        this.usageReport = Objects.requireNonNull(usageReport, "usageReport");
    }

    void show(HttpServletRequest request, HttpServletResponse response, int status, String error) throws IOException {
        ReportConsent consent = usageReport.consent();
        UsageReport preview = usageReport.preview();
        List<String> deciders = new ArrayList<>();
        if (consent.getDecidedBy() != null) {
            deciders.add(consent.getDecidedBy());
        }
        Map<String, String> names = access.displayNames(deciders);
        List<LedgerEntry> history = usageReport.history();
        pages.render(request, response, status, "settings", AdminPages.model(
                "tab", "settings",
                "consent", consent,
                "decision", consent.getDecision().name(),
                "decidedBy", consent.getDecidedBy() == null ? null : names.get(consent.getDecidedBy()),
                // Seconds, as the other UTC times of the admin screen; nanoseconds only look like noise to a reader.
                "decidedAt", consent.getDecidedAt() == null ? null
                        : consent.getDecidedAt().truncatedTo(ChronoUnit.SECONDS).toString(),
                "mailStatus", usageReport.mailStatus().name(),
                "preview", preview,
                "headers", usageReport.headers(preview),
                "history", history,
                "done", AdminServlet.done(request),
                "error", error));
    }

    void save(HttpServletRequest request, HttpServletResponse response, String actor) throws IOException {
        ReportDecision decision;
        try {
            decision = ReportDecision.valueOf(String.valueOf(request.getParameter("decision")));
        } catch (IllegalArgumentException e) {
            decision = ReportDecision.UNDECIDED;
        }
        try {
            usageReport.decide(decision, request.getParameter("copyTo"), actor);
            AdminServlet.redirect(request, response, AdminRoute.SETTINGS, "updated");
        } catch (ValidationException e) {
            show(request, response, HttpServletResponse.SC_BAD_REQUEST,
                    pages.text("com.sqltables.confluence.admin.settings.usage.invalid"));
        }
    }

    /** The next report's JSON, byte for byte as it would be attached. */
    void download(HttpServletResponse response) throws IOException {
        UsageReport preview = usageReport.preview();
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + preview.getAttachmentName() + "\"");
        response.getWriter().write(preview.getJson());
    }
}
