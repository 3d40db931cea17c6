package com.sqltables.bench;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Runs the whole benchmark on tiny sizes: every step works, every figure is printed, and the
 * correctness figures (unexpected errors, leaked connections) are zero. Timings are never judged.
 */
public class RenderBenchSmokeTest {
    private static Report report;
    private static String printed;

    @BeforeClass
    public static void runTinyBenchmark() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        report = new RenderBench(BenchConfig.tiny(), new PrintStream(log, true, StandardCharsets.UTF_8)).run();
        ByteArrayOutputStream table = new ByteArrayOutputStream();
        report.print(new PrintStream(table, true, StandardCharsets.UTF_8));
        printed = table.toString(StandardCharsets.UTF_8);
    }

    @Test
    public void run_tinySizes_printsEveryFigure() {
        String[] expected = {
            "1. render 200 x 10, executor + renderer",
            "1. render 200 x 10, whole macro, no cache",
            "1. same, datasource row cap 200",
            "1. render 200 x 10, executor + renderer (CPU ms)",
            "1. render 200 x 10, whole macro, no cache (CPU ms)",
            "1. render 1 x 2, whole macro, no cache",
            "1. of which the read-only check of the SQL",
            "2. bytes allocated per row, 50 rows",
            "2. bytes allocated per row, 100 rows",
            "2. bytes allocated per row, 200 rows",
            "2. bytes per row at 200 rows / at 50 rows",
            "3. cached render, 20 x 10, logged-in viewer",
            "3. cached render, 20 x 10, anonymous viewer",
            "4. 60 concurrent renders, new pool of 3: unexpected errors",
            "4. connections lent out after them, new pool (leaked)",
            "4. 60 concurrent renders, warm pool of 3: unexpected errors",
            "4. connections lent out after them, warm pool (leaked)",
            "4. 500 renders (1 in 10 failing): unexpected errors",
            "4. connections lent out after 500 renders (leaked)",
            "5. usage counting per render, 1 thread",
            "5. usage counting per render, 2 threads contending",
            "5. renders counted minus renders made (lost or doubled)",
        };
        List<Report.Row> rows = report.rows();
        assertEquals("rows printed:\n" + printed, expected.length, rows.size());
        for (String figure : expected) {
            assertTrue(figure + " is missing from:\n" + printed, printed.contains(figure));
        }
        for (Report.Row row : rows) {
            assertFalse(row.figure + " has no value:\n" + printed, row.value.isEmpty());
        }
        assertTrue(printed, printed.contains("correctness: OK"));
    }

    @Test
    public void run_tinySizes_hasNoUnexpectedErrorsAndNoLeakedConnections() {
        for (Report.Row row : report.rows()) {
            if (row.figure.contains("unexpected errors") || row.figure.contains("leaked")) {
                assertEquals(row.figure + ":\n" + printed, "0", row.value);
            }
        }
        assertFalse(printed, report.correctnessFailed());
    }

    @Test
    public void run_tinySizes_longRunIncludesFailuresAndTimeouts() {
        Report.Row longRun = report.rows().stream().filter(r -> r.figure.startsWith("4. 500 renders")).findFirst()
                .orElseThrow();
        // 1 in 10 fails in the database and 2 of the 500 time out: the leak check saw every kind of ending.
        assertTrue(longRun.baseline, longRun.baseline.contains("query_failed 48"));
        assertTrue(longRun.baseline, longRun.baseline.contains("timeout 2"));
        assertTrue(longRun.baseline, longRun.baseline.contains("success 450"));
    }

    @Test
    public void run_tinySizes_measuresUsageCountingInNanosecondsPerRender() {
        for (Report.Row row : report.rows()) {
            if (row.figure.startsWith("5. usage counting per render")) {
                // A number (it may be near zero or even below on a tiny, noisy run), beside the no-op loop's.
                Double.parseDouble(row.value);
                assertTrue(row.baseline, row.baseline.endsWith(" no-op loop"));
                assertTrue(row.ratio, row.ratio.endsWith("x"));
            }
        }
        Report.Row lost = report.rows().stream().filter(r -> r.figure.startsWith("5. renders counted")).findFirst()
                .orElseThrow();
        assertEquals("renders lost or counted twice, two threads included", "0", lost.value);
    }

    @Test
    public void correctnessFigure_nonZero_failsTheRun() {
        Report failing = new Report();
        failing.timing("a timing", "99", "1 floor", "99.00x", "<= 1.25x");
        assertFalse("timings never fail a run", failing.correctnessFailed());
        failing.correctness("leaked", 1, "", "0", true);
        assertTrue(failing.correctnessFailed());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        failing.print(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("correctness: FAILED"));
    }
}
