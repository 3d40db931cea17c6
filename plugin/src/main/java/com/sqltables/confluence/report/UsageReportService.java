package com.sqltables.confluence.report;

import com.atlassian.mail.server.MailServerManager;
import com.atlassian.mail.server.SMTPMailServer;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.sqltables.confluence.report.ao.ReportLedgerStore;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * What the settings tab shows and changes: the decision, the exact next report, the mail server's
 * state and the history of sent and failed reports.
 */
@Named
public class UsageReportService {
    /** The state of Confluence's outgoing mail, as far as reporting cares. */
    public enum MailStatus {
        /** No SMTP server: nothing can be sent. */
        NONE,
        /** A server without TLS: the report would cross the network in clear text. */
        NO_TLS,
        TLS
    }

    private final UsageReportConsent consent;
    private final UsageReportBuilder builder;
    private final UsageReportJob job;
    private final ReportLedgerStore ledger;
    private final MailServerManager mailServerManager;

    @Inject
    public UsageReportService(UsageReportConsent consent, UsageReportBuilder builder, UsageReportJob job,
                              ReportLedgerStore ledger, @ComponentImport MailServerManager mailServerManager) {
        this.consent = Objects.requireNonNull(consent, "consent");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.job = Objects.requireNonNull(job, "job");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.mailServerManager = Objects.requireNonNull(mailServerManager, "mailServerManager");
    }

    public ReportConsent consent() {
        return consent.get();
    }

    /** @see UsageReportConsent#decide */
    public ReportConsent decide(ReportDecision decision, String copyTo, String actorUserKey) {
        return consent.decide(decision, copyTo, actorUserKey);
    }

    /** @return the report the next run would send, built from the current counts */
    public UsageReport preview() {
        return builder.build(job.nextPeriod());
    }

    /** @return the headers the app sets on {@code report}, as the next run would send them */
    public Map<String, String> headers(UsageReport report) {
        return report.headers(UsageReportMail.recipient(), consent.get().getCopyTo());
    }

    public MailStatus mailStatus() {
        SMTPMailServer server = mailServerManager.getDefaultSMTPMailServer();
        if (server == null) {
            return MailStatus.NONE;
        }
        return server.isTlsRequired() ? MailStatus.TLS : MailStatus.NO_TLS;
    }

    /** @return every report sent, failed or being sent, newest period first */
    public List<LedgerEntry> history() {
        return ledger.list();
    }
}
