package com.sqltables.devhost.plugins;

import com.sqltables.devhost.plugins.testing.SampleFixtures;
import com.sqltables.devhost.plugins.testing.TestEnvironment;
import com.sqltables.devhost.services.scheduler.DevRunDetails;
import com.sqltables.devhost.services.scheduler.DevSchedulerService;
import com.sqltables.devhost.spi.ScheduledJobs;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** The plugin's managed job-config job on two dev-host nodes that share one database. */
public class JobConfigClusterTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final SettableClock clock = new SettableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private LoadedPlugin node1;
    private LoadedPlugin node2;

    /** Time moves only when the test says so. */
    private static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Before
    public void startTwoNodes() throws Exception {
        Path jar = SampleFixtures.goodPlugin().build(temp.getRoot().toPath().resolve("jars"));
        String url = TestEnvironment.newH2MemoryUrl();
        node1 = (LoadedPlugin) PluginLoader.load(jar, new TestEnvironment(temp.newFolder("node1").toPath(), "node-1",
                TestEnvironment.h2(url), url), clock, false);
        node2 = (LoadedPlugin) PluginLoader.load(jar, new TestEnvironment(temp.newFolder("node2").toPath(), "node-2",
                TestEnvironment.h2(url), url), clock, false);
    }

    @After
    public void stopNodes() {
        node1.close();
        node2.close();
    }

    private int tickBoth() throws Exception {
        List<CompletableFuture<DevRunDetails>> runs = new ArrayList<>();
        for (LoadedPlugin node : List.of(node1, node2)) {
            runs.addAll(node.services().scheduler().runDueJobs(clock.instant()));
        }
        for (CompletableFuture<DevRunDetails> run : runs) {
            run.get(30, TimeUnit.SECONDS);
        }
        return runs.size();
    }

    private Instant nextRun() {
        return node1.scheduledJobs().list().get(0).nextRun().orElseThrow();
    }

    @Test
    public void perClusterJob_runsOnceAtItsCronTimeAcrossBothNodes() throws Exception {
        DevSchedulerService scheduler = node2.services().scheduler();
        clock.now = nextRun();

        assertEquals(1, tickBoth());
        assertEquals(0, tickBoth());
        ScheduledJobs.JobView view = node2.scheduledJobs().list().get(0);
        assertEquals("SUCCESS: run 1", view.lastResult().orElseThrow());
        assertTrue(view.nextRun().orElseThrow().isAfter(clock.instant()));
        assertEquals(1, scheduler.countRuns(com.atlassian.scheduler.config.JobId.of("sampleJobConfig")));
    }

    @Test
    public void disabledOnOneNode_runsOnNoNode() throws Exception {
        node1.scheduledJobs().setDisabled("sampleJobConfig", true);
        clock.now = Instant.parse("2025-06-05T12:00:00Z");

        assertEquals(0, tickBoth());
        assertTrue(node2.scheduledJobs().list().get(0).disabled());
    }

    @Test
    public void unknownJob_isRefusedByTheScheduledJobsPage() {
        try {
            node1.scheduledJobs().runNow("noSuchJob");
            fail("There is no such managed job");
        } catch (IllegalArgumentException expected) {
            assertEquals("No managed job with key noSuchJob", expected.getMessage());
        }
    }
}
