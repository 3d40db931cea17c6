package com.sqltables.devhost.render;

import com.atlassian.confluence.macro.Macro;

import java.util.Optional;

/** Finds the {@code xhtml-macro} of a name (the loaded plugin's, in the running dev host). */
@FunctionalInterface
public interface MacroRegistry {
    Optional<Macro> macro(String name);

    /** No macros at all (e.g. when started with {@code --no-plugin}). */
    static MacroRegistry none() {
        return name -> Optional.empty();
    }
}
