package com.sqltables.devhost.mail;

import com.icegreen.greenmail.util.GreenMailUtil;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.web.ErrorPages;
import com.sqltables.devhost.web.Html;
import com.sqltables.devhost.web.Layout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.mail.Address;
import javax.mail.MessagingException;
import javax.mail.internet.MimeMessage;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * {@code /devhost/mail} (dev host only, system administrators only): every message the embedded SMTP server
 * received, newest first, with its raw MIME source.
 */
public final class MailViewerServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(MailViewerServlet.class);

    private final transient EmbeddedSmtpServer smtp;
    private final transient Layout layout;

    public MailViewerServlet(EmbeddedSmtpServer smtp, Layout layout) {
        this.smtp = smtp;
        this.layout = layout;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DevUser user = RequestContext.currentUser().orElse(null);
        if (user == null || !user.systemAdmin()) {
            ErrorPages.forbidden(layout, request, response, "Only system administrators may read the received mail.");
            return;
        }
        MimeMessage[] messages = smtp.greenMail().getReceivedMessages();
        StringBuilder body = new StringBuilder("<h1>Received mail</h1><p>Messages the embedded SMTP server (")
                .append(Html.text(smtp.settings().host())).append(':').append(smtp.settings().port())
                .append(", SMTPS) received since the dev host started: <strong id=\"mail-count\">")
                .append(messages.length).append("</strong>.</p>");
        body.append("<ol class=\"mail-list\" reversed>");
        for (int i = messages.length - 1; i >= 0; i--) {
            body.append(message(messages[i], i));
        }
        body.append("</ol>");
        layout.write(request, response, 200, "Received mail", body.toString(), Layout.Kind.ADMIN);
    }

    private static String message(MimeMessage message, int index) {
        try {
            return "<li class=\"mail\" id=\"mail-" + index + "\"><dl class=\"mail-headers\"><dt>Subject</dt><dd class=\"mail-subject\">"
                    + Html.text(message.getSubject()) + "</dd><dt>From</dt><dd>" + Html.text(addresses(message.getFrom()))
                    + "</dd><dt>To</dt><dd class=\"mail-to\">" + Html.text(addresses(message.getAllRecipients()))
                    + "</dd><dt>Date</dt><dd>" + Html.text(message.getSentDate()) + "</dd></dl>"
                    + "<details><summary>Raw source</summary><pre class=\"mail-source\">"
                    + Html.text(GreenMailUtil.getWholeMessage(message)) + "</pre></details></li>";
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("Cannot show received message {}", index, e);
            return "<li class=\"mail\">This message cannot be shown: " + Html.text(e.getMessage()) + "</li>";
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }
}
