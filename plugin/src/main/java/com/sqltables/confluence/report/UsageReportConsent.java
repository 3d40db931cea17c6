package com.sqltables.confluence.report;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.settings.ao.SettingsStore;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * The administrator's decision about the usage report, kept in the app settings (shared by every
 * node, kept across upgrades): the decision, who made it and when, and an optional address for a copy.
 * The system property {@value #DISABLED_PROPERTY}{@code =true} locks reporting off whatever is stored.
 */
@Named
public class UsageReportConsent {
    /** {@code -Dsql-tables.usage-report.disabled=true} turns reporting off on this node. */
    public static final String DISABLED_PROPERTY = "sql-tables.usage-report.disabled";
    static final String DECISION = "usage-report.decision";
    static final String DECIDED_BY = "usage-report.decided-by";
    static final String DECIDED_AT = "usage-report.decided-at";
    static final String COPY_TO = "usage-report.copy-to";
    /** A plain address: no display name, no list, no header injection. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9.-]{1,190}\\.[A-Za-z]{2,24}");

    private final SettingsStore settings;
    private final Clock clock;

    @Inject
    public UsageReportConsent(SettingsStore settings) {
        this(settings, Clock.systemUTC());
    }

    public UsageReportConsent(SettingsStore settings, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @return the current decision; {@link ReportDecision#UNDECIDED} when none was stored */
    public ReportConsent get() {
        Map<String, String> all = settings.getAll();
        ReportDecision decision = ReportDecision.UNDECIDED;
        try {
            String stored = all.get(DECISION);
            decision = stored == null ? ReportDecision.UNDECIDED : ReportDecision.valueOf(stored);
        } catch (IllegalArgumentException e) {
            // An unknown value is no consent.
            decision = ReportDecision.UNDECIDED;
        }
        Instant decidedAt = null;
        try {
            String at = all.get(DECIDED_AT);
            decidedAt = at == null ? null : Instant.parse(at);
        } catch (DateTimeParseException e) {
            decidedAt = null;
        }
        return new ReportConsent(decision, all.get(DECIDED_BY), decidedAt, all.get(COPY_TO), isLockedOff());
    }

    /**
     * Records a decision, who made it and when. Call it outside any other transaction (see
     * {@link SettingsStore#put}).
     *
     * @param copyTo an address to receive a copy of each report; blank for none
     * @throws com.sqltables.confluence.ValidationException on an undecided decision or a malformed address
     */
    public ReportConsent decide(ReportDecision decision, String copyTo, String actorUserKey) {
        FieldErrors errors = new FieldErrors();
        errors.check(decision == ReportDecision.ENABLED || decision == ReportDecision.DISABLED, "decision",
                "must be ENABLED or DISABLED");
        String copy = copyTo == null || copyTo.trim().isEmpty() ? null : copyTo.trim();
        errors.check(copy == null || ADDRESS.matcher(copy).matches(), "copyTo", "must be one e-mail address such as admin@example.com");
        errors.throwIfAny();
        settings.put(DECISION, decision.name(), actorUserKey);
        settings.put(DECIDED_BY, actorUserKey, actorUserKey);
        settings.put(DECIDED_AT, clock.instant().toString(), actorUserKey);
        settings.put(COPY_TO, copy, actorUserKey);
        return get();
    }

    /** @return whether the system property locks reporting off on this node */
    public static boolean isLockedOff() {
        return Boolean.parseBoolean(System.getProperty(DISABLED_PROPERTY, "false").trim());
    }
}
