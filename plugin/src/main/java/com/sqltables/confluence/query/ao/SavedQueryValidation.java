package com.sqltables.confluence.query.ao;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuerySettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks and normalises {@link SavedQuerySettings}; the datasource's existence is checked by the store. */
final class SavedQueryValidation {
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_SQL_LENGTH = 100_000;
    static final int MAX_DESCRIPTION_LENGTH = 4_000;
    static final int MAX_PARAMETERS = 50;
    static final int MAX_DEFAULT_VALUE_LENGTH = 4_000;
    static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private SavedQueryValidation() {
    }

    static SavedQuerySettings validate(SavedQuerySettings settings) {
        if (settings == null) {
            throw new ValidationException("settings", "are required");
        }
        FieldErrors errors = new FieldErrors();
        String name = errors.requireLine("name", settings.getName(), MAX_NAME_LENGTH);
        errors.check(settings.getDatasourceId() > 0, "datasourceId", "is required");
        String sql = settings.getSqlText();
        if (sql == null || sql.trim().isEmpty()) {
            errors.add("sqlText", "is required");
        } else {
            errors.check(sql.length() <= MAX_SQL_LENGTH, "sqlText",
                    "must be at most " + MAX_SQL_LENGTH + " characters (was " + sql.length() + ")");
        }
        String description = errors.optionalText("description", settings.getDescription(), MAX_DESCRIPTION_LENGTH);
        List<QueryParameter> parameters = parameters(errors, settings.getParameters());
        errors.throwIfAny();
        return new SavedQuerySettings(name, settings.getDatasourceId(), sql.strip(), description, parameters);
    }

    private static List<QueryParameter> parameters(FieldErrors errors, List<QueryParameter> given) {
        if (given.size() > MAX_PARAMETERS) {
            errors.add("parameters", "must be at most " + MAX_PARAMETERS + " (were " + given.size() + ")");
            return List.of();
        }
        List<QueryParameter> valid = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "parameters[" + i + "]";
            QueryParameter parameter = given.get(i);
            if (parameter == null) {
                errors.add(field, "is missing");
                continue;
            }
            String name = parameter.getName() == null ? "" : parameter.getName().trim();
            if (name.isEmpty()) {
                errors.add(field + ".name", "is required");
            } else if (!PARAMETER_NAME.matcher(name).matches()) {
                errors.add(field + ".name", "must start with a letter or _ and contain only letters, digits and _"
                        + " (at most 64)");
            } else if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                errors.add(field + ".name", "'" + name + "' is declared twice");
            }
            String defaultValue = errors.optionalText(field + ".defaultValue", parameter.getDefaultValue(),
                    MAX_DEFAULT_VALUE_LENGTH);
            if (defaultValue != null && parameter.getType() != null && parameter.getType() != ParameterType.TEXT) {
                defaultValue = defaultValue.trim();
            }
            if (parameter.getType() == null) {
                errors.add(field + ".type", "is required");
            } else if (defaultValue != null && !parameter.getType().accepts(defaultValue)) {
                errors.add(field + ".defaultValue", "must be " + parameter.getType().describe());
            }
            valid.add(new QueryParameter(name, parameter.getType(), defaultValue, parameter.isRequired(),
                    parameter.isUrlSettable()));
        }
        return valid;
    }
}
