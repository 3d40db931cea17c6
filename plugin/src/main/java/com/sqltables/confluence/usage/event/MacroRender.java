package com.sqltables.confluence.usage.event;

import java.util.Objects;

/**
 * What one macro render used and how it ended. Holds counts and kinds only: no SQL, no parameter
 * names or values, no page or space; of the viewer only the user key, and of the table only a key mixed
 * from its page and definition, both of which the usage report turns into keyed hashes before they are
 * stored. Immutable; build with {@link #builder()}.
 */
public final class MacroRender {

    /** Where the SQL came from. */
    public enum QuerySource {
        /** A saved query, named by the {@code query} parameter. */
        SAVED,
        /** SQL typed into the macro body. */
        INLINE,
        /** Unknown: the render failed before the query was resolved. */
        NONE
    }

    /** How the result cache was used. */
    public enum CacheUse {
        /** {@code cacheSeconds} was 0 or absent. */
        OFF,
        HIT,
        MISS,
        /** An author's refresh bypassed a cached result. */
        REFRESH
    }

    /** What the page was rendered for. */
    public enum Output {
        /** Viewing a page, blog post or comment. */
        PAGE(true),
        /** The editor's preview. */
        PREVIEW(false),
        /** PDF, Word or HTML export: the static table. */
        EXPORT(true),
        /** E-mail notifications and feeds: the static table. */
        NOTIFICATION(true),
        /** A page diff: the static table. */
        DIFF(false);

        private final boolean tableInUse;

        Output(boolean tableInUse) {
            this.tableInUse = tableInUse;
        }

        /**
         * @return whether a render for this output shows that the table is in use: a preview shows a
         *     draft, a diff may show a version that is no longer on the page
         */
        public boolean isTableInUse() {
            return tableInUse;
        }
    }

    /** How the render ended. */
    public enum Outcome {
        SUCCESS,
        /** A macro parameter was missing or malformed. */
        MACRO_PARAMETER,
        /** The datasource or saved query does not exist. */
        NOT_FOUND,
        /** Refused by the access rules. */
        ACCESS_DENIED,
        /** A query parameter value was missing or of the wrong type. */
        QUERY_PARAMETER,
        /** The SQL was refused (not a single read statement, malformed parameters). */
        SQL_REJECTED,
        /** The database reported an error. */
        QUERY_FAILED,
        /** The statement ran longer than the datasource's timeout. */
        TIMEOUT,
        /** No connection was free within the datasource's connection timeout. */
        BUSY,
        /** A bug or an unexpected failure. */
        INTERNAL
    }

    private final QuerySource querySource;
    private final int macroParameters;
    private final int urlParameters;
    private final int contextParameters;
    private final CacheUse cacheUse;
    private final boolean rowNumbers;
    private final boolean caption;
    private final boolean numberFormat;
    private final boolean dateFormat;
    private final boolean columnAlignment;
    private final boolean rowCapLowered;
    private final Output output;
    private final Outcome outcome;
    private final String viewerUserKey;
    private final Long savedQueryId;
    private final String tableKey;

