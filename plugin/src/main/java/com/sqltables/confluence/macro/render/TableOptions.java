package com.sqltables.confluence.macro.render;

import java.util.Locale;
import java.util.Set;

/** How to render one result table. Immutable; start from {@link #defaults()}. */
public final class TableOptions {
    /**
     * Confluence output types that get a static table: exports and messages, where no script runs and
     * hooks for one would only clutter the markup.
     */
    private static final Set<String> STATIC_OUTPUT_TYPES = Set.of("pdf", "word", "html_export", "email", "feed");
    private static final TableOptions DEFAULTS = new TableOptions(null, false, false);

    private final String caption;
    private final boolean rowNumbers;
    private final boolean staticOutput;

    private TableOptions(String caption, boolean rowNumbers, boolean staticOutput) {
        this.caption = caption;
        this.rowNumbers = rowNumbers;
        this.staticOutput = staticOutput;
    }

    /** @return no caption, no row numbers, interactive markup */
    public static TableOptions defaults() {
        return DEFAULTS;
    }

    /** @param caption plain text (escaped when rendered); {@code null} or blank for none */
    public TableOptions withCaption(String caption) {
        return new TableOptions(caption == null || caption.trim().isEmpty() ? null : caption, rowNumbers, staticOutput);
    }

    public TableOptions withRowNumbers(boolean rowNumbers) {
        return new TableOptions(caption, rowNumbers, staticOutput);
    }

    /** @param staticOutput markup without hooks for scripts (exports) */
    public TableOptions withStaticOutput(boolean staticOutput) {
        return new TableOptions(caption, rowNumbers, staticOutput);
    }

    /** @param outputType Confluence's {@code ConversionContext.getOutputType()}, e.g. {@code pdf} */
    public TableOptions forOutputType(String outputType) {
        return withStaticOutput(isStaticOutputType(outputType));
    }

    /** @return whether a Confluence output type (e.g. {@code pdf}, {@code word}) gets the static table */
    public static boolean isStaticOutputType(String outputType) {
        return outputType != null && STATIC_OUTPUT_TYPES.contains(outputType.toLowerCase(Locale.ROOT));
    }

    /** @return the caption as plain text, or {@code null} */
    public String getCaption() {
        return caption;
    }

    public boolean isRowNumbers() {
        return rowNumbers;
    }

    public boolean isStaticOutput() {
        return staticOutput;
    }
}
