package com.sqltables.confluence.macro;

import java.util.Locale;

/**
 * What a page is rendered for, from {@code ConversionContext.getOutputType()}. Exports, notifications
 * and diffs get the static table: no links, nothing that needs the page's scripts or styles.
 */
public enum OutputMode {
    /** Viewing content ({@code display} and anything not listed below). */
    PAGE(false),
    /** The editor's preview: the SQL's author is the user previewing. */
    PREVIEW(false),
    /** {@code pdf}, {@code word}, {@code html_export}. */
    EXPORT(true),
    /** {@code email}, {@code feed}. */
    NOTIFICATION(true),
    /** {@code diff}: comparing page versions. */
    DIFF(true);

    private final boolean staticTable;

    OutputMode(boolean staticTable) {
        this.staticTable = staticTable;
    }

    /** @return whether the static table variant is rendered */
    public boolean isStaticTable() {
        return staticTable;
    }

    /** @param outputType Confluence's output type, lower case; {@code null} counts as {@code display} */
    public static OutputMode of(String outputType) {
        if (outputType == null) {
            return PAGE;
        }
        switch (outputType.trim().toLowerCase(Locale.ROOT)) {
            case "preview":
                return PREVIEW;
            case "pdf":
            case "word":
            case "html_export":
                return EXPORT;
            case "email":
            case "feed":
                return NOTIFICATION;
            case "diff":
                return DIFF;
            default:
                return PAGE;
        }
    }
}
