package com.atlassian.scheduler;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/JobRunner.java and public job runners (Mail2Blog, JTricks job, Jira SharedHomeFileWriterJobRunner).
/**
 * Compile-only stand-in for the code a scheduled job runs. Declared in full: the plugin implements it.
 */
public interface JobRunner {

    /**
     * Runs the job once.
     *
     * @param request what is being run and when
     * @return the outcome; {@code null} counts as success
     */
    JobRunnerResponse runJob(JobRunnerRequest request);
}
