package com.sqltables.bench;

import com.sqltables.confluence.usage.event.MacroRender;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark command (README, "Benchmarks"): renders of the sql-table macro on H2, each figure printed
 * beside a baseline measured in the same run.
 *
 * <ol>
 *   <li>Render time of a 10,000 × 10 table, through the executor and renderer and through the whole
 *       macro, against the floor: plain JDBC plus the same escaping ({@link JdbcFloor}). Median of
 *       interleaved rounds, so drift and garbage collection hit every path alike.</li>
 *   <li>Bytes allocated per row by the rendering thread, at three table sizes, against the floor's.</li>
 *   <li>Time of a cache hit through the macro, against the same table rendered without the cache.</li>
 *   <li>Concurrent renders on a small pool, and a long run with failing and timing-out queries: renders
 *       that ended other than as designed, and connections still lent out afterwards.</li>
 *   <li>What a render pays for usage counting ({@link CounterOverheadBench}).</li>
 * </ol>
 * Timings are measured, never judged: only the correctness figures decide the exit code (1 if any fails).
 */
public final class RenderBench {
    private final BenchConfig config;
    private final PrintStream log;
    private final Report report = new Report();
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    RenderBench(BenchConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.fromArgs(args);
        long started = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Report report = new RenderBench(config, System.err).run();
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        System.out.println();
        report.print(System.out);
        // Other work on the machine inflates and scatters every timing: say how busy it was.
        System.out.printf(Locale.ROOT, "(run took %.0f s; JDK %s, %d cores, load average %.1f before, %.1f after)%n",
                (System.nanoTime() - started) / 1e9, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        System.exit(report.correctnessFailed() ? 1 : 0);
    }

    /** @return the figures; never throws for a failing render, only for a broken set-up */
    Report run() throws Exception {
        try (BenchDatabase database = new BenchDatabase(config.maxRows());
             BenchApp app = new BenchApp(database, config);
             Connection plain = database.connect()) {
            JdbcFloor floor = new JdbcFloor(plain);
            timed("render time", () -> renderTime(app, floor));
            timed("fixed cost", () -> fixedCost(app, floor));
            timed("allocation", () -> allocation(app, floor));
            timed("cache", () -> cached(app));
            timed("concurrency (cold pool)", () -> concurrent(app, "new pool"));
            timed("concurrency (warm pool)", () -> concurrent(app, "warm pool"));
            timed("long run", () -> longRun(app));
        }
        timed("usage counting", () -> CounterOverheadBench.sizedFor(config, log).run(report));
        return report;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void timed(String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        log.printf(Locale.ROOT, "  %s took %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    }

    // ---- 1. render time against the floor -------------------------------------------------------------

    private void renderTime(BenchApp app, JdbcFloor floor) throws Exception {
        int rows = config.renderRows;
        String sql = BenchDatabase.tableSql(rows);
        String query = BenchApp.TABLE_QUERY_PREFIX + rows;
        String largeQuery = BenchApp.LARGE_QUERY_PREFIX + rows;
        log.printf(Locale.ROOT, "render time: %d rows x 10 columns, %d warm-up renders and %d rounds per path%n",
                rows, config.warmupRenders, config.rounds);
        checkTable("floor", floor.render(sql), rows);
        checkTable("executor + renderer", app.renderDirect(rows), rows);
        checkMacro(app, query, 0, rows);
        checkMacro(app, largeQuery, 0, rows);
        for (int i = 0; i < config.warmupRenders; i++) {
            floor.render(sql);
            app.renderDirect(rows);
            app.renderMacro(query, 0);
            app.renderMacro(largeQuery, 0);
        }
        long[][] nanos = new long[4][config.rounds];
        long[][] cpuNanos = new long[4][config.rounds];
        for (int round = 0; round < config.rounds; round++) {
            for (int step = 0; step < 4; step++) {
                // Rotating order: no path always runs right after the one that left the most garbage.
                int path = (round + step) % 4;
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                if (path == 0) {
                    floor.render(sql);
                } else if (path == 1) {
                    app.renderDirect(rows);
                } else if (path == 2) {
                    app.renderMacro(query, 0);
                } else {
                    app.renderMacro(largeQuery, 0);
                }
                nanos[path][round] = System.nanoTime() - start;
                cpuNanos[path][round] = threads.getCurrentThreadCpuTime() - cpuStart;
            }
        }
        String size = String.format(Locale.ROOT, "%,d x 10", rows);
        renderRow("1. render " + size + ", executor + renderer (ms, median)", nanos[1], nanos[0], "<= 1.25x");
        renderRow("1. render " + size + ", whole macro, no cache (ms)", nanos[2], nanos[0], "<= 1.25x");
        renderRow(String.format(Locale.ROOT, "1. same, datasource row cap %,d (ms)", config.maxRows()), nanos[3],
                nanos[0], "(informative)");
        // The same rounds in CPU time of the rendering thread (H2 in memory runs in it): time the thread
        // waited for a core while other processes ran is left out, so on a busy machine this is the
        // steadier figure. Garbage collection on other threads is left out on both sides alike.
        renderRow("1. render " + size + ", executor + renderer (CPU ms)", cpuNanos[1], cpuNanos[0], "<= 1.25x");
        renderRow("1. render " + size + ", whole macro, no cache (CPU ms)", cpuNanos[2], cpuNanos[0], "<= 1.25x");
    }

    /**
     * Median and, in brackets, the fastest round: on a machine busy with other work, interference only
     * ever adds time, so the ratio of the fastest rounds is the better estimate of the code's own cost.
     */
    private void renderRow(String figure, long[] nanos, long[] floorNanos, String target) {
        double median = median(nanos) / 1e6;
        double floorMedian = median(floorNanos) / 1e6;
        double min = Arrays.stream(nanos).min().orElse(0) / 1e6;
        double floorMin = Arrays.stream(floorNanos).min().orElse(0) / 1e6;
        report.timing(figure, ms(median) + " (min " + ms(min) + ")",
                ms(floorMedian) + " floor (min " + ms(floorMin) + ")",
                ratio(median / floorMedian) + " (min " + ratio(min / floorMin) + ")", target);
    }

    /** What every render costs whatever its size: a one-row query, and the read-only check within it. */
    private void fixedCost(BenchApp app, JdbcFloor floor) throws Exception {
        String sql = BenchApp.ONE_ROW_SQL;
        checkMacro(app, BenchApp.ONE_ROW_TIMED, 0, 1);
        int runs = Math.max(20, config.rounds * 4);
        for (int i = 0; i < runs; i++) {
            app.renderMacro(BenchApp.ONE_ROW_TIMED, 0);
            floor.render(sql);
            app.checkReadOnly(sql);
        }
        long[] macroNanos = new long[runs];
        long[] floorNanos = new long[runs];
        long[] checkNanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            app.renderMacro(BenchApp.ONE_ROW_TIMED, 0);
            macroNanos[i] = System.nanoTime() - start;
            start = System.nanoTime();
            floor.render(sql);
            floorNanos[i] = System.nanoTime() - start;
            start = System.nanoTime();
            app.checkReadOnly(sql);
            checkNanos[i] = System.nanoTime() - start;
        }
        double macroMicros = median(macroNanos) / 1e3;
        double floorMicros = median(floorNanos) / 1e3;
        double checkMicros = median(checkNanos) / 1e3;
        report.timing("1. render 1 x 2, whole macro, no cache (us): fixed cost", String.format(Locale.ROOT, "%,.0f",
                macroMicros), String.format(Locale.ROOT, "%,.0f floor", floorMicros), ratio(macroMicros / floorMicros),
                "(informative)");
        report.timing("1. of which the read-only check of the SQL (us)", String.format(Locale.ROOT, "%,.0f",
                checkMicros), "", String.format(Locale.ROOT, "%.0f%%", 100 * checkMicros / macroMicros),
                "(informative)");
    }

    // ---- 2. bytes allocated per row ---------------------------------------------------------------------

    private void allocation(BenchApp app, JdbcFloor floor) throws Exception {
        double first = 0;
        double last = 0;
        for (int index = 0; index < config.allocationRows.length; index++) {
            int rows = config.allocationRows[index];
            String sql = BenchDatabase.tableSql(rows);
            String query = BenchApp.LARGE_QUERY_PREFIX + rows;
            log.printf(Locale.ROOT, "allocation: %d rows%n", rows);
            checkMacro(app, query, 0, rows);
            int repeats = rows >= 50_000 ? 3 : 5;
            long[] macroBytes = new long[repeats];
            long[] floorBytes = new long[repeats];
            for (int i = 0; i < 2; i++) {
                app.renderMacro(query, 0);
                floor.render(sql);
            }
            for (int i = 0; i < repeats; i++) {
                long before = allocated();
                app.renderMacro(query, 0);
                macroBytes[i] = allocated() - before;
                before = allocated();
                floor.render(sql);
                floorBytes[i] = allocated() - before;
            }
            double perRow = (double) median(macroBytes) / rows;
            double floorPerRow = (double) median(floorBytes) / rows;
            if (index == 0) {
                first = perRow;
            }
            last = perRow;
            report.timing(String.format(Locale.ROOT, "2. bytes allocated per row, %,d rows (whole macro)", rows),
                    String.format(Locale.ROOT, "%,.0f", perRow), String.format(Locale.ROOT, "%,.0f floor", floorPerRow),
                    ratio(perRow / floorPerRow), "flat as rows grow");
        }
        report.timing(String.format(Locale.ROOT, "2. bytes per row at %,d rows / at %,d rows",
                        config.allocationRows[config.allocationRows.length - 1], config.allocationRows[0]),
                ratio(last / first), "", "", "about 1x (flat)");
    }

    private long allocated() {
        return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    // ---- 3. cache hit -----------------------------------------------------------------------------------

    private void cached(BenchApp app) {
        int rows = config.cachedRows;
        String query = BenchApp.TABLE_QUERY_PREFIX + rows;
        log.printf(Locale.ROOT, "cache: %d rows, %d hits timed%n", rows, config.cachedRenders);
        checkMacro(app, query, 0, rows);
        int uncachedRuns = Math.max(10, config.rounds);
        for (int i = 0; i < uncachedRuns; i++) {
            app.renderMacro(query, 0);
        }
        long[] uncached = new long[uncachedRuns];
        for (int i = 0; i < uncachedRuns; i++) {
            long start = System.nanoTime();
            app.renderMacro(query, 0);
            uncached[i] = System.nanoTime() - start;
        }
        double uncachedMicros = median(uncached) / 1e3;
        for (boolean anonymous : new boolean[] {false, true}) {
            app.host.setAnonymous(anonymous);
            checkMacro(app, query, 3_600, rows);
            for (int i = 0; i < config.cachedRenders; i++) {
                app.renderMacro(query, 3_600);
            }
            int batches = 20;
            int perBatch = Math.max(1, config.cachedRenders / batches);
            long[] batchNanos = new long[batches];
            for (int batch = 0; batch < batches; batch++) {
                long start = System.nanoTime();
                for (int i = 0; i < perBatch; i++) {
                    app.renderMacro(query, 3_600);
                }
                batchNanos[batch] = (System.nanoTime() - start) / perBatch;
            }
            double micros = median(batchNanos) / 1e3;
            report.timing(String.format(Locale.ROOT, "3. cached render, %,d x 10, %s (us, median)", rows,
                            anonymous ? "anonymous viewer" : "logged-in viewer"),
                    String.format(Locale.ROOT, "%.1f", micros),
                    String.format(Locale.ROOT, "%,.0f uncached", uncachedMicros), ratio(micros / uncachedMicros),
                    "<= 50 us");
        }
        app.host.setAnonymous(false);
    }

    // ---- 4. concurrency and leaks -----------------------------------------------------------------------

    private void concurrent(BenchApp app, String pool) throws InterruptedException {
        int renders = config.concurrentRenders;
        String query = BenchApp.PAUSE;
        log.printf(Locale.ROOT, "concurrency: %d renders at once on a %s of %d%n", renders, pool, config.poolSize);
        RenderOutcomes outcomes = new RenderOutcomes();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < renders; i++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    String html = app.renderMacro(query, 0);
                    outcomes.record(MacroRender.Outcome.SUCCESS, app.lastOutcome(), html);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException | Error e) {
                    outcomes.thrown(e);
                }
            }, "bench-render-" + i);
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        int leaked = app.activeConnections(app.small);
        report.correctness(String.format(Locale.ROOT, "4. %d concurrent renders, %s of %d: unexpected errors",
                renders, pool, config.poolSize), outcomes.unexpected.get(), outcomes.summary(), "0",
                outcomes.unexpected.get() > 0);
        report.correctness("4. connections lent out after them, " + pool + " (leaked)", leaked, "", "0", leaked > 0);
        outcomes.notes(report);
    }

    private void longRun(BenchApp app) throws InterruptedException {
        int renders = config.longRunRenders;
        log.printf(Locale.ROOT, "long run: %d renders on %d threads, every %dth failing, every %dth timing out%n",
                renders, config.longRunThreads, config.failEvery, config.timeoutEvery);
        RenderOutcomes outcomes = new RenderOutcomes();
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < config.longRunThreads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.incrementAndGet(); i <= renders; i = next.incrementAndGet()) {
                    String query;
                    MacroRender.Outcome expected;
                    if (i % config.timeoutEvery == 0) {
                        query = BenchApp.SLEEPING;
                        expected = MacroRender.Outcome.TIMEOUT;
                    } else if (i % config.failEvery == 0) {
                        query = (i / config.failEvery) % 2 == 0 ? BenchApp.UNKNOWN_TABLE : BenchApp.DIVISION_BY_ZERO;
                        expected = MacroRender.Outcome.QUERY_FAILED;
                    } else {
                        query = BenchApp.ONE_ROW;
                        expected = MacroRender.Outcome.SUCCESS;
                    }
                    try {
                        String html = app.renderMacro(query, 0);
                        outcomes.record(expected, app.lastOutcome(), html);
                    } catch (RuntimeException | Error e) {
                        outcomes.thrown(e);
                    }
                }
            }, "bench-long-run-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int leaked = app.activeConnections(app.small);
        report.correctness(String.format(Locale.ROOT, "4. %,d renders (1 in %d failing): unexpected errors", renders,
                config.failEvery), outcomes.unexpected.get(), outcomes.summary(), "0", outcomes.unexpected.get() > 0);
        report.correctness(String.format(Locale.ROOT, "4. connections lent out after %,d renders (leaked)", renders),
                leaked, "", "0", leaked > 0);
        outcomes.notes(report);
    }

    // ---- helpers ----------------------------------------------------------------------------------------

    private void checkMacro(BenchApp app, String query, int cacheSeconds, int rows) {
        String html = app.renderMacro(query, cacheSeconds);
        MacroRender.Outcome outcome = app.lastOutcome();
        if (outcome != MacroRender.Outcome.SUCCESS) {
            throw new IllegalStateException("The macro did not render " + query + ": " + outcome + " " + html);
        }
        checkTable("macro " + query, html, rows);
    }

    /** A timing of the wrong work is worthless: every path must produce the whole table. */
    private static void checkTable(String path, String html, int rows) {
        int found = count(html, "<tr>") + count(html, "<tr ") - 1;
        if (found != rows) {
            throw new IllegalStateException(path + " rendered " + found + " rows instead of " + rows);
        }
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String ms(double millis) {
        return String.format(Locale.ROOT, "%.2f", millis);
    }

    private static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }
}
