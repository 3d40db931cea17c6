package com.sqltables.devhost.rest;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The {@code expand} parameter: comma-separated, dotted paths such as {@code body.view} or {@code space}. */
final class Expansions {
    private final Set<String> paths;

    private Expansions(Set<String> paths) {
        this.paths = paths;
    }

    static Expansions parse(String expand) {
        if (expand == null || expand.isBlank()) {
            return new Expansions(Set.of());
        }
        return new Expansions(Arrays.stream(expand.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet()));
    }

    static Expansions of(String... paths) {
        return new Expansions(Set.of(paths));
    }

    /** Whether {@code path} or anything below it is expanded. */
    boolean has(String path) {
        return paths.stream().anyMatch(p -> p.equals(path) || p.startsWith(path + "."));
    }

    /** The expansions below {@code path} (e.g. {@code body.view} below {@code body} is {@code view}). */
    Expansions below(String path) {
        String prefix = path + ".";
        return new Expansions(paths.stream().filter(p -> p.startsWith(prefix)).map(p -> p.substring(prefix.length()))
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean isEmpty() {
        return paths.isEmpty();
    }
}
