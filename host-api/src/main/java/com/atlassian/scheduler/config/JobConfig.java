package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/JobConfig.java and public plugins chaining forJobRunnerKey(..).withRunMode(..).withSchedule(..).withParameters(..).
/**
 * Compile-only stand-in for how a job is to be run. Immutable; each {@code with...} returns a new
 * instance. Defaults as in the real class: {@link RunMode#RUN_ONCE_PER_CLUSTER}, run once as soon as
 * possible, no parameters; a {@code null} run mode or schedule falls back to those defaults, and
 * parameters are copied into an unmodifiable map.
 */
public final class JobConfig {

    private final JobRunnerKey jobRunnerKey;
    private final RunMode runMode;
    private final Schedule schedule;
    private final Map<String, Serializable> parameters;

    private JobConfig(JobRunnerKey jobRunnerKey, RunMode runMode, Schedule schedule,
            Map<String, Serializable> parameters) {
        this.jobRunnerKey = jobRunnerKey;
        this.runMode = runMode != null ? runMode : RunMode.RUN_ONCE_PER_CLUSTER;
        this.schedule = schedule != null ? schedule : Schedule.runOnce(null);
        this.parameters = parameters;
    }

    public static JobConfig forJobRunnerKey(JobRunnerKey jobRunnerKey) {
        Objects.requireNonNull(jobRunnerKey, "jobRunnerKey");
        return new JobConfig(jobRunnerKey, null, null, Collections.<String, Serializable>emptyMap());
    }

    public JobRunnerKey getJobRunnerKey() {
        return jobRunnerKey;
    }

    public RunMode getRunMode() {
        return runMode;
    }

    public Schedule getSchedule() {
        return schedule;
    }

    /** @return the job parameters; never {@code null}, not modifiable */
    public Map<String, Serializable> getParameters() {
        return parameters;
    }

    public JobConfig withRunMode(RunMode newRunMode) {
        return new JobConfig(jobRunnerKey, newRunMode, schedule, parameters);
    }

    public JobConfig withSchedule(Schedule newSchedule) {
        return new JobConfig(jobRunnerKey, runMode, newSchedule, parameters);
    }

    public JobConfig withParameters(Map<String, Serializable> newParameters) {
        Map<String, Serializable> copy = newParameters == null
                ? Collections.<String, Serializable>emptyMap()
                : Collections.unmodifiableMap(new HashMap<>(newParameters));
        return new JobConfig(jobRunnerKey, runMode, schedule, copy);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (other == null || getClass() != other.getClass()) {
            return false;
        }
        JobConfig that = (JobConfig) other;
        return jobRunnerKey.equals(that.jobRunnerKey)
                && runMode == that.runMode
                && schedule.equals(that.schedule)
                && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobRunnerKey, runMode, schedule, parameters);
    }

    @Override
    public String toString() {
        return "JobConfig[jobRunnerKey=" + jobRunnerKey + ",runMode=" + runMode + ",schedule=" + schedule
                + ",parameters=" + parameters + ']';
    }
}
