package com.sqltables.confluence.datasource.ao;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.DatasourceSettings;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks {@link DatasourceSettings} against what the store can hold and what makes sense, and returns
 * them normalised (trimmed, blanks as {@code null}, list entries de-duplicated). Field names in the
 * errors are the settings' property names.
 */
final class DatasourceValidation {
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_DESCRIPTION_LENGTH = 4_000;
    static final int MAX_JDBC_URL_LENGTH = 2_048;
    static final int MAX_USERNAME_LENGTH = 255;
    static final int MAX_PASSWORD_CIPHERTEXT_LENGTH = 4_096;
    static final int MAX_CONNECTION_PROPERTIES_LENGTH = 8_000;
    static final int MAX_LIST_ENTRY_LENGTH = 255;
    static final int MAX_LIST_ENTRIES = 1_000;

    private static final Pattern SECRET_PARAMETER = Pattern.compile("(?i)[?&;:](password|pwd)=");
    /** {@code //user:password@host} and Oracle's {@code thin:user/password@host}. */
    private static final Pattern USER_INFO_WITH_PASSWORD = Pattern.compile("//[^/@?;]*:[^/@?;]*@|(?i)thin:[^@/:]+/[^@]+@");
    private static final Pattern SECRET_PROPERTY = Pattern.compile("(?im)^\\s*(password|pwd)\\s*[=:]");

    private DatasourceValidation() {
    }

    /**
     * @return the normalised settings
     * @throws ValidationException naming every invalid field
     */
    static DatasourceSettings validate(DatasourceSettings settings) {
        if (settings == null) {
            throw new ValidationException("settings", "are required");
        }
        FieldErrors errors = new FieldErrors();
        String name = errors.requireLine("name", settings.getName(), MAX_NAME_LENGTH);
        String description = errors.optionalText("description", settings.getDescription(), MAX_DESCRIPTION_LENGTH);
        errors.check(settings.getConnectionKind() != null, "connectionKind", "is required");
        String jdbcUrl = errors.requireLine("jdbcUrl", settings.getJdbcUrl(), MAX_JDBC_URL_LENGTH);
        if (jdbcUrl != null && !jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:")) {
            errors.add("jdbcUrl", "must start with jdbc:");
        } else if (jdbcUrl != null && (SECRET_PARAMETER.matcher(jdbcUrl).find() || USER_INFO_WITH_PASSWORD.matcher(jdbcUrl).find())) {
            // The URL is stored and shown in clear; only the password field is encrypted.
            errors.add("jdbcUrl", "must not contain a password: use the password field");
        }
        String username = errors.optionalLine("username", settings.getUsername(), MAX_USERNAME_LENGTH);
        String ciphertext = errors.optionalLine("passwordCiphertext", settings.getPasswordCiphertext(),
                MAX_PASSWORD_CIPHERTEXT_LENGTH);
        String properties = errors.optionalText("connectionProperties", settings.getConnectionProperties(),
                MAX_CONNECTION_PROPERTIES_LENGTH);
        if (properties != null && SECRET_PROPERTY.matcher(properties).find()) {
            errors.add("connectionProperties", "must not contain a password: use the password field");
        }
        errors.range("poolSize", settings.getPoolSize(), 1, 100);
        errors.range("connectionTimeoutMs", settings.getConnectionTimeoutMs(), 250, 300_000);
        errors.range("queryTimeoutSeconds", settings.getQueryTimeoutSeconds(), 1, 3_600);
        errors.range("maxRows", settings.getMaxRows(), 1, 1_000_000);
        List<String> spaces = entries(errors, "allowedSpaces", settings.getAllowedSpaces());
        List<String> groups = entries(errors, "allowedGroups", settings.getAllowedGroups());
        errors.throwIfAny();
        return settings.toBuilder()
                .name(name).description(description).jdbcUrl(jdbcUrl).username(username)
                .passwordCiphertext(ciphertext).connectionProperties(properties)
                .allowedSpaces(spaces).allowedGroups(groups)
                .build();
    }

    private static List<String> entries(FieldErrors errors, String field, List<String> values) {
        Set<String> unique = new LinkedHashSet<>();
        for (String value : values) {
            String entry = errors.optionalLine(field, value, MAX_LIST_ENTRY_LENGTH);
            if (entry != null) {
                unique.add(entry);
            }
        }
        errors.check(unique.size() <= MAX_LIST_ENTRIES, field, "must have at most " + MAX_LIST_ENTRIES + " entries");
        return new ArrayList<>(unique);
    }
}
