package com.sqltables.devhost.services.scheduler;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerRequest;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerHistoryService;
import com.atlassian.scheduler.SchedulerService;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.JobDetails;
import com.atlassian.scheduler.status.RunDetails;
import com.atlassian.scheduler.status.RunOutcome;
import com.sqltables.devhost.services.HostTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * atlassian-scheduler for one node of the dev host.
 * <ul>
 * <li>{@code RUN_ONCE_PER_CLUSTER} jobs live in the host database; a node runs a due firing only after winning
 *     a compare-and-set that advances the job's next run time, so on N nodes each firing runs once.</li>
 * <li>{@code RUN_LOCALLY} jobs live in this node's memory and run on every node that schedules them.</li>
 * <li>Job runners are registered per node; a node without the runner leaves a cluster job to the others.</li>
 * <li>A job never runs concurrently with itself on one node; a runner's exception is recorded as FAILED.</li>
 * <li>Run history and the admin's "disabled" flag are stored in host tables, shared by all nodes.</li>
 * </ul>
 * Time comes from an injectable clock; {@link #runDueJobs(Instant)} is the scheduler's tick, called every second
 * by a background thread (or directly by tests, without one).
 */
public final class DevSchedulerService implements SchedulerService, SchedulerHistoryService, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DevSchedulerService.class);
    private static final int MAX_MESSAGE = RunDetails.MAXIMUM_MESSAGE_LENGTH;

    private final DataSource database;
    private final String nodeId;
    private final Clock clock;
    private final ConcurrentMap<JobRunnerKey, JobRunner> runners = new ConcurrentHashMap<>();
    private final ConcurrentMap<JobId, LocalJob> localJobs = new ConcurrentHashMap<>();
    private final ConcurrentMap<JobId, Integer> jitterSecs = new ConcurrentHashMap<>();
    private final Set<JobId> running = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final ScheduledExecutorService ticker;
    private volatile boolean closed;

    private static final class LocalJob {
        final JobConfig config;
        volatile Instant nextRun;

        LocalJob(JobConfig config, Instant nextRun) {
            this.config = config;
            this.nextRun = nextRun;
        }
    }

    /** A cluster job's row. */
    private static final class ClusterJob {
        final JobId jobId;
        final JobConfig config;
        final String parameterProblem;
        final Instant nextRun;
        final long version;

        ClusterJob(JobId jobId, JobConfig config, String parameterProblem, Instant nextRun, long version) {
            this.jobId = jobId;
            this.config = config;
            this.parameterProblem = parameterProblem;
            this.nextRun = nextRun;
            this.version = version;
        }
    }

    /**
     * @param tick whether to start the background thread that runs due jobs every second
     */
    public DevSchedulerService(DataSource database, String nodeId, Clock clock, boolean tick) {
        this.database = database;
        this.nodeId = nodeId;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "devhost-scheduler-worker-" + nodeId + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        if (tick) {
            this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "devhost-scheduler-" + nodeId);
                thread.setDaemon(true);
                return thread;
            });
            ticker.scheduleWithFixedDelay(this::tickSafely, 1, 1, TimeUnit.SECONDS);
        } else {
            this.ticker = null;
        }
    }

    private void tickSafely() {
        try {
            runDueJobs(clock.instant());
        } catch (RuntimeException e) {
            log.error("Scheduler tick on node {} failed", nodeId, e);
        }
    }

    // ---------------------------------------------------------------- runners

    @Override
    public void registerJobRunner(JobRunnerKey jobRunnerKey, JobRunner jobRunner) {
        runners.put(requireNonNull(jobRunnerKey, "jobRunnerKey"), requireNonNull(jobRunner, "jobRunner"));
    }

    @Override
    public void unregisterJobRunner(JobRunnerKey jobRunnerKey) {
        runners.remove(jobRunnerKey);
    }

    @Override
    public Set<JobRunnerKey> getRegisteredJobRunnerKeys() {
        return Collections.unmodifiableSet(new HashSet<>(runners.keySet()));
    }

    @Override
    public Set<JobRunnerKey> getJobRunnerKeysForAllScheduledJobs() {
        Set<JobRunnerKey> keys = new HashSet<>();
        localJobs.values().forEach(job -> keys.add(job.config.getJobRunnerKey()));
        clusterJobs(null).forEach(job -> keys.add(job.config.getJobRunnerKey()));
        return keys;
    }

    // ---------------------------------------------------------------- scheduling

    @Override
    public void scheduleJob(JobId jobId, JobConfig jobConfig) throws SchedulerServiceException {
        requireNonNull(jobId, "jobId");
        requireNonNull(jobConfig, "jobConfig");
        Instant now = clock.instant();
        Instant first = Schedules.firstRun(jobConfig.getSchedule(), now);
        String parameters = serialize(jobConfig.getParameters());
        if (jobConfig.getRunMode() == RunMode.RUN_LOCALLY) {
            deleteClusterJob(jobId);
            localJobs.put(jobId, new LocalJob(jobConfig, first));
        } else {
            localJobs.remove(jobId);
            upsertClusterJob(jobId, jobConfig, parameters, first);
        }
    }

    /** Schedules a {@code job-config} job, whose runs start up to {@code jitterSecs} seconds after the nominal time. */
    public void scheduleJob(JobId jobId, JobConfig jobConfig, int jitterSecs) throws SchedulerServiceException {
        if (jitterSecs > 0) {
            this.jitterSecs.put(jobId, jitterSecs);
        } else {
            this.jitterSecs.remove(jobId);
        }
        scheduleJob(jobId, jobConfig);
    }

    @Override
    public JobId scheduleJobWithGeneratedId(JobConfig jobConfig) throws SchedulerServiceException {
        JobId jobId = JobId.of(UUID.randomUUID().toString());
        scheduleJob(jobId, jobConfig);
        return jobId;
    }

    @Override
    public void unscheduleJob(JobId jobId) {
        if (jobId == null) {
            return;
        }
        localJobs.remove(jobId);
        jitterSecs.remove(jobId);
        try {
            deleteClusterJob(jobId);
        } catch (SchedulerServiceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Date calculateNextRunTime(Schedule schedule) throws SchedulerServiceException {
        Instant next = Schedules.firstRun(requireNonNull(schedule, "schedule"), clock.instant());
        return next == null ? null : Date.from(next);
    }

    @Override
    public JobDetails getJobDetails(JobId jobId) {
        LocalJob local = localJobs.get(jobId);
        if (local != null) {
            return new DevJobDetails(jobId, local.config.getJobRunnerKey(), RunMode.RUN_LOCALLY, local.config.getSchedule(),
                    local.nextRun == null ? null : Date.from(local.nextRun), local.config.getParameters(), null,
                    runners.containsKey(local.config.getJobRunnerKey()));
        }
        List<ClusterJob> rows = clusterJobs(jobId);
        return rows.isEmpty() ? null : details(rows.get(0));
    }

    @Override
    public List<JobDetails> getJobsByJobRunnerKey(JobRunnerKey jobRunnerKey) {
        return getJobsByJobRunnerKeys(List.of(jobRunnerKey));
    }

    @Override
    public List<JobDetails> getJobsByJobRunnerKeys(List<JobRunnerKey> jobRunnerKeys) {
        List<JobDetails> result = new ArrayList<>();
        localJobs.forEach((id, job) -> {
            if (jobRunnerKeys.contains(job.config.getJobRunnerKey())) {
                result.add(getJobDetails(id));
            }
        });
        for (ClusterJob job : clusterJobs(null)) {
            if (jobRunnerKeys.contains(job.config.getJobRunnerKey())) {
                result.add(details(job));
            }
        }
        return result;
    }

    private JobDetails details(ClusterJob job) {
        return new DevJobDetails(job.jobId, job.config.getJobRunnerKey(), RunMode.RUN_ONCE_PER_CLUSTER, job.config.getSchedule(),
                job.nextRun == null ? null : Date.from(job.nextRun), job.config.getParameters(), job.parameterProblem,
                runners.containsKey(job.config.getJobRunnerKey()));
    }

    // ---------------------------------------------------------------- admin state

    /** @return whether the admin disabled the job (cluster-wide) */
    public boolean isDisabled(JobId jobId) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT DISABLED FROM " + HostTables.JOB_STATUS + " WHERE JOB_ID = ?")) {
            select.setString(1, jobId.toString());
            try (ResultSet row = select.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the state of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** Records the initial disabled state of a managed job, unless an admin has already decided. */
    public void initDisabled(JobId jobId, boolean disabledByDefault) {
        // Every node's start comes here for every managed job: the row usually exists already.
        try (Connection connection = database.getConnection()) {
            HostTables.insertIfAbsent(connection, HostTables.JOB_STATUS, "JOB_ID", jobId.toString(), "DISABLED",
                    disabledByDefault);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the state of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /**
     * Disables or enables a job cluster-wide. Enabling restarts its schedule from now, as Confluence reschedules
     * a re-enabled job instead of catching up on the runs it skipped.
     */
    public void setDisabled(JobId jobId, boolean disabled) {
        try (Connection connection = database.getConnection()) {
            int updated;
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + HostTables.JOB_STATUS + " SET DISABLED = ? WHERE JOB_ID = ?")) {
                update.setBoolean(1, disabled);
                update.setString(2, jobId.toString());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                initDisabled(jobId, disabled);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot store the state of job " + jobId + ": " + e.getMessage(), e);
        }
        if (!disabled) {
            restartSchedule(jobId);
        }
    }

    private void restartSchedule(JobId jobId) {
        Instant now = clock.instant();
        try {
            LocalJob local = localJobs.get(jobId);
            if (local != null) {
                local.nextRun = Schedules.following(local.config.getSchedule(), now, now);
                return;
            }
            for (ClusterJob job : clusterJobs(jobId)) {
                Instant next = job.config.getSchedule().getType() == Schedule.Type.CRON_EXPRESSION
                        ? Schedules.firstRun(job.config.getSchedule(), now) : Schedules.following(job.config.getSchedule(), now, now);
                compareAndSetNextRun(job, next);
            }
        } catch (SchedulerServiceException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- running

    /**
     * Starts every job due at {@code now} that this node may run; the scheduler's tick.
     *
     * @return the runs started, completing with their details when done
     */
    public List<CompletableFuture<DevRunDetails>> runDueJobs(Instant now) {
        List<CompletableFuture<DevRunDetails>> started = new ArrayList<>();
        if (closed) {
            return started;
        }
        for (Map.Entry<JobId, LocalJob> entry : localJobs.entrySet()) {
            JobId jobId = entry.getKey();
            LocalJob job = entry.getValue();
            Instant due = job.nextRun;
            if (due == null || due.isAfter(now) || !runners.containsKey(job.config.getJobRunnerKey())
                    || running.contains(jobId) || isDisabled(jobId)) {
                continue;
            }
            try {
                job.nextRun = Schedules.following(job.config.getSchedule(), due, now);
            } catch (SchedulerServiceException e) {
                job.nextRun = null;
            }
            launch(jobId, job.config, due, false, () -> { }).ifPresent(started::add);
            if (job.nextRun == null) {
                localJobs.remove(jobId, job);
            }
        }
        for (ClusterJob job : dueClusterJobs(now)) {
            if (job.parameterProblem != null || !runners.containsKey(job.config.getJobRunnerKey())
                    || running.contains(job.jobId) || isDisabled(job.jobId)) {
                continue;
            }
            Instant next = followingOrNull(job.config.getSchedule(), job.nextRun, now);
            if (!compareAndSetNextRun(job, next)) {
                continue; // Another node claimed this firing.
            }
            // A run-once job is gone once it has run; removed before the run reports completion.
            Runnable afterRun = next == null ? () -> deleteFinishedClusterJob(job.jobId, job.version + 1) : () -> { };
            launch(job.jobId, job.config, job.nextRun, false, afterRun).ifPresent(started::add);
        }
        return started;
    }

    private static Instant followingOrNull(Schedule schedule, Instant fired, Instant now) {
        try {
            return Schedules.following(schedule, fired, now);
        } catch (SchedulerServiceException e) {
            return null;
        }
    }

    /**
     * Runs a job now on this node (the Scheduled Jobs page's "Run now"), whatever its schedule.
     *
     * @return the run, or empty when the job is unknown or already running on this node
     */
    public Optional<CompletableFuture<DevRunDetails>> runNow(JobId jobId) {
        LocalJob local = localJobs.get(jobId);
        JobConfig config = local != null ? local.config : null;
        if (config == null) {
            List<ClusterJob> rows = clusterJobs(jobId);
            if (rows.isEmpty() || rows.get(0).parameterProblem != null) {
                return Optional.empty();
            }
            config = rows.get(0).config;
        }
        return launch(jobId, config, clock.instant(), true, () -> { });
    }

    /** @return whether the job is running on this node now */
    public boolean isRunning(JobId jobId) {
        return running.contains(jobId);
    }

    private Optional<CompletableFuture<DevRunDetails>> launch(JobId jobId, JobConfig config, Instant nominal, boolean adhoc,
                                                                        Runnable afterRun) {
        if (!running.add(jobId)) {
            return Optional.empty();
        }
        CompletableFuture<DevRunDetails> future = new CompletableFuture<>();
        try {
            workers.execute(() -> {
                DevRunDetails details = null;
                Throwable failure = null;
                try {
                    details = execute(jobId, config, nominal, adhoc);
                    afterRun.run();
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    running.remove(jobId);
                }
                if (failure == null) {
                    future.complete(details);
                } else {
                    future.completeExceptionally(failure);
                }
            });
        } catch (RuntimeException e) {
            running.remove(jobId);
            throw e;
        }
        return Optional.of(future);
    }

    private DevRunDetails execute(JobId jobId, JobConfig config, Instant nominal, boolean adhoc) {
        Integer jitter = jitterSecs.get(jobId);
        if (!adhoc && jitter != null && jitter > 0) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(jitter * 1000L + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Instant start = clock.instant();
        long fireTime = adhoc ? start.toEpochMilli() : nominal.toEpochMilli();
        fireTime = insertRunRecord(jobId, fireTime, start);
        JobRunner runner = runners.get(config.getJobRunnerKey());
        RunOutcome outcome;
        String message;
        if (runner == null) {
            outcome = RunOutcome.UNAVAILABLE;
            message = "Job runner key '" + config.getJobRunnerKey() + "' is not registered on node " + nodeId;
        } else {
            JobRunnerResponse response;
            try {
                response = runner.runJob(new Request(Date.from(start), jobId, config));
            } catch (Throwable t) {
                log.error("Job {} failed on node {}", jobId, nodeId, t);
                response = JobRunnerResponse.failed(t);
            }
            outcome = response == null ? RunOutcome.SUCCESS : response.getRunOutcome();
            message = response == null ? null : response.getMessage();
        }
        long duration = Math.max(0, clock.millis() - start.toEpochMilli());
        String trimmed = message == null ? null : message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) : message;
        finishRunRecord(jobId, fireTime, duration, outcome, trimmed);
        return new DevRunDetails(Date.from(start), duration, outcome, trimmed, nodeId);
    }

    private final class Request implements JobRunnerRequest {
        private final Date startTime;
        private final JobId jobId;
        private final JobConfig config;

        Request(Date startTime, JobId jobId, JobConfig config) {
            this.startTime = startTime;
            this.jobId = jobId;
            this.config = config;
        }

        @Override
        public Date getStartTime() {
            return new Date(startTime.getTime());
        }

        @Override
        public JobId getJobId() {
            return jobId;
        }

        @Override
        public JobConfig getJobConfig() {
            return config;
        }

        @Override
        public boolean isCancellationRequested() {
            return closed;
        }
    }

    // ---------------------------------------------------------------- history

    @Override
    public RunDetails getLastRunForJob(JobId jobId) {
        return lastRun(jobId, false);
    }

    @Override
    public RunDetails getLastSuccessfulRunForJob(JobId jobId) {
        return lastRun(jobId, true);
    }

    @Override
    public Map<JobId, RunDetails> getLastRunForJobs(List<JobId> jobIds) {
        Map<JobId, RunDetails> result = new LinkedHashMap<>();
        for (JobId jobId : jobIds) {
            RunDetails details = lastRun(jobId, false);
            if (details != null) {
                result.put(jobId, details);
            }
        }
        return result;
    }

    private DevRunDetails lastRun(JobId jobId, boolean successfulOnly) {
        String sql = "SELECT STARTED, FINISHED, OUTCOME, MESSAGE, NODE_ID FROM " + HostTables.JOB_RUN
                + " WHERE JOB_ID = ? AND FINISHED IS NOT NULL" + (successfulOnly ? " AND OUTCOME = 'SUCCESS'" : "")
                + " ORDER BY STARTED DESC, FINISHED DESC";
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            select.setMaxRows(1);
            select.setString(1, jobId.toString());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                long started = row.getLong(1);
                return new DevRunDetails(new Date(started), row.getLong(2) - started, RunOutcome.valueOf(row.getString(3)),
                        row.getString(4), row.getString(5));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the run history of job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** @return how many runs of the job the history holds, on all nodes (for tests and the admin page) */
    public int countRuns(JobId jobId) {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM " + HostTables.JOB_RUN + " WHERE JOB_ID = ?")) {
            select.setString(1, jobId.toString());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private long insertRunRecord(JobId jobId, long fireTime, Instant start) {
        // Ad hoc runs are keyed by their start; two in the same millisecond on one node get distinct keys.
        for (long key = fireTime; ; key++) {
            try (Connection connection = database.getConnection();
                 PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HostTables.JOB_RUN
                         + " (JOB_ID, FIRE_TIME, NODE_ID, STARTED) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, jobId.toString());
                insert.setLong(2, key);
                insert.setString(3, nodeId);
                insert.setLong(4, start.toEpochMilli());
                insert.executeUpdate();
                return key;
            } catch (SQLException e) {
                if (!HostTables.isDuplicateKey(e) || key - fireTime > 1000) {
                    throw new IllegalStateException("Cannot record a run of job " + jobId + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private void finishRunRecord(JobId jobId, long fireTime, long duration, RunOutcome outcome, String message) {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + HostTables.JOB_RUN
                     + " SET FINISHED = STARTED + ?, OUTCOME = ?, MESSAGE = ? WHERE JOB_ID = ? AND FIRE_TIME = ? AND NODE_ID = ?")) {
            update.setLong(1, duration);
            update.setString(2, outcome.name());
            update.setString(3, message);
            update.setString(4, jobId.toString());
            update.setLong(5, fireTime);
            update.setString(6, nodeId);
            update.executeUpdate();
        } catch (SQLException e) {
            log.error("Cannot record the outcome of job {}: {}", jobId, e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- cluster job rows

    private void upsertClusterJob(JobId jobId, JobConfig config, String parameters, Instant nextRun) throws SchedulerServiceException {
        Schedule schedule = config.getSchedule();
        boolean cron = schedule.getType() == Schedule.Type.CRON_EXPRESSION;
        try (Connection connection = database.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement update = connection.prepareStatement("UPDATE " + HostTables.CLUSTERED_JOB
                        + " SET RUNNER_KEY = ?, SCHEDULE_TYPE = ?, CRON_EXPRESSION = ?, TIME_ZONE = ?, FIRST_RUN = ?,"
                        + " INTERVAL_MILLIS = ?, PARAMETERS = ?, NEXT_RUN = ?, VERSION = VERSION + 1 WHERE JOB_ID = ?")) {
                    bindJob(update, config, cron, parameters, nextRun);
                    update.setString(9, jobId.toString());
                    if (update.executeUpdate() > 0) {
                        return;
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + HostTables.CLUSTERED_JOB
                        + " (RUNNER_KEY, SCHEDULE_TYPE, CRON_EXPRESSION, TIME_ZONE, FIRST_RUN, INTERVAL_MILLIS, PARAMETERS,"
                        + " NEXT_RUN, JOB_ID, VERSION) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                    bindJob(insert, config, cron, parameters, nextRun);
                    insert.setString(9, jobId.toString());
                    insert.executeUpdate();
                    return;
                } catch (SQLException e) {
                    if (!HostTables.isDuplicateKey(e)) {
                        throw e;
                    }
                    // Another node inserted it meanwhile: update theirs.
                }
            }
            throw new SchedulerServiceException("Job " + jobId + " could not be stored: it keeps changing under us");
        } catch (SQLException e) {
            throw new SchedulerServiceException("Cannot store job " + jobId + ": " + e.getMessage(), e);
        }
    }

    private static void bindJob(PreparedStatement statement, JobConfig config, boolean cron, String parameters, Instant nextRun)
            throws SQLException {
        Schedule schedule = config.getSchedule();
        statement.setString(1, config.getJobRunnerKey().toString());
        statement.setString(2, cron ? "CRON" : "INTERVAL");
        statement.setString(3, cron ? schedule.getCronScheduleInfo().getCronExpression() : null);
        TimeZone zone = cron ? schedule.getCronScheduleInfo().getTimeZone() : null;
        statement.setString(4, zone == null ? null : zone.getID());
        Date first = cron ? null : schedule.getIntervalScheduleInfo().getFirstRunTime();
        setLong(statement, 5, first == null ? null : first.getTime());
        setLong(statement, 6, cron ? null : schedule.getIntervalScheduleInfo().getIntervalInMillis());
        statement.setString(7, parameters);
        setLong(statement, 8, nextRun == null ? null : nextRun.toEpochMilli());
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private boolean compareAndSetNextRun(ClusterJob job, Instant next) {
        try (Connection connection = database.getConnection();
             PreparedStatement update = connection.prepareStatement("UPDATE " + HostTables.CLUSTERED_JOB
                     + " SET NEXT_RUN = ?, VERSION = VERSION + 1 WHERE JOB_ID = ? AND VERSION = ?")) {
            setLong(update, 1, next == null ? null : next.toEpochMilli());
            update.setString(2, job.jobId.toString());
            update.setLong(3, job.version);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            log.error("Cannot claim a run of job {}: {}", job.jobId, e.getMessage(), e);
            return false;
        }
    }

    private void deleteClusterJob(JobId jobId) throws SchedulerServiceException {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + HostTables.CLUSTERED_JOB + " WHERE JOB_ID = ?")) {
            delete.setString(1, jobId.toString());
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new SchedulerServiceException("Cannot unschedule job " + jobId + ": " + e.getMessage(), e);
        }
    }

    /** A run-once job is gone after its run, unless it was rescheduled meanwhile (its version moved on). */
    private void deleteFinishedClusterJob(JobId jobId, long version) {
        try (Connection connection = database.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM " + HostTables.CLUSTERED_JOB
                     + " WHERE JOB_ID = ? AND VERSION = ? AND NEXT_RUN IS NULL")) {
            delete.setString(1, jobId.toString());
            delete.setLong(2, version);
            delete.executeUpdate();
        } catch (SQLException e) {
            log.warn("Cannot remove finished run-once job {}: {}", jobId, e.getMessage());
        }
    }

    private List<ClusterJob> dueClusterJobs(Instant now) {
        return queryClusterJobs(" WHERE NEXT_RUN IS NOT NULL AND NEXT_RUN <= ?", statement -> statement.setLong(1, now.toEpochMilli()));
    }

    private List<ClusterJob> clusterJobs(JobId jobId) {
        if (jobId == null) {
            return queryClusterJobs("", statement -> { });
        }
        return queryClusterJobs(" WHERE JOB_ID = ?", statement -> statement.setString(1, jobId.toString()));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private List<ClusterJob> queryClusterJobs(String where, Binder binder) {
        List<ClusterJob> jobs = new ArrayList<>();
        String sql = "SELECT JOB_ID, RUNNER_KEY, SCHEDULE_TYPE, CRON_EXPRESSION, TIME_ZONE, FIRST_RUN, INTERVAL_MILLIS,"
                + " PARAMETERS, NEXT_RUN, VERSION FROM " + HostTables.CLUSTERED_JOB + where + " ORDER BY JOB_ID";
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(sql)) {
            binder.bind(select);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    jobs.add(clusterJob(row));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read scheduled jobs: " + e.getMessage(), e);
        }
        return jobs;
    }

    private ClusterJob clusterJob(ResultSet row) throws SQLException {
        JobId jobId = JobId.of(row.getString(1));
        JobRunnerKey runnerKey = JobRunnerKey.of(row.getString(2));
        Schedule schedule;
        if ("CRON".equals(row.getString(3))) {
            String zone = row.getString(5);
            schedule = Schedule.forCronExpression(row.getString(4), zone == null ? null : TimeZone.getTimeZone(zone));
        } else {
            long first = row.getLong(6);
            Date firstRun = row.wasNull() ? null : new Date(first);
            schedule = Schedule.forInterval(row.getLong(7), firstRun);
        }
        Map<String, Serializable> parameters = Map.of();
        String problem = null;
        try {
            parameters = deserialize(row.getString(8), runners.get(runnerKey));
        } catch (IOException | ClassNotFoundException e) {
            problem = e.toString();
        }
        long next = row.getLong(9);
        Instant nextRun = row.wasNull() ? null : Instant.ofEpochMilli(next);
        JobConfig config = JobConfig.forJobRunnerKey(runnerKey).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(schedule).withParameters(parameters);
        return new ClusterJob(jobId, config, problem, nextRun, row.getLong(10));
    }

    // ---------------------------------------------------------------- parameters

    private static String serialize(Map<String, Serializable> parameters) throws SchedulerServiceException {
        if (parameters == null || parameters.isEmpty()) {
            return null;
        }
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new HashMap<>(parameters));
            out.flush();
            return Base64.getEncoder().encodeToString(bytes.toByteArray());
        } catch (IOException e) {
            throw new SchedulerServiceException("Job parameters are not serializable: " + e.getMessage(), e);
        }
    }

    /** Reads parameters with the runner's class loader, as atlassian-scheduler does, so plugin classes resolve. */
    @SuppressWarnings("unchecked")
    private static Map<String, Serializable> deserialize(String text, JobRunner runner) throws IOException, ClassNotFoundException {
        if (text == null) {
            return Map.of();
        }
        ClassLoader loader = runner != null ? runner.getClass().getClassLoader() : DevSchedulerService.class.getClassLoader();
        try (InputStream in = new ByteArrayInputStream(Base64.getDecoder().decode(text));
             ObjectInputStream objects = new ObjectInputStream(in) {
                 @Override
                 protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
                     try {
                         return Class.forName(desc.getName(), false, loader);
                     } catch (ClassNotFoundException e) {
                         return super.resolveClass(desc);
                     }
                 }
             }) {
            return (Map<String, Serializable>) objects.readObject();
        }
    }

    private static <T> T requireNonNull(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        return value;
    }

    /** Stops the tick and asks running jobs to cancel; waits briefly for them to finish. */
    @Override
    public void close() {
        closed = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** This node's id, as recorded in the run history. */
    public String nodeId() {
        return nodeId;
    }
}
