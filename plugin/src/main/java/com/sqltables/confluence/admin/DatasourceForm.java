package com.sqltables.confluence.admin;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;

import javax.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The datasource form as typed: every value kept as text so that a rejected form shows exactly what was
 * entered. The password is write-only: it is read from the request but has no getter for the template.
 */
public final class DatasourceForm {
    private String id = "";
    private String revision = "";
    private String name = "";
    private String description = "";
    private String connectionKind = ConnectionKind.POSTGRESQL.name();
    private String jdbcUrl = "";
    private String username = "";
    private String password = "";
    private String connectionProperties = "";
    private boolean readOnly = true;
    private String poolSize = String.valueOf(DatasourceSettings.DEFAULT_POOL_SIZE);
    private String connectionTimeoutMs = String.valueOf(DatasourceSettings.DEFAULT_CONNECTION_TIMEOUT_MS);
    private String queryTimeoutSeconds = String.valueOf(DatasourceSettings.DEFAULT_QUERY_TIMEOUT_SECONDS);
    private String maxRows = String.valueOf(DatasourceSettings.DEFAULT_MAX_ROWS);
    private boolean inlineSqlAllowed;
    private String allowedSpaces = "";
    private String allowedGroups = "";

    private DatasourceForm() {
    }

    static DatasourceForm blank() {
        return new DatasourceForm();
    }

    static DatasourceForm of(Datasource datasource) {
        DatasourceSettings s = datasource.getSettings();
        DatasourceForm form = new DatasourceForm();
        form.id = String.valueOf(datasource.getId());
        form.revision = String.valueOf(datasource.getRevision());
        form.name = s.getName();
        form.description = orEmpty(s.getDescription());
        form.connectionKind = s.getConnectionKind().name();
        form.jdbcUrl = s.getJdbcUrl();
        form.username = orEmpty(s.getUsername());
        form.connectionProperties = orEmpty(s.getConnectionProperties());
        form.readOnly = s.isReadOnly();
        form.poolSize = String.valueOf(s.getPoolSize());
        form.connectionTimeoutMs = String.valueOf(s.getConnectionTimeoutMs());
        form.queryTimeoutSeconds = String.valueOf(s.getQueryTimeoutSeconds());
        form.maxRows = String.valueOf(s.getMaxRows());
        form.inlineSqlAllowed = s.isInlineSqlAllowed();
        form.allowedSpaces = String.join(", ", s.getAllowedSpaces());
        form.allowedGroups = String.join(", ", s.getAllowedGroups());
        return form;
    }

    static DatasourceForm read(HttpServletRequest request) {
        DatasourceForm form = new DatasourceForm();
        form.id = param(request, "id");
        form.revision = param(request, "revision");
        form.name = param(request, "name");
        form.description = param(request, "description");
        form.connectionKind = param(request, "connectionKind");
        form.jdbcUrl = param(request, "jdbcUrl");
        form.username = param(request, "username");
        form.password = param(request, "password");
        form.connectionProperties = param(request, "connectionProperties");
        form.readOnly = request.getParameter("readOnly") != null;
        form.poolSize = param(request, "poolSize");
        form.connectionTimeoutMs = param(request, "connectionTimeoutMs");
        form.queryTimeoutSeconds = param(request, "queryTimeoutSeconds");
        form.maxRows = param(request, "maxRows");
        form.inlineSqlAllowed = request.getParameter("inlineSqlAllowed") != null;
        form.allowedSpaces = param(request, "allowedSpaces");
        form.allowedGroups = param(request, "allowedGroups");
        return form;
    }

    /**
     * @param errors receives a message per field that is not even of the right type; the service checks the rest
     * @return the settings, or {@code null} when {@code errors} got a message
     */
    DatasourceSettings toSettings(FieldErrors errors) {
        ConnectionKind kind = ConnectionKind.parse(connectionKind).orElse(null);
        errors.check(kind != null, "connectionKind", "must be one of " + Arrays.toString(ConnectionKind.values()));
        int pool = number(errors, "poolSize", poolSize);
        int connectTimeout = number(errors, "connectionTimeoutMs", connectionTimeoutMs);
        int queryTimeout = number(errors, "queryTimeoutSeconds", queryTimeoutSeconds);
        int rows = number(errors, "maxRows", maxRows);
        if (!errors.isEmpty()) {
            return null;
        }
        return DatasourceSettings.builder()
                .name(name).description(description).connectionKind(kind).jdbcUrl(jdbcUrl).username(username)
                .connectionProperties(connectionProperties).readOnly(readOnly).poolSize(pool)
                .connectionTimeoutMs(connectTimeout).queryTimeoutSeconds(queryTimeout).maxRows(rows)
                .inlineSqlAllowed(inlineSqlAllowed).allowedSpaces(list(allowedSpaces)).allowedGroups(list(allowedGroups))
                .build();
    }

    /** @return the id of the datasource being edited, or {@code null} for a new one */
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

    /** The plain password typed in; only for the service, never for a template. */
    String password() {
        return password;
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

    public String getDescription() {
        return description;
    }

    public String getConnectionKind() {
        return connectionKind;
    }

    public String getJdbcUrl() {
        return jdbcUrl;
    }

    public String getUsername() {
        return username;
    }

    public String getConnectionProperties() {
        return connectionProperties;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    public String getPoolSize() {
        return poolSize;
    }

    public String getConnectionTimeoutMs() {
        return connectionTimeoutMs;
    }

    public String getQueryTimeoutSeconds() {
        return queryTimeoutSeconds;
    }

    public String getMaxRows() {
        return maxRows;
    }

    public boolean isInlineSqlAllowed() {
        return inlineSqlAllowed;
    }

    /**
     * @return whether SQL in pages is allowed while no group is listed: only members of the allowed groups
     *     may write SQL, so nobody could — worth a warning, not an error (the admin may add groups later)
     */
    public boolean isInlineSqlWithoutGroups() {
        return inlineSqlAllowed && list(allowedGroups).isEmpty();
    }

    public String getAllowedSpaces() {
        return allowedSpaces;
    }

    public String getAllowedGroups() {
        return allowedGroups;
    }

    public boolean isNew() {
        return id.isEmpty();
    }

    private static int number(FieldErrors errors, String field, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            errors.add(field, "must be a whole number");
            return 0;
        }
    }

    /** Commas or line breaks separate entries, so both "DEV, OPS" and one per line work. */
    private static List<String> list(String text) {
        List<String> entries = new ArrayList<>();
        for (String part : text.split("[,\\r\\n]+")) {
            if (!part.trim().isEmpty()) {
                entries.add(part.trim());
            }
        }
        return entries;
    }

    private static String param(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    static List<String> kinds() {
        List<String> kinds = new ArrayList<>();
        for (ConnectionKind kind : ConnectionKind.values()) {
            kinds.add(kind.name().toUpperCase(Locale.ROOT));
        }
        return kinds;
    }
}
