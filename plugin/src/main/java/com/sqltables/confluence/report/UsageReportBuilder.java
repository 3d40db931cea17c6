package com.sqltables.confluence.report;

import com.atlassian.confluence.user.UserAccessor;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.ApplicationProperties;
import com.atlassian.sal.api.license.LicenseHandler;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.ao.SavedQueryStore;
import com.sqltables.confluence.usage.ao.ActiveUserStore;
import com.sqltables.confluence.usage.ao.RenderedTableStore;
import com.sqltables.confluence.usage.ao.UsageCounterStore;
import com.sqltables.confluence.usage.event.UsageCounter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Builds a period's usage report from counts only. Every text that goes into it is either a constant of
 * the app (counter keys, connection kinds) or a host identifier reduced to letters, digits and
 * {@code . _ -} (server ID, Confluence version and build): no name, key, address, title, SQL, URL or
 * host name can reach the report, whatever the stores hold. Fields: docs/USAGE-REPORT.md.
 */
@Named
public class UsageReportBuilder {
    private static final Pattern SAFE = Pattern.compile("[^A-Za-z0-9._-]");
    private static final Pattern PLUGIN_VERSION = Pattern.compile("<plugin-info>.*?<version>([^<]*)</version>", Pattern.DOTALL);
    private static final int MAX_TOKEN = 64;

    private final LicenseHandler licenseHandler;
    private final ApplicationProperties applicationProperties;
    private final UserAccessor userAccessor;
    private final DatasourceStore datasources;
    private final SavedQueryStore savedQueries;
    private final UsageCounterStore counters;
    private final ActiveUserStore activeUsers;
    private final RenderedTableStore tables;
    private final String appVersion;

    @Inject
    public UsageReportBuilder(@ComponentImport LicenseHandler licenseHandler,
                              @ComponentImport ApplicationProperties applicationProperties,
                              @ComponentImport UserAccessor userAccessor, DatasourceStore datasources,
                              SavedQueryStore savedQueries, UsageCounterStore counters, ActiveUserStore activeUsers,
                              RenderedTableStore tables) {
        this.licenseHandler = Objects.requireNonNull(licenseHandler, "licenseHandler");
        this.applicationProperties = Objects.requireNonNull(applicationProperties, "applicationProperties");
        this.userAccessor = Objects.requireNonNull(userAccessor, "userAccessor");
        this.datasources = Objects.requireNonNull(datasources, "datasources");
        this.savedQueries = Objects.requireNonNull(savedQueries, "savedQueries");
        this.counters = Objects.requireNonNull(counters, "counters");
        this.activeUsers = Objects.requireNonNull(activeUsers, "activeUsers");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.appVersion = readAppVersion();
    }

    /** @param period a month, e.g. {@code 2026-10} */
    public UsageReport build(String period) {
        YearMonth month = YearMonth.parse(period);
        Instant start = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String serverId = safe(licenseHandler.getServerId());

        List<Datasource> allDatasources = datasources.list();
        Map<String, Object> byKind = new TreeMap<>();
        for (ConnectionKind kind : ConnectionKind.values()) {
            byKind.put(kind.name(), 0L);
        }
        long readOnly = 0;
        Set<String> administrators = new HashSet<>();
        for (Datasource datasource : allDatasources) {
            String kind = datasource.getSettings().getConnectionKind().name();
            byKind.put(kind, (Long) byKind.get(kind) + 1);
            if (datasource.getSettings().isReadOnly()) {
                readOnly++;
            }
            addUser(administrators, datasource.getCreatedBy());
            addUser(administrators, datasource.getModifiedBy());
        }
        List<SavedQuery> allQueries = savedQueries.list();
        long modifiedInPeriod = 0;
        for (SavedQuery query : allQueries) {
            Instant modified = query.getModified();
            if (modified != null && !modified.isBefore(start) && modified.isBefore(end)) {
                modifiedInPeriod++;
            }
            addUser(administrators, query.getOwnerUserKey());
            addUser(administrators, query.getModifiedBy());
        }
        Map<String, Long> totals = counters.totals(period);
        Map<String, Object> features = new TreeMap<>();
        // Only the app's own counters, each always present: unknown keys in the store never leave.
        for (UsageCounter counter : UsageCounter.values()) {
            features.put(counter.key(), totals.getOrDefault(counter.key(), 0L));
        }

        Map<String, Object> datasourceCounts = new TreeMap<>();
        datasourceCounts.put("total", (long) allDatasources.size());
        datasourceCounts.put("byKind", byKind);
        datasourceCounts.put("readOnly", readOnly);
        datasourceCounts.put("readWrite", allDatasources.size() - readOnly);
        Map<String, Object> queryCounts = new TreeMap<>();
        queryCounts.put("total", (long) allQueries.size());
        queryCounts.put("modifiedInPeriod", modifiedInPeriod);
        Map<String, Object> tableCounts = new TreeMap<>();
        tableCounts.put("rendered", (long) tables.count(period));
        Map<String, Object> users = new TreeMap<>();
        users.put("licensed", (long) userAccessor.countLicenseConsumingUsers());
        users.put("activeMacroUsers", (long) activeUsers.count(period));
        users.put("administrators", (long) administrators.size());
        Map<String, Object> confluence = new TreeMap<>();
        confluence.put("version", safe(applicationProperties.getVersion()));
        confluence.put("build", safe(applicationProperties.getBuildNumber()));

        Map<String, Object> document = new TreeMap<>();
        document.put("schemaVersion", (long) UsageReport.SCHEMA_VERSION);
        document.put("serverId", serverId);
        document.put("period", period);
        document.put("confluence", confluence);
        document.put("appVersion", appVersion);
        document.put("users", users);
        document.put("datasources", datasourceCounts);
        document.put("savedQueries", queryCounts);
        document.put("tables", tableCounts);
        document.put("features", features);
        String json = CanonicalJson.write(document);

        String reportId = serverId + "/" + period;
        String messageId = "<sql-tables-usage." + period + "." + serverId + "@sql-tables.usage-report>";
        String subject = "SQL Tables usage report " + period + " (" + serverId + ")";
        String text = text(document, users, datasourceCounts, queryCounts, tableCounts, confluence, byKind, features);
        return new UsageReport(period, reportId, messageId, subject, text, json);
    }

