package com.sqltables.confluence.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** The editable part of a saved query. Immutable; validated when stored. */
public final class SavedQuerySettings {
    private final String name;
    private final long datasourceId;
    private final String sqlText;
    private final String description;
    private final List<QueryParameter> parameters;

    /**
     * @param name unique (ignoring case) name
     * @param datasourceId the datasource to run on
     * @param sqlText the SQL
     * @param description free text, or {@code null}
     * @param parameters declared parameters in display order; {@code null} means none
     */
    public SavedQuerySettings(String name, long datasourceId, String sqlText, String description,
                              List<QueryParameter> parameters) {
        this.name = name;
        this.datasourceId = datasourceId;
        this.sqlText = sqlText;
        this.description = description;
        // Keeps null entries, so that validation can report them as a field error.
        this.parameters = parameters == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    public String getName() {
        return name;
    }

    public long getDatasourceId() {
        return datasourceId;
    }

    public String getSqlText() {
        return sqlText;
    }

    /** @return the description, or {@code null} */
    public String getDescription() {
        return description;
    }

    /** @return the parameters in display order */
    public List<QueryParameter> getParameters() {
        return parameters;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SavedQuerySettings)) {
            return false;
        }
        SavedQuerySettings that = (SavedQuerySettings) o;
        return datasourceId == that.datasourceId && Objects.equals(name, that.name) && Objects.equals(sqlText, that.sqlText)
                && Objects.equals(description, that.description) && parameters.equals(that.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, datasourceId, sqlText, description, parameters);
    }

    @Override
    public String toString() {
        return "SavedQuerySettings{name=" + name + ", datasourceId=" + datasourceId + ", parameters=" + parameters + "}";
    }
}
