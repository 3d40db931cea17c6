package com.sqltables.confluence.macro;

import com.atlassian.sal.api.user.UserKey;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the host tells one render: where the macro is, who is looking, who wrote the page, and the page
 * URL's values. Built by {@link RenderContextFactory} from Confluence's conversion context and request.
 * Immutable.
 */
public final class RenderContext {
    private final OutputMode outputMode;
    private final String spaceKey;
    private final Long pageId;
    private final UserKey viewer;
    private final String viewerName;
    private final UserKey lastModifier;
    private final Supplier<String> storedBody;
    private final Map<String, String> urlValues;
    private final boolean refreshRequested;
    private final String pageQuery;
    private final String tableKey;

    private RenderContext(Builder b) {
        this.outputMode = Objects.requireNonNull(b.outputMode, "outputMode");
        this.spaceKey = b.spaceKey;
        this.pageId = b.pageId;
        this.viewer = b.viewer;
        this.viewerName = b.viewerName;
        this.lastModifier = b.lastModifier;
        this.storedBody = b.storedBody;
        this.urlValues = Collections.unmodifiableMap(new LinkedHashMap<>(b.urlValues));
        this.refreshRequested = b.refreshRequested;
        this.pageQuery = b.pageQuery;
        this.tableKey = b.tableKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    public OutputMode getOutputMode() {
        return outputMode;
    }

    /** @return the space of the content, or {@code null} */
    public String getSpaceKey() {
        return spaceKey;
    }

    /** @return the content's id, or {@code null} for content not saved yet */
    public Long getPageId() {
        return pageId;
    }

    /** @return the viewer, or {@code null} if anonymous */
    public UserKey getViewer() {
        return viewer;
    }

    /** @return the viewer's user name (only for the {@code :currentUser} value), or {@code null} */
    public String getViewerName() {
        return viewerName;
    }

    /**
     * @return who wrote the SQL in the macro: the user previewing it in the editor, else the user who
     *     saved this version of the content; {@code null} when unknown
     */
    public UserKey getSqlAuthor() {
        return outputMode == OutputMode.PREVIEW ? viewer : lastModifier;
    }

    /**
     * @return the saved content's body in storage format, or {@code null} when there is no saved content
     *     (read lazily: only inline SQL needs it)
     */
    public String getStoredBody() {
        return storedBody == null ? null : storedBody.get();
    }

    /**
     * @return the page URL's query-parameter values, name (without the {@code sqlp_} prefix, lower case)
     *     → value; only parameters a saved query declares URL-settable are ever used
     */
    public Map<String, String> getUrlValues() {
        return urlValues;
    }

    /** @return whether the URL asks to refresh cached tables */
    public boolean isRefreshRequested() {
        return refreshRequested;
    }

    /**
     * @return the page URL's query string without the refresh parameter (raw, not escaped), to build the
     *     refresh link; {@code null} when the render is not for a request
     */
    public String getPageQuery() {
        return pageQuery;
    }

    /**
     * @return which table this is, as a {@link TableIdentity} key (page and macro definition), for
     *     counting the tables in use; {@code null} when the macro is not on saved content
     */
    public String getTableKey() {
        return tableKey;
    }

    /** Builds a {@link RenderContext}. */
    public static final class Builder {
        private OutputMode outputMode = OutputMode.PAGE;
        private String spaceKey;
        private Long pageId;
        private UserKey viewer;
        private String viewerName;
        private UserKey lastModifier;
        private Supplier<String> storedBody;
        private Map<String, String> urlValues = Collections.emptyMap();
        private boolean refreshRequested;
        private String pageQuery;
        private String tableKey;

        private Builder() {
        }

        public Builder outputMode(OutputMode outputMode) {
            this.outputMode = outputMode;
            return this;
        }

        public Builder spaceKey(String spaceKey) {
            this.spaceKey = spaceKey;
            return this;
        }

        public Builder pageId(Long pageId) {
            this.pageId = pageId;
            return this;
        }

        public Builder viewer(UserKey viewer, String viewerName) {
            this.viewer = viewer;
            this.viewerName = viewerName;
            return this;
        }

        public Builder lastModifier(UserKey lastModifier) {
            this.lastModifier = lastModifier;
            return this;
        }

        public Builder storedBody(Supplier<String> storedBody) {
            this.storedBody = storedBody;
            return this;
        }

        public Builder urlValues(Map<String, String> urlValues) {
            this.urlValues = urlValues == null ? Collections.emptyMap() : urlValues;
            return this;
        }

        public Builder refreshRequested(boolean refreshRequested) {
            this.refreshRequested = refreshRequested;
            return this;
        }

        public Builder pageQuery(String pageQuery) {
            this.pageQuery = pageQuery;
            return this;
        }

        public Builder tableKey(String tableKey) {
            this.tableKey = tableKey;
            return this;
        }

        public RenderContext build() {
            return new RenderContext(this);
        }
    }
}
