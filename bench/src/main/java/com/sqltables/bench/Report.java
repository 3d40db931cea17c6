package com.sqltables.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** The table the benchmark prints: each figure beside its baseline from the same run. */
final class Report {
    /** One printed line. */
    static final class Row {
        final String figure;
        final String value;
        final String baseline;
        final String ratio;
        final String target;
        /** Whether this is a correctness figure that failed (timings never fail). */
        final boolean failed;

        Row(String figure, String value, String baseline, String ratio, String target, boolean failed) {
            this.figure = figure;
            this.value = value;
            this.baseline = baseline;
            this.ratio = ratio;
            this.target = target;
            this.failed = failed;
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void timing(String figure, String value, String baseline, String ratio, String target) {
        rows.add(new Row(figure, value, baseline, ratio, target, false));
    }

    void correctness(String figure, long value, String baseline, String target, boolean failed) {
        rows.add(new Row(figure, Long.toString(value), baseline, "", target, failed));
    }

    void note(String note) {
        notes.add(note);
    }

    List<Row> rows() {
        return rows;
    }

    List<String> notes() {
        return notes;
    }

    boolean correctnessFailed() {
        for (Row row : rows) {
            if (row.failed) {
                return true;
            }
        }
        return false;
    }

    void print(PrintStream out) {
        String[] header = {"figure", "value", "baseline (same run)", "ratio", "target"};
        int[] width = new int[header.length];
        for (int i = 0; i < header.length; i++) {
            width[i] = header[i].length();
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int i = 0; i < cells.length; i++) {
                width[i] = Math.max(width[i], cells[i].length());
            }
        }
        line(out, header, width);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (Row row : rows) {
            line(out, cells(row), width);
        }
        for (String note : notes) {
            out.println("note: " + note);
        }
        out.println("correctness: " + (correctnessFailed() ? "FAILED" : "OK"));
    }

    private static String[] cells(Row row) {
        return new String[] {row.figure, row.value, row.baseline, row.ratio, row.target + (row.failed ? "  FAILED" : "")};
    }

    private static void line(PrintStream out, String[] cells, int[] width) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(" | ");
            }
            boolean left = i == 0;
            String cell = cells[i];
            String pad = " ".repeat(width[i] - cell.length());
            b.append(left ? cell + pad : pad + cell);
        }
        out.println(b.toString().replaceAll("\\s+$", ""));
    }
}
