package com.sqltables.devhost.testing;

import com.atlassian.confluence.macro.Macro;
import com.sqltables.devhost.spi.HostConventions;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.ScheduledJobs;
import com.sqltables.devhost.spi.ServletModule;
import com.sqltables.devhost.spi.WebItemModule;
import com.sqltables.devhost.spi.WebResourceModule;
import com.sqltables.devhost.spi.WebSectionModule;

import javax.servlet.http.HttpServlet;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A hand-made plugin system for tests of the web host: macros, servlets, web items and sections, web resources
 * and scheduled jobs as the real loader would report them from a descriptor.
 */
public final class FakePluginSystem implements PluginSystem {
    public final Map<String, Macro> macros = new LinkedHashMap<>();
    public final List<ServletModule> servlets = new ArrayList<>();
    public final List<WebSectionModule> sections = new ArrayList<>();
    public final List<WebItemModule> items = new ArrayList<>();
    public final List<WebResourceModule> resources = new ArrayList<>();
    public final Map<String, String> resourceFiles = new LinkedHashMap<>();
    public final FakeJobs jobs = new FakeJobs();

    public FakePluginSystem macro(String name, Macro macro) {
        macros.put(name, macro);
        return this;
    }

    public FakePluginSystem servlet(String key, HttpServlet servlet, String... patterns) {
        servlets.add(new ServletModule(key, List.of(patterns), servlet));
        return this;
    }

    public FakePluginSystem resource(String completeKey, List<String> contexts, List<String> dependencies,
                                     Map<String, String> files) {
        resources.add(new WebResourceModule(completeKey, contexts, List.copyOf(files.keySet()), dependencies));
        files.forEach((name, content) -> resourceFiles.put(completeKey + "/" + name, content));
        return this;
    }

    /** Marks a web resource as required while rendering the current request, as PageBuilderService does. */
    @SuppressWarnings("unchecked")
    public static void require(javax.servlet.http.HttpServletRequest request, String completeKey) {
        Set<String> required = (Set<String>) request.getAttribute(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE);
        if (required == null) {
            required = new LinkedHashSet<>();
            request.setAttribute(HostConventions.REQUIRED_RESOURCES_REQUEST_ATTRIBUTE, required);
        }
        required.add(completeKey);
    }

    @Override public String pluginKey() {
        return "com.example.fake";
    }

    @Override public String pluginName() {
        return "Fake plugin";
    }

    @Override public String pluginVersion() {
        return "1.2.3";
    }

    @Override public Optional<Macro> macro(String name) {
        return Optional.ofNullable(macros.get(name));
    }

    @Override public List<String> macroNames() {
        return List.copyOf(macros.keySet());
    }

    @Override public List<ServletModule> servlets() {
        return servlets;
    }

    @Override public List<WebSectionModule> webSections() {
        return sections;
    }

    @Override public List<WebItemModule> webItems(String section) {
        return items.stream().filter(i -> i.section().equals(section)).collect(Collectors.toList());
    }

    @Override public List<WebResourceModule> webResources() {
        return resources;
    }

    @Override public Optional<InputStream> openResource(String webResourceKey, String resourceName) {
        String content = resourceFiles.get(webResourceKey + "/" + resourceName);
        return content == null ? Optional.empty()
                : Optional.of(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }

    @Override public ScheduledJobs scheduledJobs() {
        return jobs;
    }

    @Override public void close() {
    }

    /** Jobs kept in memory; "run now" answers a fixed message. */
    public static final class FakeJobs implements ScheduledJobs {
        private final Map<String, Boolean> disabled = new LinkedHashMap<>();
        public final List<String> runs = new ArrayList<>();

        public FakeJobs() {
            disabled.put("com.example.fake:usage-report", false);
        }

        @Override public List<JobView> list() {
            return disabled.entrySet().stream().map(e -> new JobView(e.getKey(), "Usage report", "0 0 3 1 * ?",
                    e.getValue(), Instant.parse("2030-01-01T03:00:00Z"), null, null, true, true))
                    .collect(Collectors.toList());
        }

        @Override public synchronized void setDisabled(String jobKey, boolean value) {
            disabled.put(jobKey, value);
        }

        @Override public synchronized String runNow(String jobKey) {
            runs.add(jobKey);
            return "report sent";
        }
    }
}
