package com.atlassian.scheduler.config;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/RunMode.java and public plugins using RUN_ONCE_PER_CLUSTER and RUN_LOCALLY.
/** Compile-only stand-in: whether a job runs on one node per firing or on every node. */
public enum RunMode {
    RUN_ONCE_PER_CLUSTER,
    RUN_LOCALLY
}