    private MacroRender(Builder b) {
        this.querySource = Objects.requireNonNull(b.querySource, "querySource");
        this.macroParameters = b.macroParameters;
        this.urlParameters = b.urlParameters;
        this.contextParameters = b.contextParameters;
        this.cacheUse = Objects.requireNonNull(b.cacheUse, "cacheUse");
        this.rowNumbers = b.rowNumbers;
        this.caption = b.caption;
        this.numberFormat = b.numberFormat;
        this.dateFormat = b.dateFormat;
        this.columnAlignment = b.columnAlignment;
        this.rowCapLowered = b.rowCapLowered;
        this.output = Objects.requireNonNull(b.output, "output");
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.viewerUserKey = b.viewerUserKey;
        this.savedQueryId = b.savedQueryId;
        this.tableKey = b.tableKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public QuerySource getQuerySource() {
        return querySource;
    }

    /** @return how many query-parameter values the macro's {@code parameters} gave */
    public int getMacroParameters() {
        return macroParameters;
    }

    /** @return how many query-parameter values came from the page URL */
    public int getUrlParameters() {
        return urlParameters;
    }

    /** @return how many context values ({@code :spaceKey}, {@code :pageId}, {@code :currentUser}) the SQL used */
    public int getContextParameters() {
        return contextParameters;
    }

    public CacheUse getCacheUse() {
        return cacheUse;
    }

    public boolean isRowNumbers() {
        return rowNumbers;
    }

    public boolean isCaption() {
        return caption;
    }

    public boolean isNumberFormat() {
        return numberFormat;
    }

    public boolean isDateFormat() {
        return dateFormat;
    }

    public boolean isColumnAlignment() {
        return columnAlignment;
    }

    /** @return whether {@code maxRows} lowered the datasource's row cap */
    public boolean isRowCapLowered() {
        return rowCapLowered;
    }

    public Output getOutput() {
        return output;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    /** @return the viewer's user key (never the user name), or {@code null} for an anonymous viewer */
    public String getViewerUserKey() {
        return viewerUserKey;
    }

    /** @return the id (never the name) of the saved query that ran, or {@code null} when none was resolved */
    public Long getSavedQueryId() {
        return savedQueryId;
    }

    /**
     * @return the table's identity as an unkeyed key mixed from its page and definition ({@code TableIdentity}) (never the page id,
     *     SQL or a name), or {@code null} when the macro is not on saved content
     */
    public String getTableKey() {
        return tableKey;
    }

    /** Leaves the viewer and the table out: this may reach a log. */
    @Override
    public String toString() {
        return "MacroRender{" + querySource + ", " + outcome + ", cache=" + cacheUse + ", output=" + output + "}";
    }

    /** Builds a {@link MacroRender}; everything but the kinds defaults to zero or false. */
    public static final class Builder {
        private QuerySource querySource = QuerySource.NONE;
        private int macroParameters;
        private int urlParameters;
        private int contextParameters;
        private CacheUse cacheUse = CacheUse.OFF;
        private boolean rowNumbers;
        private boolean caption;
        private boolean numberFormat;
        private boolean dateFormat;
        private boolean columnAlignment;
        private boolean rowCapLowered;
        private Output output = Output.PAGE;
        private Outcome outcome = Outcome.SUCCESS;
        private String viewerUserKey;
        private Long savedQueryId;
        private String tableKey;

        private Builder() {
        }

        public Builder querySource(QuerySource querySource) {
            this.querySource = querySource;
            return this;
        }

        public Builder macroParameters(int count) {
            this.macroParameters = count;
            return this;
        }

        public Builder urlParameters(int count) {
            this.urlParameters = count;
            return this;
        }

        public Builder contextParameters(int count) {
            this.contextParameters = count;
            return this;
        }

        public Builder cacheUse(CacheUse cacheUse) {
            this.cacheUse = cacheUse;
            return this;
        }

        public Builder rowNumbers(boolean rowNumbers) {
            this.rowNumbers = rowNumbers;
            return this;
        }

        public Builder caption(boolean caption) {
            this.caption = caption;
            return this;
        }

        public Builder numberFormat(boolean numberFormat) {
            this.numberFormat = numberFormat;
            return this;
        }

        public Builder dateFormat(boolean dateFormat) {
            this.dateFormat = dateFormat;
            return this;
        }

        public Builder columnAlignment(boolean columnAlignment) {
            this.columnAlignment = columnAlignment;
            return this;
        }

        public Builder rowCapLowered(boolean rowCapLowered) {
            this.rowCapLowered = rowCapLowered;
            return this;
        }

        public Builder output(Output output) {
            this.output = output;
            return this;
        }

        public Builder outcome(Outcome outcome) {
            this.outcome = outcome;
            return this;
        }

        /** @param viewerUserKey the viewer's user key, never the user name; {@code null} if anonymous */
        public Builder viewerUserKey(String viewerUserKey) {
            this.viewerUserKey = viewerUserKey;
            return this;
        }

        /** @param savedQueryId the id of the saved query that ran; {@code null} for inline SQL or an unresolved one */
        public Builder savedQueryId(Long savedQueryId) {
            this.savedQueryId = savedQueryId;
            return this;
        }

        /** @param tableKey the table's identity key (see {@link #getTableKey()}); {@code null} if not on saved content */
        public Builder tableKey(String tableKey) {
            this.tableKey = tableKey;
            return this;
        }

        public MacroRender build() {
            return new MacroRender(this);
        }
    }
}
