package com.sqltables.bench;

import com.sqltables.confluence.macro.TableIdentity;
import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.confluence.usage.event.UsageCounter;
import com.sqltables.confluence.usage.event.UsageSnapshot;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Section 5 of the benchmark: what a render pays for usage counting (issue target: at most 1 µs). Each
 * iteration does exactly what {@code SqlTableService.render} does for the usage report on a cache hit of
 * a saved query: compute the table's key ({@link TableIdentity}, from the page id and the macro's
 * parameters and body), build the {@link MacroRender} (output, viewer key, table key, query source,
 * options, saved-query id, parameter counts, row cap, cache use, outcome) and hand it to the real
 * {@link InMemoryUsageEvents} (counters, the viewer set, the table set, the saved query's render counter).
 * The macro's parameter values and body arrive as new strings on every render (the worst case: a
 * String keeps its hash once computed, so strings Confluence reused would cost less); making those
 * strings is in both loops, so only the hashing is counted. The baseline is the same loop choosing
 * the same inputs with the counting left out, in the same run, interleaved batch by batch.
 *
 * <p>Timed single-threaded and with two threads counting into the same {@code InMemoryUsageEvents} at
 * once. A correctness figure checks that no render was lost or counted twice, contention included.
 *
 * <p>Times are the counting thread's CPU time, not wall time: a batch of counting takes tens of
 * milliseconds, long enough to be descheduled on a busy machine, which would add other processes' time
 * to a figure of nanoseconds. Contention (retried CAS, cache lines moving between cores) costs CPU
 * time, so it shows.
 */
final class CounterOverheadBench {
    /** Distinct viewers and saved queries the renders cycle through (powers of two, for a cheap mask). */
    private static final int VIEWERS = 512;
    private static final int SAVED_QUERIES = 64;
    /** Distinct pages and macro definitions the renders cycle through. */
    private static final int PAGES = 256;
    private static final int DEFINITIONS = 8;
    /** Every this many renders is an anonymous viewer (no user key). */
    private static final int ANONYMOUS_EVERY = 8;

    /** Sink of the baseline's results, so the compiler cannot drop its loop. */
    static volatile long sink;

    private final int rendersPerBatch;
    private final int batches;
    private final PrintStream log;
    private final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    private final String[] viewerKeys = new String[VIEWERS];
    private final long[] savedQueryIds = new long[SAVED_QUERIES];
    private final String[] captions = new String[DEFINITIONS];
    private final String[] bodies = new String[DEFINITIONS];

    /**
     * @param rendersPerBatch renders timed at once (a batch is timed as a whole: one render is shorter than
     *     the clock's resolution)
     * @param batches timed batches of each kind; the median is reported
     */
    CounterOverheadBench(int rendersPerBatch, int batches, PrintStream log) {
        this.rendersPerBatch = rendersPerBatch;
        this.batches = batches;
        this.log = log;
        for (int i = 0; i < VIEWERS; i++) {
            // The shape of Confluence's user keys: 32 hexadecimal digits.
            viewerKeys[i] = String.format(Locale.ROOT, "8a7f808a%08x%016x", i, 0x5eedL * (i + 1));
        }
        for (int i = 0; i < SAVED_QUERIES; i++) {
            // Real ids are past the boxing cache (-128..127), so each render boxes its id as Confluence would.
            savedQueryIds[i] = 1_000 + i;
        }
        for (int i = 0; i < DEFINITIONS; i++) {
            captions[i] = "Orders of region " + i + " by month";
            // A typical inline query (the demo page's are 150-250 characters).
            bodies[i] = "SELECT o.id AS \"Order\", o.ordered_on AS \"Date\", c.name AS \"Customer\", o.status"
                    + " AS \"Status\" FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.region = " + i
                    + " AND o.ordered_on >= :since ORDER BY o.ordered_on DESC";
        }
    }

    /** @return sized from the benchmark's configuration: 200,000 renders a batch in the standard run */
    static CounterOverheadBench sizedFor(BenchConfig config, PrintStream log) {
        // The cache section's count scales with the run (20,000 standard, 200 tiny); counting is ~100x cheaper.
        return new CounterOverheadBench(config.cachedRenders * 10, Math.max(5, Math.min(21, config.rounds)), log);
    }

