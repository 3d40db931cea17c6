package com.sqltables.confluence.admin;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The saved-query form as typed. Declared parameters are rows {@code param.<field>.<i>}; rows with an empty
 * name are dropped and the rest renumbered, so that the store's field names ({@code parameters[i].name})
 * match the rows shown again. A few empty rows are always offered for new parameters.
 */
public final class SavedQueryForm {
    static final int EMPTY_ROWS = 3;
    private static final int MAX_ROWS_READ = 200;

    private String id = "";
    private String revision = "";
    private String name = "";
    private String datasourceId = "";
    private String sqlText = "";
    private String description = "";
    private final List<ParamRow> parameters = new ArrayList<>();
    private Map<String, String> errors = Collections.emptyMap();

    private SavedQueryForm() {
    }

    static SavedQueryForm blank() {
        return new SavedQueryForm().padded();
    }

    static SavedQueryForm of(SavedQuery query) {
        SavedQueryForm form = new SavedQueryForm();
        SavedQuerySettings s = query.getSettings();
        form.id = String.valueOf(query.getId());
        form.revision = String.valueOf(query.getRevision());
        form.name = s.getName();
        form.datasourceId = String.valueOf(s.getDatasourceId());
        form.sqlText = s.getSqlText();
        form.description = s.getDescription() == null ? "" : s.getDescription();
        for (QueryParameter p : s.getParameters()) {
            form.parameters.add(new ParamRow(p.getName(), p.getType().name(), p.getDefaultValue() == null ? "" : p.getDefaultValue(),
                    p.isRequired(), p.isUrlSettable()));
        }
        return form.padded();
    }

    static SavedQueryForm read(HttpServletRequest request) {
        SavedQueryForm form = new SavedQueryForm();
        form.id = param(request, "id");
        form.revision = param(request, "revision");
        form.name = param(request, "name");
        form.datasourceId = param(request, "datasourceId");
        form.sqlText = param(request, "sqlText");
        form.description = param(request, "description");
        for (int i = 0; i < MAX_ROWS_READ; i++) {
            String rowName = request.getParameter("param.name." + i);
            if (rowName == null) {
                break;
            }
            if (!rowName.trim().isEmpty()) {
                form.parameters.add(new ParamRow(rowName, param(request, "param.type." + i), param(request, "param.default." + i),
                        request.getParameter("param.required." + i) != null, request.getParameter("param.url." + i) != null));
            }
        }
        return form.padded();
    }

    /**
     * The preview's ad-hoc values ({@code param.preview.<i>} next to each declared parameter's row): never
     * saved, only used to run the preview. Empty fields are left out, so the declared default applies.
     *
     * @return parameter name → value text as typed
     */
    static Map<String, String> previewValues(HttpServletRequest request) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (int i = 0; i < MAX_ROWS_READ; i++) {
            String rowName = request.getParameter("param.name." + i);
            if (rowName == null) {
                break;
            }
            String value = request.getParameter("param.preview." + i);
            if (!rowName.trim().isEmpty() && value != null && !value.isEmpty()) {
                values.putIfAbsent(rowName.trim(), value);
            }
        }
        return values;
    }

    /** @return the settings, or {@code null} when {@code errors} got a message about a value of the wrong kind */
    SavedQuerySettings toSettings(FieldErrors errors) {
        long datasource = 0;
        try {
            datasource = Long.parseLong(datasourceId.trim());
        } catch (NumberFormatException e) {
            errors.add("datasourceId", "is required");
        }
        List<QueryParameter> declared = new ArrayList<>();
        for (int i = 0; i < parameters.size(); i++) {
            ParamRow row = parameters.get(i);
            if (row.getName().trim().isEmpty()) {
                continue;
            }
            ParameterType type = ParameterType.parse(row.getType()).orElse(null);
            if (type == null) {
                errors.add("parameters[" + i + "].type", "is required");
            }
            declared.add(new QueryParameter(row.getName(), type, row.getDefaultValue().isEmpty() ? null : row.getDefaultValue(),
                    row.isRequired(), row.isUrlSettable()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SavedQuerySettings(name, datasource, sqlText, description, declared);
    }

    /** Remembers the errors to show, by field name as the store reports them. */
    SavedQueryForm withErrors(Map<String, String> fieldErrors) {
        this.errors = fieldErrors;
        return this;
    }

    private SavedQueryForm padded() {
        for (int i = 0; i < EMPTY_ROWS; i++) {
            parameters.add(new ParamRow("", ParameterType.TEXT.name(), "", false, false));
        }
        return this;
    }

    Long idOrNull() {
        try {
            return id.isEmpty() ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            return -1L;
        }
    }

    long revisionOrZero() {
        try {
            return Long.parseLong(revision);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public String getId() {
        return id;
    }

    public String getRevision() {
        return revision;
    }

    public String getName() {
        return name;
    }

    public String getDatasourceId() {
        return datasourceId;
    }

    public String getSqlText() {
        return sqlText;
    }

    public String getDescription() {
        return description;
    }

    public List<ParamRow> getParameters() {
        return parameters;
    }

    public boolean isNew() {
        return id.isEmpty();
    }

    /** @return the message for a field, e.g. {@code parameters[1].type}, or {@code null} */
    public String error(String field) {
        return errors.get(field);
    }

    /** @return the message for a field of parameter row {@code index}, or {@code null} */
    public String paramError(int index, String field) {
        return errors.get("parameters[" + index + "]." + field);
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    /** One declared parameter as typed. */
    public static final class ParamRow {
        private final String name;
        private final String type;
        private final String defaultValue;
        private final boolean required;
        private final boolean urlSettable;

        ParamRow(String name, String type, String defaultValue, boolean required, boolean urlSettable) {
            this.name = name;
            this.type = type;
            this.defaultValue = defaultValue;
            this.required = required;
            this.urlSettable = urlSettable;
        }

        public String getName() {
            return name;
        }

        public String getType() {
            return type;
        }

        public String getDefaultValue() {
            return defaultValue;
        }

        public boolean isRequired() {
            return required;
        }

        public boolean isUrlSettable() {
            return urlSettable;
        }
    }
}
