package com.sqltables.confluence.query.ao;

import net.java.ao.Entity;
import net.java.ao.Preload;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * A parameter a saved query declares. Rows of one query are replaced together whenever the query
 * changes. Table {@code AO_40B3A7_QUERY_PARAM}.
 */
@Preload
@Table("QUERY_PARAM")
public interface QueryParamEntity extends Entity {
    String COLUMN_SAVED_QUERY_ID = "SAVED_QUERY_ID";
    String COLUMN_PARAM_NAME = "PARAM_NAME";
    String COLUMN_PARAM_TYPE = "PARAM_TYPE";
    String COLUMN_DEFAULT_VALUE = "DEFAULT_VALUE";
    String COLUMN_PARAM_REQUIRED = "PARAM_REQUIRED";
    String COLUMN_URL_SETTABLE = "URL_SETTABLE";
    String COLUMN_PARAM_POSITION = "PARAM_POSITION";

    /** @return the query declaring the parameter (column {@code SAVED_QUERY_ID}, a foreign key) */
    @NotNull
    @Indexed
    SavedQueryEntity getSavedQuery();

    void setSavedQuery(SavedQueryEntity savedQuery);

    /** @return the name used in the SQL and in page and URL parameters */
    @NotNull
    String getParamName();

    void setParamName(String paramName);

    /** @return a {@code ParameterType} name, e.g. {@code INTEGER} */
    @NotNull
    @StringLength(32)
    String getParamType();

    void setParamType(String paramType);

    /** @return the value used when none is given, in the type's text form, or {@code null} */
    @StringLength(StringLength.UNLIMITED)
    String getDefaultValue();

    void setDefaultValue(String defaultValue);

    /** @return whether a value (or a default) must be present to run the query */
    @NotNull
    boolean isParamRequired();

    void setParamRequired(boolean paramRequired);

    /** @return whether a page viewer may set the value through the page URL */
    @NotNull
    boolean isUrlSettable();

    void setUrlSettable(boolean urlSettable);

    /** @return the 0-based position among the query's parameters */
    @NotNull
    int getParamPosition();

    void setParamPosition(int paramPosition);
}
