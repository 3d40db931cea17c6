package com.sqltables.bench;

import com.sqltables.confluence.usage.event.InMemoryUsageEvents;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.confluence.usage.event.UsageEvents;

/**
 * The app's real usage counters, plus the outcome of the calling thread's last render, which tells the
 * benchmark how each render ended without parsing its HTML.
 */
final class RecordingUsageEvents implements UsageEvents {
    private final UsageEvents counters = new InMemoryUsageEvents();
    private final ThreadLocal<MacroRender.Outcome> last = new ThreadLocal<>();

    @Override
    public void macroRendered(MacroRender render) {
        last.set(render.getOutcome());
        counters.macroRendered(render);
    }

    /** @return the outcome of this thread's last render, forgetting it */
    MacroRender.Outcome takeLast() {
        MacroRender.Outcome outcome = last.get();
        last.remove();
        return outcome;
    }
}
