package com.atlassian.scheduler.config;

import java.io.Serializable;
import java.util.Objects;

// Signature confirmed against Decompiled-Files atlassian-scheduler-api-4.1.0 com/atlassian/scheduler/config/JobId.java and public plugins calling JobId.of(String).
/**
 * Compile-only stand-in for a job's identifier: an immutable, comparable string wrapper whose
 * {@code toString()} is the id itself, like the real one.
 */
public final class JobId implements Serializable, Comparable<JobId> {

    private static final long serialVersionUID = 1L;

    private final String id;

    private JobId(String id) {
        this.id = Objects.requireNonNull(id, "id");
    }

    public static JobId of(String id) {
        return new JobId(id);
    }

    @Override
    public int compareTo(JobId other) {
        return id.compareTo(other.id);
    }

    @Override
    public boolean equals(Object other) {
        return this == other
                || other != null && other.getClass() == getClass() && ((JobId) other).id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return id;
    }
}
