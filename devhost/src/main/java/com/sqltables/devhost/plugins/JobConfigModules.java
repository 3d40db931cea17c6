package com.sqltables.devhost.plugins;

import com.atlassian.scheduler.JobRunner;
import com.atlassian.scheduler.SchedulerServiceException;
import com.atlassian.scheduler.config.JobConfig;
import com.atlassian.scheduler.config.JobId;
import com.atlassian.scheduler.config.JobRunnerKey;
import com.atlassian.scheduler.config.RunMode;
import com.atlassian.scheduler.config.Schedule;
import com.atlassian.scheduler.status.JobDetails;
import com.atlassian.scheduler.status.RunDetails;
import com.sqltables.devhost.services.scheduler.DevRunDetails;
import com.sqltables.devhost.services.scheduler.DevSchedulerService;
import com.sqltables.devhost.spi.ScheduledJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The plugin's {@code job-config} modules, registered as Confluence's job-config module descriptor does: the job
 * ID is the module key, the runner key {@code <pluginKey>:<job key>}, the runner the plugin's bean named by
 * {@code <job key>}; and the Scheduled Jobs page's view of the managed ones.
 */
final class JobConfigModules implements ScheduledJobs {
    private static final Logger log = LoggerFactory.getLogger(JobConfigModules.class);

    private final String pluginKey;
    private final List<PluginDescriptor.JobConfig> modules;
    private final DevSchedulerService scheduler;
    private final List<JobRunnerKey> registered = new ArrayList<>();

    JobConfigModules(String pluginKey, List<PluginDescriptor.JobConfig> modules, DevSchedulerService scheduler) {
        this.pluginKey = pluginKey;
        this.modules = List.copyOf(modules);
        this.scheduler = scheduler;
    }

    /** Registers the runners and schedules the jobs; the plugin has just been enabled. */
    void enable(ComponentContainer container) throws PluginLoadException {
        for (PluginDescriptor.JobConfig module : modules) {
            Optional<Object> bean = container.bean(module.jobKey());
            if (bean.isEmpty()) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": <job-config key=\"" + module.key() + "\"> names job key '"
                        + module.jobKey() + "', but no bean of the Spring Scanner index has that name (Confluence would only log"
                        + " an error and never run the job): name the component @Named(\"" + module.jobKey() + "\")");
            }
            if (!(bean.get() instanceof JobRunner)) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": <job-config key=\"" + module.key() + "\"> names bean '"
                        + module.jobKey() + "', a " + bean.get().getClass().getName() + ", which does not implement "
                        + JobRunner.class.getName());
            }
            JobRunnerKey runnerKey = JobRunnerKey.of(pluginKey + ":" + module.jobKey());
            JobId jobId = JobId.of(module.key());
            JobDetails existing = scheduler.getJobDetails(jobId);
            if (existing != null && !existing.getJobRunnerKey().equals(runnerKey)) {
                log.error("Job with ID {} already exists, cannot override it. Consider using a different module key.", jobId);
                continue;
            }
            scheduler.registerJobRunner(runnerKey, (JobRunner) bean.get());
            registered.add(runnerKey);
            if (module.repeatCount() >= 0) {
                log.info("job-config {}: repeat-count is not emulated; the job repeats until unscheduled", module.key());
            }
            Schedule schedule = module.cronExpression() != null
                    ? Schedule.forCronExpression(module.cronExpression(), TimeZone.getDefault())
                    : Schedule.forInterval(module.repeatInterval(), null);
            JobConfig config = JobConfig.forJobRunnerKey(runnerKey)
                    .withRunMode(module.perClusterJob() ? RunMode.RUN_ONCE_PER_CLUSTER : RunMode.RUN_LOCALLY)
                    .withSchedule(schedule);
            if (module.managed()) {
                scheduler.initDisabled(jobId, module.disabledByDefault());
            }
            try {
                scheduler.scheduleJob(jobId, config, module.jitterSecs());
            } catch (SchedulerServiceException e) {
                throw new PluginLoadException(PluginDescriptor.FILE + ": <job-config key=\"" + module.key() + "\"> cannot be scheduled: "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * The plugin stops on this node: its runners go, the cluster's schedule stays (another node may run it).
     */
    void disable() {
        registered.forEach(scheduler::unregisterJobRunner);
        registered.clear();
    }

    @Override
    public List<JobView> list() {
        List<JobView> views = new ArrayList<>();
        for (PluginDescriptor.JobConfig module : modules) {
            if (!module.managed()) {
                continue;
            }
            JobId jobId = JobId.of(module.key());
            JobDetails details = scheduler.getJobDetails(jobId);
            RunDetails last = scheduler.getLastRunForJob(jobId);
            String schedule = module.cronExpression() != null ? module.cronExpression() : "every " + module.repeatInterval() + " ms";
            views.add(new JobView(module.key(), module.name().isEmpty() ? module.key() : module.name(), schedule,
                    scheduler.isDisabled(jobId),
                    details == null || details.getNextRunTime() == null ? null : details.getNextRunTime().toInstant(),
                    last == null ? null : last.getStartTime().toInstant(),
                    last == null ? null : describe(last),
                    module.canDisable(), module.canRunAdhoc()));
        }
        return views;
    }

    @Override
    public void setDisabled(String jobKey, boolean disabled) {
        PluginDescriptor.JobConfig module = managed(jobKey);
        if (disabled && !module.canDisable()) {
            throw new IllegalStateException("Job " + jobKey + " cannot be disabled (its <managed canDisable> is false)");
        }
        scheduler.setDisabled(JobId.of(jobKey), disabled);
    }

    @Override
    public String runNow(String jobKey) {
        PluginDescriptor.JobConfig module = managed(jobKey);
        if (!module.canRunAdhoc()) {
            throw new IllegalStateException("Job " + jobKey + " cannot be run ad hoc (its <managed canRunAdhoc> is false)");
        }
        Optional<CompletableFuture<DevRunDetails>> run = scheduler.runNow(JobId.of(jobKey));
        if (run.isEmpty()) {
            return scheduler.isRunning(JobId.of(jobKey)) ? "Job " + jobKey + " is already running on this node" : "Job " + jobKey + " is not scheduled";
        }
        try {
            return describe(run.get().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Interrupted while job " + jobKey + " was running";
        } catch (ExecutionException e) {
            return "FAILED: " + e.getCause();
        }
    }

    private PluginDescriptor.JobConfig managed(String jobKey) {
        for (PluginDescriptor.JobConfig module : modules) {
            if (module.key().equals(jobKey) && module.managed()) {
                return module;
            }
        }
        throw new IllegalArgumentException("No managed job with key " + jobKey);
    }

    private static String describe(RunDetails run) {
        return run.getRunOutcome() + (run.getMessage() == null || run.getMessage().isEmpty() ? "" : ": " + run.getMessage());
    }
}
