package com.sqltables.confluence.usage.event;

/**
 * Receives one event per macro render, describing what the render used. Called on the page-render
 * path, so implementations must be fast and must never write to a database or block: they count in
 * memory, and a background job persists the counts.
 */
public interface UsageEvents {

    /** Records a render; never throws. */
    void macroRendered(MacroRender render);
}
