package com.atlassian.activeobjects.external;

// Signature source: activeobjects-plugin 5.2.1 (decompiled Confluence 8.7.2), com/atlassian/activeobjects/external/ModelVersion.java. Same use in a public plugin: kadzielawa/teamer-plugin-jira (upgrade/v11).
/**
 * Compile-only stand-in for the version of a plugin's AO data model. Behaves like the real class: an
 * integer, {@code valueOf(null)} is version 0, ordering by number. Like the real class it does not
 * override {@code equals}/{@code hashCode}: compare with {@link #isSame(ModelVersion)}.
 */
public final class ModelVersion implements Comparable<ModelVersion> {
    private final int version;

    private ModelVersion(int version) {
        this.version = version;
    }

    public static ModelVersion valueOf(String version) {
        return version == null ? new ModelVersion(0) : new ModelVersion(Integer.parseInt(version));
    }

    @Override
    public int compareTo(ModelVersion other) {
        return Integer.compare(version, other.version);
    }

    public boolean isOlderThan(ModelVersion other) {
        return compareTo(other) < 0;
    }

    public boolean isNewerThan(ModelVersion other) {
        return compareTo(other) > 0;
    }

    public boolean isSame(ModelVersion other) {
        return compareTo(other) == 0;
    }

    @Override
    public String toString() {
        return String.valueOf(version);
    }
}
