package com.sqltables.devhost.admin;

import com.sqltables.devhost.spi.SmtpSettings;
import com.sqltables.devhost.web.Html;
import com.sqltables.devhost.web.Layout;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Confluence's Mail Servers page ({@code /admin/mail/viewmailservers.action}): the default SMTP server, password masked. */
public final class MailServersServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private final transient SmtpSettings smtp;
    private final transient Layout layout;

    public MailServersServlet(SmtpSettings smtp, Layout layout) {
        this.smtp = smtp;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!AdminAccess.allowView(request, response, layout)) {
            return;
        }
        String body = "<h1>Mail Servers</h1><h2>SMTP Mail Servers</h2><table class=\"aui\" id=\"smtp-servers\">"
                + "<thead><tr><th>Name</th><th>Host</th><th>Port</th><th>Protocol</th><th>Username</th>"
                + "<th>Password</th><th>From address</th><th>Subject prefix</th></tr></thead><tbody><tr>"
                + "<td>" + Html.text(smtp.name()) + " <span class=\"lozenge\">default</span></td>"
                + "<td>" + Html.text(smtp.host()) + "</td><td>" + smtp.port() + "</td>"
                + "<td>" + (smtp.ssl() ? "SMTPS (TLS)" : "SMTP") + "</td>"
                + "<td>" + Html.text(smtp.username()) + "</td>"
                + "<td>" + (smtp.password() == null || smtp.password().isEmpty() ? "(none)" : "********") + "</td>"
                + "<td>" + Html.text(smtp.defaultFrom()) + "</td><td>" + Html.text(smtp.subjectPrefix()) + "</td>"
                + "</tr></tbody></table><p>Everything sent to this server is kept in memory: see <a href=\""
                + Html.attr(request.getContextPath()) + "/devhost/mail\">Received mail</a>.</p>";
        layout.write(request, response, 200, "Mail Servers", body, Layout.Kind.ADMIN);
    }
}
