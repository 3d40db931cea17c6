package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Objects;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/JobRunnerKey.java and public plugins calling JobRunnerKey.of(String).
/**
 * Compile-only stand-in for the key a {@code JobRunner} is registered under: an immutable,
 * comparable string wrapper whose {@code toString()} is the key itself, like the real one.
 */
public final class JobRunnerKey implements Serializable, Comparable<JobRunnerKey> {

    private static final long serialVersionUID = 1L;

    private final String key;

    private JobRunnerKey(String key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    public static JobRunnerKey of(String key) {
        return new JobRunnerKey(key);
    }

    @Override
    public int compareTo(JobRunnerKey other) {
        return key.compareTo(other.key);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other != null && other.getClass() == getClass() && ((JobRunnerKey) other).key.equals(key);
    }

    @Override
    public int hashCode() {
        return key.hashCode();
    }

    @Override
    public String toString() {
        return key;
    }
}
