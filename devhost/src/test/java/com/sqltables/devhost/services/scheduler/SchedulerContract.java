package com.sqltables.devhost.services.scheduler;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.JobRunnerResponse;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.JobDetails;
import com.atlassian.scheduler.status.RunDetails;
import com.atlassian.scheduler.status.RunOutcome;
import com.sqltables.devhost.services.FailedStatements;
import com.sqltables.devhost.services.HostTables;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

import javax.sql.DataSource;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/**
 * What the dev host's scheduler promises, run against each database the dev host supports: two scheduler
 * instances on one database act as two nodes of a cluster.
 */
public abstract class SchedulerContract {
    static final Instant START = Instant.parse("2025-03-01T10:00:30Z");
    static final JobRunnerKey RUNNER = JobRunnerKey.of("com.example.sample:job");
    static final String EVERY_MINUTE = "0 * * * * ?";

    private final MutableClock clock = new MutableClock(START);
    private DevSchedulerService node1;
    private DevSchedulerService node2;
    private final List<String> runsByNode = java.util.Collections.synchronizedList(new ArrayList<>());
    private DataSource database;

    /** A fresh, empty database shared by both nodes. */
    protected abstract DataSource database() throws Exception;

    @Before
    public void startNodes() throws Exception {
        database = database();
        HostTables.ensure(database);
        node1 = new DevSchedulerService(database, "node-1", clock, false);
        node2 = new DevSchedulerService(database, "node-2", clock, false);
    }

    @After
    public void stopNodes() {
        node1.close();
        node2.close();
    }

    private JobRunner countingRunner(String node) {
        return request -> {
            runsByNode.add(node + "@" + request.getStartTime().toInstant());
            return JobRunnerResponse.success("ran on " + node);
        };
    }

    private static JobConfig cron(String expression, RunMode mode) {
        return JobConfig.forJobRunnerKey(RUNNER).withRunMode(mode)
                .withSchedule(Schedule.forCronExpression(expression, TimeZone.getTimeZone("UTC")));
    }

