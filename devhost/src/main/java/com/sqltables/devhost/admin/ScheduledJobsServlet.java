package com.sqltables.devhost.admin;

import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.ScheduledJobs;
import com.sqltables.devhost.web.Html;
import com.sqltables.devhost.web.Layout;
import com.sqltables.devhost.web.Xsrf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Confluence's Scheduled Jobs page ({@code /admin/scheduledjobs/viewscheduledjobs.action}) for the plugin's
 * {@code job-config} jobs: schedule, next run, last run and result; Disable, Enable and Run now (POST with
 * XSRF token, inside WebSudo) to {@code /admin/scheduledjobs/action.action}.
 */
public final class ScheduledJobsServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String PAGE = "/admin/scheduledjobs/viewscheduledjobs.action";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledJobsServlet.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MMM d, yyyy HH:mm:ss", Locale.ENGLISH)
            .withZone(ZoneId.systemDefault());

    private final transient PluginSystem plugins;
    private final transient Layout layout;

    public ScheduledJobsServlet(PluginSystem plugins, Layout layout) {
        this.plugins = plugins;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdminAccess.allowView(request, response, layout)) {
            return;
        }
        String ctx = request.getContextPath();
        String flash = AdminAccess.takeFlash(request);
        List<ScheduledJobs.JobView> jobs = plugins.scheduledJobs().list();
        StringBuilder body = new StringBuilder("<h1>Scheduled Jobs</h1>");
        if (flash != null) {
            body.append("<div class=\"aui-message aui-message-info\" id=\"job-message\"><p>").append(Html.text(flash))
                    .append("</p></div>");
        }
        if (jobs.isEmpty()) {
            body.append("<p id=\"no-jobs\">The plugin declares no scheduled jobs.</p>");
        } else {
            body.append("<table class=\"aui\" id=\"scheduled-jobs\"><thead><tr><th>Job</th><th>Status</th>"
                    + "<th>Schedule</th><th>Next run</th><th>Last run</th><th>Last result</th><th>Actions</th></tr>"
                    + "</thead><tbody>");
            for (ScheduledJobs.JobView job : jobs) {
                body.append("<tr data-job-key=\"").append(Html.attr(job.key())).append("\"><td>")
                        .append(Html.text(job.name())).append("<div class=\"job-key\">").append(Html.text(job.key()))
                        .append("</div></td><td class=\"job-status\">").append(job.disabled() ? "Disabled" : "Scheduled")
                        .append("</td><td>").append(Html.text(job.schedule())).append("</td><td>")
                        .append(Html.text(when(job.nextRun()))).append("</td><td>").append(Html.text(when(job.lastRun())))
                        .append("</td><td>").append(Html.text(job.lastResult().orElse(""))).append("</td><td class=\"job-actions\">");
                if (job.canDisable()) {
                    body.append(actionForm(request, response, ctx, job.key(), job.disabled() ? "enable" : "disable",
                            job.disabled() ? "Enable" : "Disable"));
                }
                if (job.canRunAdhoc()) {
                    body.append(actionForm(request, response, ctx, job.key(), "run", "Run now"));
                }
                body.append("</td></tr>");
            }
            body.append("</tbody></table>");
        }
        layout.write(request, response, 200, "Scheduled Jobs", body.toString(), Layout.Kind.ADMIN);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdminAccess.allowAction(request, response, layout, PAGE)) {
            return;
        }
        String jobKey = request.getParameter("jobKey");
        String action = request.getParameter("action");
        ScheduledJobs jobs = plugins.scheduledJobs();
        Optional<ScheduledJobs.JobView> job = jobs.list().stream().filter(j -> j.key().equals(jobKey)).findFirst();
        String message;
        if (job.isEmpty()) {
            message = "There is no scheduled job " + jobKey + ".";
        } else {
            try {
                switch (action == null ? "" : action) {
                    case "disable":
                        jobs.setDisabled(jobKey, true);
                        message = "Disabled " + job.get().name() + ".";
                        break;
                    case "enable":
                        jobs.setDisabled(jobKey, false);
                        message = "Enabled " + job.get().name() + ".";
                        break;
                    case "run":
                        message = "Ran " + job.get().name() + ": " + jobs.runNow(jobKey);
                        break;
                    default:
                        message = "Unknown action " + action + ".";
                        break;
                }
            } catch (RuntimeException e) {
                LOG.warn("Scheduled job action {} on {} failed", action, jobKey, e);
                message = "Could not " + action + " " + job.get().name() + ": " + e.getMessage();
            }
        }
        AdminAccess.flash(request, message);
        response.sendRedirect(request.getContextPath() + PAGE);
    }

    private static String actionForm(HttpServletRequest request, HttpServletResponse response, String ctx, String jobKey,
                                     String action, String label) {
        return "<form class=\"inline-form\" method=\"post\" action=\"" + Html.attr(ctx)
                + "/admin/scheduledjobs/action.action\">" + Xsrf.hiddenField(request, response)
                + "<input type=\"hidden\" name=\"jobKey\" value=\"" + Html.attr(jobKey) + "\">"
                + "<input type=\"hidden\" name=\"action\" value=\"" + Html.attr(action) + "\">"
                + "<button class=\"aui-button\" type=\"submit\" data-action=\"" + Html.attr(action) + "\">"
                + Html.text(label) + "</button></form>";
    }

    private static String when(Optional<Instant> instant) {
        return instant.map(WHEN::format).orElse("—");
    }
}
