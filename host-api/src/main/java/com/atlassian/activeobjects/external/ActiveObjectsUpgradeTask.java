package com.atlassian.activeobjects.external;

// Signature source: activeobjects-plugin 5.2.1 (decompiled Confluence 8.7.2), com/atlassian/activeobjects/external/ActiveObjectsUpgradeTask.java. Same use in a public plugin: kadzielawa/teamer-plugin-jira (upgrade/v11).
/**
 * Compile-only stand-in, declared in full because plugins implement it. The host runs a plugin's tasks in
 * ascending {@link #getModelVersion()} order, each only when the stored model version is older.
 */
public interface ActiveObjectsUpgradeTask {
    ModelVersion getModelVersion();

    void upgrade(ModelVersion currentVersion, ActiveObjects ao);
}