    private static String text(Map<String, Object> doc, Map<String, Object> users, Map<String, Object> ds,
                               Map<String, Object> queries, Map<String, Object> tables, Map<String, Object> confluence,
                               Map<String, Object> byKind, Map<String, Object> features) {
        StringBuilder out = new StringBuilder();
        line(out, "SQL Tables for Confluence - monthly usage report");
        line(out, "");
        line(out, "This report holds counts only: no user names, keys or e-mail addresses, no page titles or space");
        line(out, "keys, no SQL, no JDBC URLs, host names or passwords. The same data is attached as JSON.");
        line(out, "");
        line(out, "Schema version:        " + doc.get("schemaVersion"));
        line(out, "Server ID:             " + doc.get("serverId"));
        line(out, "Period:                " + doc.get("period"));
        line(out, "Confluence:            " + confluence.get("version") + " (build " + confluence.get("build") + ")");
        line(out, "App version:           " + doc.get("appVersion"));
        line(out, "Licensed users:        " + users.get("licensed"));
        line(out, "Active macro users:    " + users.get("activeMacroUsers"));
        line(out, "Administrators:        " + users.get("administrators"));
        line(out, "Datasources:           " + ds.get("total") + " (read-only " + ds.get("readOnly") + ", read-write "
                + ds.get("readWrite") + ")");
        for (Map.Entry<String, Object> e : byKind.entrySet()) {
            line(out, "  " + e.getKey() + ": " + e.getValue());
        }
        line(out, "Saved queries:         " + queries.get("total") + " (modified in the period: "
                + queries.get("modifiedInPeriod") + ")");
        line(out, "SQL tables rendered:   " + tables.get("rendered"));
        line(out, "Feature counters:");
        for (Map.Entry<String, Object> e : features.entrySet()) {
            line(out, "  " + e.getKey() + ": " + e.getValue());
        }
        line(out, "");
        line(out, "Administrators can preview, download or switch off this report in Confluence administration,");
        line(out, "SQL Tables, Settings.");
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        // CRLF: the line end mail uses on the wire, so the preview and the received body are the same bytes.
        out.append(text).append("\r\n");
    }

    private static void addUser(Set<String> users, String userKey) {
        if (userKey != null && !userKey.isEmpty()) {
            users.add(userKey);
        }
    }

    /** @return the text reduced to letters, digits and {@code . _ -}, at most 64 characters; {@code unknown} if empty */
    static String safe(String text) {
        String cleaned = text == null ? "" : SAFE.matcher(text).replaceAll("");
        if (cleaned.length() > MAX_TOKEN) {
            cleaned = cleaned.substring(0, MAX_TOKEN);
        }
        return cleaned.isEmpty() ? "unknown" : cleaned;
    }

    /** The app's version from its own descriptor (Maven writes it there at build time). */
    private static String readAppVersion() {
        try (InputStream in = UsageReportBuilder.class.getClassLoader().getResourceAsStream("atlassian-plugin.xml")) {
            if (in == null) {
                return "unknown";
            }
            Matcher m = PLUGIN_VERSION.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return m.find() ? safe(m.group(1)) : "unknown";
        } catch (IOException e) {
            return "unknown";
        }
    }
}