    void run(Report report) throws Exception {
        log.printf(Locale.ROOT, "usage counting: %,d batches of %,d renders, 1 and 2 threads%n", batches, rendersPerBatch);
        InMemoryUsageEvents events = new InMemoryUsageEvents();
        long counted = 0;
        long expected = 0;
        // Unmeasured rounds of every kind first, drains and contention included, so that the compiler has
        // seen every path before any batch is timed: a path first taken while timing (a viewer new since
        // the drain, a contended LongAdder) recompiles the counting code, and a figure came out 4x.
        int warmUp = Math.max(5, batches);
        for (int threads : new int[] {1, 2}) {
            for (int i = 0; i < warmUp; i++) {
                timeBatch(threads, events, true);
                timeBatch(threads, events, false);
                counted += renders(events);
            }
            expected += (long) threads * rendersPerBatch * warmUp;
        }
        for (int threads : new int[] {1, 2}) {
            long[] counting = new long[batches];
            long[] baseline = new long[batches];
            for (int batch = 0; batch < batches; batch++) {
                // Alternating which loop goes first spreads drift and garbage collection over both.
                boolean countFirst = batch % 2 == 0;
                baseline[batch] = countFirst ? 0 : timeBatch(threads, events, false);
                counting[batch] = timeBatch(threads, events, true);
                if (countFirst) {
                    baseline[batch] = timeBatch(threads, events, false);
                }
                // The flush job drains every minute; draining between batches keeps the sets at a minute's size.
                counted += renders(events);
            }
            expected += (long) threads * rendersPerBatch * batches;
            double countingNanos = median(counting) / (double) rendersPerBatch;
            double baselineNanos = median(baseline) / (double) rendersPerBatch;
            report.timing(String.format(Locale.ROOT, "5. usage counting per render, %s (CPU ns, median)",
                            threads == 1 ? "1 thread" : threads + " threads contending"),
                    String.format(Locale.ROOT, "%.0f", countingNanos - baselineNanos),
                    String.format(Locale.ROOT, "%.1f no-op loop", baselineNanos),
                    String.format(Locale.ROOT, "%.1fx", countingNanos / baselineNanos), "<= 1,000 ns");
        }
        report.correctness("5. renders counted minus renders made (lost or doubled)", counted - expected, "",
                "0", counted != expected);
    }

    /** @return the renders counted since the last drain */
    private static long renders(InMemoryUsageEvents events) {
        long renders = 0;
        for (UsageSnapshot snapshot : events.drain()) {
            renders += snapshot.getCounters().getOrDefault(UsageCounter.RENDERS.key(), 0L);
        }
        return renders;
    }

    /** @return CPU nanoseconds of one batch per thread (the mean of the threads') */
    private long timeBatch(int threads, InMemoryUsageEvents events, boolean counting) throws Exception {
        if (threads == 1) {
            return counting ? countingLoop(events, 0) : baselineLoop(0);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CyclicBarrier start = new CyclicBarrier(threads);
            List<Future<Long>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 7919;
                runs.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    return counting ? countingLoop(events, offset) : baselineLoop(offset);
                }));
            }
            long total = 0;
            for (Future<Long> run : runs) {
                total += run.get(600, TimeUnit.SECONDS);
            }
            return total / threads;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What the render path does for usage counting, render after render; @return the loop's CPU nanoseconds */
    private long countingLoop(InMemoryUsageEvents events, int offset) {
        long start = cpu.getCurrentThreadCpuTime();
        for (int n = 0; n < rendersPerBatch; n++) {
            int i = n + offset;
            Map<String, String> parameters = parameters(i);
            String body = new String(bodies[i & (DEFINITIONS - 1)]);
            // As SqlTableService builds it: at the start, after resolving the query, after binding, at the end.
            MacroRender.Builder event = MacroRender.builder()
                    .output(MacroRender.Output.PAGE)
                    .viewerUserKey(viewer(i))
                    .tableKey(TableIdentity.of(1_000_000L + (i & (PAGES - 1)), parameters, body))
                    .querySource(MacroRender.QuerySource.SAVED)
                    .rowNumbers((i & 1) == 0)
                    .caption((i & 2) == 0)
                    .numberFormat((i & 4) == 0)
                    .dateFormat(false)
                    .columnAlignment((i & 8) == 0);
            event.savedQueryId(savedQueryIds[i & (SAVED_QUERIES - 1)]);
            event.macroParameters(i & 1).urlParameters(i & 2).contextParameters(1);
            event.rowCapLowered(false);
            event.cacheUse(MacroRender.CacheUse.HIT);
            event.outcome(MacroRender.Outcome.SUCCESS);
            events.macroRendered(event.build());
        }
        return cpu.getCurrentThreadCpuTime() - start;
    }

    /** The same loop over the same inputs, without counting; @return the loop's CPU nanoseconds */
    private long baselineLoop(int offset) {
        long start = cpu.getCurrentThreadCpuTime();
        long result = 0;
        for (int n = 0; n < rendersPerBatch; n++) {
            int i = n + offset;
            String viewer = viewer(i);
            Map<String, String> parameters = parameters(i);
            String body = new String(bodies[i & (DEFINITIONS - 1)]);
            result += (viewer == null ? 0 : viewer.length()) + savedQueryIds[i & (SAVED_QUERIES - 1)] + (i & 15)
                    + parameters.size() + body.length();
        }
        long elapsed = cpu.getCurrentThreadCpuTime() - start;
        sink = result;
        return elapsed;
    }

    /** The macro's parameters as Confluence hands them to a render: a new map of new strings. */
    private Map<String, String> parameters(int i) {
        Map<String, String> parameters = new HashMap<>(8);
        parameters.put("datasource", new String("demo"));
        parameters.put("caption", new String(captions[i & (DEFINITIONS - 1)]));
        parameters.put("rowNumbers", new String("true"));
        return parameters;
    }

    private String viewer(int i) {
        return i % ANONYMOUS_EVERY == 0 ? null : viewerKeys[i & (VIEWERS - 1)];
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
