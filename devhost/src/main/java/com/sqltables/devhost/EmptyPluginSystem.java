package com.sqltables.devhost;

import com.atlassian.confluence.macro.Macro;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.ScheduledJobs;
import com.sqltables.devhost.spi.ServletModule;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebResourceModule;
import com.sqltables.devhost.spi.WebSectionModule;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/** No plugin at all ({@code --no-plugin}): for working on the host itself. */
final class EmptyPluginSystem implements PluginSystem {
    private static final ScheduledJobs NO_JOBS = new ScheduledJobs() {
        @Override public List<JobView> list() {
            return List.of();
        }

        @Override public void setDisabled(String jobKey, boolean disabled) {
            throw new IllegalArgumentException("No scheduled job " + jobKey + ": no plugin is loaded");
        }

        @Override public String runNow(String jobKey) {
            throw new IllegalArgumentException("No scheduled job " + jobKey + ": no plugin is loaded");
        }
    };

    @Override public String pluginKey() {
        return "none";
    }

    @Override public String pluginName() {
        return "No plugin (--no-plugin)";
    }

    @Override public String pluginVersion() {
        return "";
    }

    @Override public Optional<Macro> macro(String name) {
        return Optional.empty();
    }

    @Override public List<String> macroNames() {
        return List.of();
    }

    @Override public List<ServletModule> servlets() {
        return List.of();
    }

    @Override public List<WebSectionModule> webSections() {
        return List.of();
    }

    @Override public List<WebItemModule> webItems(String section) {
        return List.of();
    }

    @Override public List<WebResourceModule> webResources() {
        return List.of();
    }

    @Override public Optional<InputStream> openResource(String webResourceKey, String resourceName) {
        return Optional.empty();
    }

    @Override public ScheduledJobs scheduledJobs() {
        return NO_JOBS;
    }

    @Override public void close() {
    }
}
