package com.sqltables.bench;

import com.sqltables.confluence.usage.event.MacroRender;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** How renders ended: as expected, busy (designed), or otherwise (a correctness failure). */
final class RenderOutcomes {
    final Map<MacroRender.Outcome, AtomicLong> counts = new EnumMap<>(MacroRender.Outcome.class);
    final AtomicLong unexpected = new AtomicLong();
    /** The first unexpected ending, printed as a note. */
    final List<String> examples = new ArrayList<>();

    RenderOutcomes() {
        for (MacroRender.Outcome outcome : MacroRender.Outcome.values()) {
            counts.put(outcome, new AtomicLong());
        }
    }

    void record(MacroRender.Outcome expected, MacroRender.Outcome actual, String html) {
        if (actual == null) {
            unexpected("no usage event: " + abbreviate(html));
            return;
        }
        counts.get(actual).incrementAndGet();
        boolean table = html.contains("sql-tables-table");
        if (actual == MacroRender.Outcome.BUSY) {
            return;
        }
        if (actual != expected || (expected == MacroRender.Outcome.SUCCESS) != table) {
            unexpected("expected " + expected + ", got " + actual + ": " + abbreviate(html));
        }
    }

    void thrown(Throwable e) {
        unexpected("the macro threw " + e);
    }

    private void unexpected(String what) {
        unexpected.incrementAndGet();
        synchronized (examples) {
            if (examples.isEmpty()) {
                examples.add(what);
            }
        }
    }

    String summary() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<MacroRender.Outcome, AtomicLong> entry : counts.entrySet()) {
            if (entry.getValue().get() > 0) {
                b.append(b.length() == 0 ? "" : ", ").append(entry.getKey().name().toLowerCase(Locale.ROOT))
                        .append(' ').append(String.format(Locale.ROOT, "%,d", entry.getValue().get()));
            }
        }
        return b.toString();
    }

    void notes(Report report) {
        synchronized (examples) {
            for (String example : examples) {
                report.note(example);
            }
        }
    }

    private static String abbreviate(String html) {
        String text = html == null ? "null" : html.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
