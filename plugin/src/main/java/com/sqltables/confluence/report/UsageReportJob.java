package com.sqltables.confluence.report;

import com.atlassian.mail.MailException;
import com.atlassian.mail.server.MailServerManager;
import com.atlassian.mail.server.SMTPMailServer;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.report.ao.ReportLedgerStore;
import com.sqltables.confluence.usage.Periods;
import com.sqltables.confluence.usage.ao.ActiveUserStore;
import com.sqltables.confluence.usage.ao.RenderedTableStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage report job ({@code usage-report} job-config: daily with jitter, once per cluster, managed on
 * Confluence's Scheduled Jobs page). Each run reports the previous month unless its ledger entry is
 * already sent: so the first report goes out within a day of enabling, then one a month, and a failed
 * send is retried by the next day's run. The ledger claim makes the send exactly-once across nodes
 * and double runs: of two nodes firing together one claims the period, the other does nothing.
 *
 * <p>Nothing is sent while the administrator has not decided, has disabled reporting, or the system
 * property locks it off.
 */
@Named
public class UsageReportJob implements JobRunner {
    /** A claim older than this belongs to a node that died while sending; another may take over. */
    static final Duration STALE_CLAIM = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(UsageReportJob.class);

    /** What a run did. */
    public enum Outcome {
        /** Undecided, disabled or locked off: nothing was sent or recorded. */
        NOT_ENABLED,
        /** The period's report was already sent. */
        ALREADY_SENT,
        /** Another node holds the period's claim. */
        CLAIMED_ELSEWHERE,
        /** No SMTP server: recorded as failed (not sent), retried next run. */
        NO_MAIL_SERVER,
        /** Sending failed: recorded with the error, retried next run. */
        FAILED,
        SENT
    }

    private final UsageReportConsent consent;
    private final UsageReportBuilder builder;
    private final ReportLedgerStore ledger;
    private final ActiveUserStore activeUsers;
    private final RenderedTableStore tables;
    private final MailServerManager mailServerManager;
    private final Clock clock;
    private final String nodeId;

    @Inject
    public UsageReportJob(UsageReportConsent consent, UsageReportBuilder builder, ReportLedgerStore ledger,
                          ActiveUserStore activeUsers, RenderedTableStore tables,
                          @ComponentImport MailServerManager mailServerManager) {
        this(consent, builder, ledger, activeUsers, tables, mailServerManager, Clock.systemUTC(),
                "node-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** @param nodeId this node's name in the ledger (random by default: no host name is stored) */
    public UsageReportJob(UsageReportConsent consent, UsageReportBuilder builder, ReportLedgerStore ledger,
                          ActiveUserStore activeUsers, RenderedTableStore tables, MailServerManager mailServerManager,
                          Clock clock, String nodeId) {
        this.consent = Objects.requireNonNull(consent, "consent");
        this.builder = Objects.requireNonNull(builder, "builder");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.activeUsers = Objects.requireNonNull(activeUsers, "activeUsers");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.mailServerManager = Objects.requireNonNull(mailServerManager, "mailServerManager");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nodeId = Objects.requireNonNull(nodeId, "nodeId");
    }

    @Override
    public JobRunnerResponse runJob(JobRunnerRequest request) {
        try {
            Outcome outcome = run();
            switch (outcome) {
                case FAILED:
                case NO_MAIL_SERVER:
                    return JobRunnerResponse.failed("Usage report not sent: " + outcome + " (see SQL Tables settings)");
                default:
                    return JobRunnerResponse.success("Usage report: " + outcome);
            }
        } catch (RuntimeException e) {
            log.warn("The usage report job failed", e);
            return JobRunnerResponse.failed(e);
        }
    }

    /** Runs once: sends the previous month's report if enabled and not yet sent. */
    public Outcome run() {
        if (!consent.get().isSending()) {
            return Outcome.NOT_ENABLED;
        }
        Instant now = clock.instant();
        String period = Periods.of(YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1));
        if (isDone(period)) {
            return Outcome.ALREADY_SENT;
        }
        Optional<ReportClaim> claimed = ledger.claim(period, nodeId, now, STALE_CLAIM);
        if (claimed.isEmpty()) {
            return isDone(period) ? Outcome.ALREADY_SENT : Outcome.CLAIMED_ELSEWHERE;
        }
        ReportClaim claim = claimed.get();
        try {
            // Checked again under the claim: reporting may have been switched off meanwhile.
            ReportConsent current = consent.get();
            if (!current.isSending()) {
                ledger.markFailed(claim, "Reporting was switched off before sending");
                return Outcome.NOT_ENABLED;
            }
            SMTPMailServer server = mailServerManager.getDefaultSMTPMailServer();
            if (server == null) {
                ledger.markFailed(claim, "Not sent: no SMTP mail server is configured in Confluence");
                return Outcome.NO_MAIL_SERVER;
            }
            UsageReport report = builder.build(period);
            String to = UsageReportMail.recipient();
            server.send(UsageReportMail.compose(report, to, current.getCopyTo()));
            ledger.markSent(claim, clock.instant(), to, report.getMessageId(), report.digest(), report.getJson());
            purgeKeyedHashes(period);
            return Outcome.SENT;
        } catch (MailException | RuntimeException e) {
            if (e instanceof ConflictException) {
                // The claim went stale and another node took the period over: its outcome stands.
                log.warn("Lost the claim on the usage report for {}", period, e);
                return Outcome.CLAIMED_ELSEWHERE;
            }
            log.warn("Could not send the usage report for {}; the next run retries", period, e);
            try {
                ledger.markFailed(claim, e.getClass().getSimpleName() + ": " + e.getMessage());
            } catch (RuntimeException recordFailure) {
                log.warn("Could not record the failure of the usage report for {}", period, recordFailure);
            }
            return Outcome.FAILED;
        }
    }

    /** @return the period the next run would report: the previous month, or this month once that is sent */
    public String nextPeriod() {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        String previous = Periods.of(month.minusMonths(1));
        return isDone(previous) ? Periods.of(month) : previous;
    }

    private boolean isDone(String period) {
        return ledger.get(period).map(e -> e.getStatus() == ReportStatus.SENT || e.getStatus() == ReportStatus.SKIPPED)
                .orElse(false);
    }

    /** The month's report is done: its keyed hashes of users and tables are no longer needed. */
    private void purgeKeyedHashes(String period) {
        try {
            activeUsers.purge(period);
        } catch (RuntimeException e) {
            log.warn("Could not purge the active users of {}", period, e);
        }
        try {
            tables.purge(period);
        } catch (RuntimeException e) {
            log.warn("Could not purge the rendered tables of {}", period, e);
        }
    }
}
