package com.sqltables.devhost.spi;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Confluence's "Scheduled Jobs" admin page, as seen by the web host. */
public interface ScheduledJobs {
    List<JobView> list();

    /** Disables (true) or enables (false) a managed job cluster-wide; refused for jobs with canDisable=false. */
    void setDisabled(String jobKey, boolean disabled);

    /** Runs a job now on this node (canRunAdhoc jobs only) and returns its result message. */
    String runNow(String jobKey);

    /** A row of the Scheduled Jobs page. */
    final class JobView {
        private final String key;
        private final String name;
        private final String schedule;
        private final boolean disabled;
        private final Instant nextRun;
        private final Instant lastRun;
        private final String lastResult;
        private final boolean canDisable;
        private final boolean canRunAdhoc;

        public JobView(String key, String name, String schedule, boolean disabled, Instant nextRun, Instant lastRun,
                       String lastResult, boolean canDisable, boolean canRunAdhoc) {
            this.key = key;
            this.name = name;
            this.schedule = schedule;
            this.disabled = disabled;
            this.nextRun = nextRun;
            this.lastRun = lastRun;
            this.lastResult = lastResult;
            this.canDisable = canDisable;
            this.canRunAdhoc = canRunAdhoc;
        }

        public String key() { return key; }
        public String name() { return name; }
        public String schedule() { return schedule; }
        public boolean disabled() { return disabled; }
        public Optional<Instant> nextRun() { return Optional.ofNullable(nextRun); }
        public Optional<Instant> lastRun() { return Optional.ofNullable(lastRun); }
        public Optional<String> lastResult() { return Optional.ofNullable(lastResult); }
        public boolean canDisable() { return canDisable; }
        public boolean canRunAdhoc() { return canRunAdhoc; }
    }
}
