package com.sqltables.bench;

import java.util.ArrayList;
import java.util.List;

/** Sizes and repetitions of one benchmark run. Immutable. */
public final class BenchConfig {
    /** Rows of the table whose render time is compared with the JDBC floor. */
    final int renderRows;
    /** Unmeasured renders of each path before the timed rounds. */
    final int warmupRenders;
    /** Timed rounds; each renders once with every path, in a rotating order. */
    final int rounds;
    /** Row counts at which bytes allocated per row are measured. */
    final int[] allocationRows;
    /** Rows of the table rendered from the result cache (small enough to be cached). */
    final int cachedRows;
    /** Cache hits timed (after as many unmeasured ones). */
    final int cachedRenders;
    /** Renders started at the same moment on the small pool. */
    final int concurrentRenders;
    /** Size of the pool those renders share. */
    final int poolSize;
    /** Renders of the long run that checks for leaked connections. */
    final int longRunRenders;
    /** Every this many renders of the long run is a failing query. */
    final int failEvery;
    /** Every this many renders of the long run is a query that times out (takes a second each). */
    final int timeoutEvery;
    /** Threads rendering the long run. */
    final int longRunThreads;

    private BenchConfig(Builder b) {
        this.renderRows = b.renderRows;
        this.warmupRenders = b.warmupRenders;
        this.rounds = b.rounds;
        this.allocationRows = b.allocationRows.clone();
        this.cachedRows = b.cachedRows;
        this.cachedRenders = b.cachedRenders;
        this.concurrentRenders = b.concurrentRenders;
        this.poolSize = b.poolSize;
        this.longRunRenders = b.longRunRenders;
        this.failEvery = b.failEvery;
        this.timeoutEvery = b.timeoutEvery;
        this.longRunThreads = b.longRunThreads;
    }

    /** @return the sizes the issue asks for: 10,000 rows, 1k/10k/100k, 200 on 10, 100,000 renders */
    public static BenchConfig standard() {
        return new Builder().build();
    }

    /** @return a run of seconds for the smoke test: the same steps on tiny sizes */
    public static BenchConfig tiny() {
        Builder b = new Builder();
        b.renderRows = 200;
        b.warmupRenders = 3;
        b.rounds = 3;
        b.allocationRows = new int[] {50, 100, 200};
        b.cachedRows = 20;
        b.cachedRenders = 200;
        b.concurrentRenders = 60;
        b.poolSize = 3;
        b.longRunRenders = 500;
        b.failEvery = 10;
        b.timeoutEvery = 200;
        b.longRunThreads = 4;
        return b.build();
    }

    /**
     * @param args {@code --quick} (fewer rounds and a 10,000-render long run), {@code --tiny} (the smoke
     *     test's sizes)
     */
    public static BenchConfig fromArgs(String[] args) {
        BenchConfig config = standard();
        for (String arg : args) {
            switch (arg) {
                case "--quick":
                    Builder b = new Builder();
                    b.warmupRenders = 20;
                    b.rounds = 20;
                    b.longRunRenders = 10_000;
                    config = b.build();
                    break;
                case "--tiny":
                    config = tiny();
                    break;
                case "":
                    break;
                default:
                    throw new IllegalArgumentException("Unknown argument " + arg + " (known: --quick, --tiny)");
            }
        }
        return config;
    }

    /** @return the largest table any step reads */
    int maxRows() {
        int max = Math.max(renderRows, cachedRows);
        for (int rows : allocationRows) {
            max = Math.max(max, rows);
        }
        return max;
    }

    /** @return the distinct row counts saved queries are needed for */
    List<Integer> tableSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (int rows : new int[] {renderRows, cachedRows}) {
            if (!sizes.contains(rows)) {
                sizes.add(rows);
            }
        }
        for (int rows : allocationRows) {
            if (!sizes.contains(rows)) {
                sizes.add(rows);
            }
        }
        return sizes;
    }

    private static final class Builder {
        int renderRows = 10_000;
        int warmupRenders = 40;
        int rounds = 50;
        int[] allocationRows = {1_000, 10_000, 100_000};
        int cachedRows = 1_000;
        int cachedRenders = 20_000;
        int concurrentRenders = 200;
        int poolSize = 10;
        int longRunRenders = 100_000;
        int failEvery = 10;
        int timeoutEvery = 10_000;
        int longRunThreads = 8;

        BenchConfig build() {
            return new BenchConfig(this);
        }
    }
}