    /** Both nodes tick at the same moment, from two threads, as two JVMs would. */
    private List<DevRunDetails> tickBothNodes(Instant now) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<CompletableFuture<DevRunDetails>>>> ticks = new ArrayList<>();
            for (DevSchedulerService node : List.of(node1, node2)) {
                ticks.add(threads.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return node.runDueJobs(now);
                }));
            }
            List<DevRunDetails> runs = new ArrayList<>();
            for (Future<List<CompletableFuture<DevRunDetails>>> tick : ticks) {
                for (CompletableFuture<DevRunDetails> run : tick.get(30, TimeUnit.SECONDS)) {
                    runs.add(run.get(30, TimeUnit.SECONDS));
                }
            }
            return runs;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    public void clusterCronJob_onTwoNodes_runsOncePerFiring() throws Exception {
        JobId jobId = JobId.of("cluster-job");
        node1.registerJobRunner(RUNNER, countingRunner("node-1"));
        node2.registerJobRunner(RUNNER, countingRunner("node-2"));
        node1.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));
        node2.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));

        assertTrue("not due yet", tickBothNodes(START).isEmpty());
        int total = 0;
        for (int minute = 1; minute <= 6; minute++) {
            Instant firing = Instant.parse("2025-03-01T10:00:00Z").plus(Duration.ofMinutes(minute));
            clock.set(firing.plusMillis(200));
            total += tickBothNodes(firing.plusMillis(200)).size();
            assertTrue("a repeated tick in the same minute runs nothing", tickBothNodes(firing.plusMillis(700)).isEmpty());
        }

        assertEquals(6, total);
        assertEquals(6, runsByNode.size());
        assertEquals(6, node1.countRuns(jobId));
        assertEquals(Date.from(Instant.parse("2025-03-01T10:07:00Z")), node2.getJobDetails(jobId).getNextRunTime());
    }

    @Test
    public void localJob_runsOnEveryNode() throws Exception {
        JobId jobId = JobId.of("local-job");
        for (DevSchedulerService node : List.of(node1, node2)) {
            node.registerJobRunner(RUNNER, countingRunner(node.nodeId()));
            node.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_LOCALLY));
        }

        clock.set(Instant.parse("2025-03-01T10:01:00Z"));
        List<DevRunDetails> runs = tickBothNodes(clock.instant());

        assertEquals(2, runs.size());
        assertEquals(Set.of("node-1", "node-2"), Set.of(runs.get(0).nodeId(), runs.get(1).nodeId()));
    }

    @Test
    public void nodeWithoutRunner_leavesTheClusterJobToANodeThatHasIt() throws Exception {
        JobId jobId = JobId.of("one-runner");
        node1.registerJobRunner(RUNNER, countingRunner("node-1"));
        node2.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));
        clock.set(Instant.parse("2025-03-01T10:01:00Z"));

        assertTrue(node2.runDueJobs(clock.instant()).isEmpty());
        List<DevRunDetails> runs = tickBothNodes(clock.instant());

        assertEquals(1, runs.size());
        assertEquals("node-1", runs.get(0).nodeId());
        assertTrue(node1.getJobDetails(jobId).isRunnable());
        assertFalse(node2.getJobDetails(jobId).isRunnable());
    }

    @Test
    public void disabledJob_doesNotRun_andEnablingRestartsItsScheduleFromNow() throws Exception {
        JobId jobId = JobId.of("disabled-job");
        node1.registerJobRunner(RUNNER, countingRunner("node-1"));
        node1.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));
        node1.setDisabled(jobId, true);

        clock.set(Instant.parse("2025-03-01T10:05:00Z"));
        assertTrue(tickBothNodes(clock.instant()).isEmpty());
        assertTrue(node2.isDisabled(jobId));

        clock.set(Instant.parse("2025-03-01T10:05:30Z"));
        node2.setDisabled(jobId, false);
        assertTrue("skipped runs are not caught up", tickBothNodes(clock.instant()).isEmpty());
        assertEquals(Date.from(Instant.parse("2025-03-01T10:06:00Z")), node1.getJobDetails(jobId).getNextRunTime());
        clock.set(Instant.parse("2025-03-01T10:06:00Z"));
        assertEquals(1, tickBothNodes(clock.instant()).size());
    }

    @Test
    public void managedJobState_onEachNodesStart_keepsTheFirstRowAndRaisesNoDuplicateKey() throws Exception {
        JobId jobId = JobId.of("managed-job");
        FailedStatements recorder = new FailedStatements(database);
        try (DevSchedulerService restarted = new DevSchedulerService(recorder.dataSource(), "node-3", clock, false)) {
            node1.initDisabled(jobId, false);
            node2.setDisabled(jobId, true);

            // A node starting later (or restarting) initialises every managed job's state again.
            restarted.initDisabled(jobId, false);

            assertTrue("the admin's decision stays", restarted.isDisabled(jobId));
            assertEquals("statements the database refused", List.of(), recorder.failures());
        }
    }

    @Test
    public void failingJob_isRecordedAsFailedWithItsException() throws Exception {
        JobId jobId = JobId.of("failing-job");
        node1.registerJobRunner(RUNNER, request -> {
            throw new IllegalStateException("database unreachable");
        });
        node1.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));
        clock.set(Instant.parse("2025-03-01T10:01:00Z"));

        List<DevRunDetails> runs = tickBothNodes(clock.instant());
        RunDetails last = node2.getLastRunForJob(jobId);

        assertEquals(RunOutcome.FAILED, runs.get(0).getRunOutcome());
        assertEquals(RunOutcome.FAILED, last.getRunOutcome());
        assertThat(last.getMessage(), containsString("IllegalStateException: database unreachable"));
        assertNull(node2.getLastSuccessfulRunForJob(jobId));
    }

    @Test
    public void job_neverRunsConcurrentlyWithItselfOnOneNode() throws Exception {
        JobId jobId = JobId.of("slow-job");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        node1.registerJobRunner(RUNNER, request -> {
            maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
            started.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            concurrent.decrementAndGet();
            return JobRunnerResponse.success();
        });
        node1.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_LOCALLY));

        Optional<CompletableFuture<DevRunDetails>> first = node1.runNow(jobId);
        assertTrue(started.await(30, TimeUnit.SECONDS));
        Optional<CompletableFuture<DevRunDetails>> second = node1.runNow(jobId);
        clock.set(Instant.parse("2025-03-01T10:01:00Z"));
        List<CompletableFuture<DevRunDetails>> ticked = node1.runDueJobs(clock.instant());
        release.countDown();

        assertTrue(first.isPresent());
        assertFalse(second.isPresent());
        assertTrue(ticked.isEmpty());
        assertEquals(RunOutcome.SUCCESS, first.get().get(30, TimeUnit.SECONDS).getRunOutcome());
        assertEquals(1, maxConcurrent.get());
    }

    @Test
    public void missedFirings_runOnceAndTheScheduleContinuesFromNow() throws Exception {
        JobId jobId = JobId.of("missed-job");
        node1.registerJobRunner(RUNNER, countingRunner("node-1"));
        node1.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));

        clock.set(Instant.parse("2025-03-01T10:30:10Z"));
        assertEquals(1, tickBothNodes(clock.instant()).size());
        assertEquals(Date.from(Instant.parse("2025-03-01T10:31:00Z")), node1.getJobDetails(jobId).getNextRunTime());
    }

    @Test
    public void runOnceJob_runsOnceWithItsParametersAndIsThenGone() throws Exception {
        JobId jobId = JobId.of("once");
        List<Map<String, Serializable>> seen = new ArrayList<>();
        node2.registerJobRunner(RUNNER, request -> {
            seen.add(request.getJobConfig().getParameters());
            return JobRunnerResponse.success();
        });
        node1.scheduleJob(jobId, JobConfig.forJobRunnerKey(RUNNER).withRunMode(RunMode.RUN_ONCE_PER_CLUSTER)
                .withSchedule(Schedule.runOnce(null)).withParameters(Map.of("datasource", "demo", "limit", 10)));

        assertEquals(1, tickBothNodes(clock.instant()).size());
        clock.advance(Duration.ofMinutes(5));
        assertTrue(tickBothNodes(clock.instant()).isEmpty());

        assertEquals(List.of(Map.of("datasource", "demo", "limit", 10)), seen);
        assertNull(node1.getJobDetails(jobId));
    }

    @Test
    public void intervalJob_repeatsAtItsInterval() throws Exception {
        JobId jobId = JobId.of("interval");
        node1.registerJobRunner(RUNNER, countingRunner("node-1"));
        node1.scheduleJob(jobId, JobConfig.forJobRunnerKey(RUNNER)
                .withSchedule(Schedule.forInterval(60_000, Date.from(START.plusSeconds(10)))));

        assertTrue(tickBothNodes(START).isEmpty());
        clock.set(START.plusSeconds(10));
        assertEquals(1, tickBothNodes(clock.instant()).size());
        clock.set(START.plusSeconds(69));
        assertTrue(tickBothNodes(clock.instant()).isEmpty());
        clock.set(START.plusSeconds(70));
        assertEquals(1, tickBothNodes(clock.instant()).size());
    }

    @Test
    public void unscheduleJob_stopsFurtherRuns() throws Exception {
        JobId jobId = JobId.of("gone");
        node1.registerJobRunner(RUNNER, countingRunner("node-1"));
        node1.scheduleJob(jobId, cron(EVERY_MINUTE, RunMode.RUN_ONCE_PER_CLUSTER));
        node2.unscheduleJob(jobId);
        clock.set(Instant.parse("2025-03-01T10:01:00Z"));

        assertTrue(tickBothNodes(clock.instant()).isEmpty());
        assertNull(node1.getJobDetails(jobId));
    }

    @Test
    public void jobDetails_describeTheScheduledJob() throws Exception {
        JobId jobId = JobId.of("details");
        node1.scheduleJob(jobId, cron("0 0 3 1 * ?", RunMode.RUN_ONCE_PER_CLUSTER));

        JobDetails details = node2.getJobDetails(jobId);

        assertNotNull(details);
        assertEquals(RUNNER, details.getJobRunnerKey());
        assertEquals(RunMode.RUN_ONCE_PER_CLUSTER, details.getRunMode());
        assertEquals("0 0 3 1 * ?", details.getSchedule().getCronScheduleInfo().getCronExpression());
        assertEquals(Date.from(Instant.parse("2025-04-01T03:00:00Z")), details.getNextRunTime());
        assertEquals(List.of(details.getJobId()), node2.getJobsByJobRunnerKey(RUNNER).stream().map(JobDetails::getJobId)
                .collect(java.util.stream.Collectors.toList()));
        assertEquals(Set.of(RUNNER), node1.getJobRunnerKeysForAllScheduledJobs());
    }

    @Test
    public void invalidCronExpression_isRefused() {
        try {
            node1.scheduleJob(JobId.of("bad"), cron("every tuesday", RunMode.RUN_ONCE_PER_CLUSTER));
            fail("Quartz cannot parse this");
        } catch (SchedulerServiceException e) {
            assertThat(e.getMessage(), containsString("every tuesday"));
        }
    }

    @Test
    public void calculateNextRunTime_followsTheCronExpression() throws Exception {
        assertEquals(Date.from(Instant.parse("2025-04-01T03:00:00Z")),
                node1.calculateNextRunTime(Schedule.forCronExpression("0 0 3 1 * ?", TimeZone.getTimeZone("UTC"))));
    }

    @Test
    public void manyConcurrentTicks_neverRunAFiringTwice() throws Exception {
        JobId jobId = JobId.of("raced");
        Set<Instant> fired = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        JobRunner runner = request -> {
            if (!fired.add(request.getStartTime().toInstant())) {
                duplicates.incrementAndGet();
            }
            return JobRunnerResponse.success();
        };
        node1.registerJobRunner(RUNNER, runner);
        node2.registerJobRunner(RUNNER, runner);
        node1.scheduleJob(jobId, cron("* * * * * ?", RunMode.RUN_ONCE_PER_CLUSTER));

        int runs = 0;
        for (int second = 1; second <= 20; second++) {
            clock.set(START.plusSeconds(second));
            runs += tickBothNodes(clock.instant()).size();
        }

        assertEquals(20, runs);
        assertEquals(0, duplicates.get());
    }
}
