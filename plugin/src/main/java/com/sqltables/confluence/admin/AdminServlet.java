package com.sqltables.confluence.admin;

import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.Page;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.audit.AuditEvent;
import com.sqltables.confluence.audit.ao.AuditLogStore;
import com.sqltables.confluence.datasource.ConnectionCheck;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceService;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.report.UsageReportService;

import javax.inject.Inject;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The admin screen ({@code /plugins/servlet/sql-tables/admin/...}): serves exactly the {@link AdminRoute}s,
 * each only after {@link AdminAccess} let the request through. GET never changes anything; a change is
 * answered with a redirect (post/redirect/get) or, when rejected, the form again with its messages.
 */
public class AdminServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final String SERVLET_PREFIX = "/sql-tables/admin";
    static final int AUDIT_PAGE_SIZE = 50;
    /** The outcomes a redirect may announce; anything else in {@code done} is ignored, so no text is reflected. */
    private static final Set<String> DONE = Set.of("created", "updated", "deleted");
    /** The {@code confirm} value of a datasource deletion that takes its saved queries along. */
    static final String CASCADE = "cascade";

    private final transient AdminAccess access;
    private final transient AdminPages pages;
    private final transient DatasourceService datasources;
    private final transient AuditLogStore audit;
    private final transient SavedQueryPages queryPages;
    private final transient SettingsPages settingsPages;

    @Inject
    public AdminServlet(AdminAccess access, AdminPages pages, DatasourceService datasources, SavedQueryAdmin queries,
                        QueryPreview preview, AuditLogStore audit, UsageReportService usageReport) {
        this.access = access;
        this.pages = pages;
        this.datasources = datasources;
        this.audit = audit;
        this.queryPages = new SavedQueryPages(pages, access, queries, preview, datasources);
        this.settingsPages = new SettingsPages(pages, access, usageReport);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = path(request);
        Optional<AdminRoute> route = AdminRoute.find(request.getMethod(), path);
        AdminRoute.Kind kind = route.map(AdminRoute::getKind).orElse(AdminRoute.Kind.PAGE);
        Optional<AdminAccess.Refusal> refusal = access.check(request, kind);
        if (refusal.isPresent()) {
            refuse(request, response, kind, refusal.get());
            return;
        }
        if (route.isEmpty()) {
            if ("GET".equals(request.getMethod()) && (path.isEmpty() || "/".equals(path))) {
                response.sendRedirect(request.getContextPath() + AdminRoute.BASE + AdminRoute.DATASOURCES.getPath());
            } else {
                pages.render(request, response, HttpServletResponse.SC_NOT_FOUND, "message",
                        AdminPages.model("titleKey", "com.sqltables.confluence.admin.notfound.title",
                                "messageKey", "com.sqltables.confluence.admin.notfound.message"));
            }
            return;
        }
        String actor = access.actor(request);
        switch (route.get()) {
            case DATASOURCES:
                listDatasources(request, response, HttpServletResponse.SC_OK, null);
                break;
            case DATASOURCE_NEW:
                datasourceForm(request, response, HttpServletResponse.SC_OK, DatasourceForm.blank(), Map.of(), null);
                break;
            case DATASOURCE_EDIT:
                editDatasource(request, response);
                break;
            case DATASOURCE_SAVE:
                saveDatasource(request, response, actor);
                break;
            case DATASOURCE_DELETE:
                deleteDatasource(request, response, actor);
                break;
            case DATASOURCE_TEST:
                testConnection(request, response);
                break;
            case QUERIES:
                queryPages.list(request, response, HttpServletResponse.SC_OK, null);
                break;
            case QUERY_NEW:
                queryPages.create(request, response);
                break;
            case QUERY_EDIT:
                queryPages.edit(request, response);
                break;
            case QUERY_SAVE:
                queryPages.save(request, response, actor);
                break;
            case QUERY_DELETE:
                queryPages.delete(request, response, actor);
                break;
            case QUERY_PREVIEW:
                queryPages.preview(request, response);
                break;
            case AUDIT:
                auditLog(request, response);
                break;
            case SETTINGS:
                settingsPages.show(request, response, HttpServletResponse.SC_OK, null);
                break;
            case SETTINGS_SAVE:
                settingsPages.save(request, response, actor);
                break;
            case SETTINGS_REPORT_DOWNLOAD:
                settingsPages.download(response);
                break;
            default:
                throw new IllegalStateException("No handler for " + route.get());
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, AdminRoute.Kind kind,
                        AdminAccess.Refusal refusal) throws IOException {
        if (kind == AdminRoute.Kind.JSON) {
            int status = refusal == AdminAccess.Refusal.LOGIN ? HttpServletResponse.SC_UNAUTHORIZED : HttpServletResponse.SC_FORBIDDEN;
            json(response, status, Map.of("error", pages.text("com.sqltables.confluence.admin.refused." + refusal.name().toLowerCase(java.util.Locale.ROOT))));
            return;
        }
        switch (refusal) {
            case LOGIN:
                access.redirectToLogin(request, response);
                break;
            case WEBSUDO:
                access.enforceWebSudo(request, response);
                break;
            default:
                pages.render(request, response, HttpServletResponse.SC_FORBIDDEN, "message",
                        AdminPages.model("titleKey", "com.sqltables.confluence.admin.forbidden.title",
                                "messageKey", "com.sqltables.confluence.admin.refused." + refusal.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    private void listDatasources(HttpServletRequest request, HttpServletResponse response, int status, String error)
            throws IOException {
        pages.render(request, response, status, "datasources", AdminPages.model(
                "tab", "datasources",
                "datasources", datasources.list(),
                "done", done(request),
                "error", error));
    }

    private void datasourceForm(HttpServletRequest request, HttpServletResponse response, int status, DatasourceForm form,
                                Map<String, String> errors, String error) throws IOException {
        pages.render(request, response, status, "datasource-form", AdminPages.model(
                "tab", "datasources",
                "form", form,
                "kinds", DatasourceForm.kinds(),
                "errors", errors,
                "error", error));
    }

    private void editDatasource(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Datasource> datasource = id(request.getParameter("id")).flatMap(datasources::get);
        if (datasource.isEmpty()) {
            listDatasources(request, response, HttpServletResponse.SC_NOT_FOUND,
                    pages.text("com.sqltables.confluence.admin.datasource.missing"));
            return;
        }
        datasourceForm(request, response, HttpServletResponse.SC_OK, DatasourceForm.of(datasource.get()), Map.of(), null);
    }

    private void saveDatasource(HttpServletRequest request, HttpServletResponse response, String actor) throws IOException {
        DatasourceForm form = DatasourceForm.read(request);
        FieldErrors typeErrors = new FieldErrors();
        DatasourceSettings settings = form.toSettings(typeErrors);
        try {
            typeErrors.throwIfAny();
            Long id = form.idOrNull();
            if (id == null) {
                datasources.create(settings, form.password(), actor);
                redirect(request, response, AdminRoute.DATASOURCES, "created");
            } else {
                datasources.update(id, form.revisionOrZero(), settings, form.password(), actor);
                redirect(request, response, AdminRoute.DATASOURCES, "updated");
            }
        } catch (ValidationException e) {
            datasourceForm(request, response, HttpServletResponse.SC_BAD_REQUEST, form, e.getFieldErrors(),
                    pages.text("com.sqltables.confluence.admin.form.invalid"));
        } catch (ConflictException e) {
            datasourceForm(request, response, HttpServletResponse.SC_CONFLICT, form, Map.of(),
                    pages.text("com.sqltables.confluence.admin.datasource.stale"));
        } catch (NotFoundException e) {
            listDatasources(request, response, HttpServletResponse.SC_NOT_FOUND,
                    pages.text("com.sqltables.confluence.admin.datasource.missing"));
        }
    }

    /**
     * Deletes a datasource no saved query uses. One in use is refused with the reason and a cascade
     * confirmation; a second POST with {@code confirm=cascade} and the ids shown deletes the queries and
     * the datasource together.
     */
    private void deleteDatasource(HttpServletRequest request, HttpServletResponse response, String actor) throws IOException {
        Optional<Long> id = id(request.getParameter("id"));
        boolean cascade = CASCADE.equals(request.getParameter("confirm"));
        try {
            long datasourceId = id.orElseThrow(() -> new NotFoundException("no id"));
            if (cascade) {
                datasources.deleteWithSavedQueries(datasourceId, ids(request.getParameter("queryIds")), actor);
            } else {
                datasources.delete(datasourceId, actor);
            }
            redirect(request, response, AdminRoute.DATASOURCES, "deleted");
        } catch (ConflictException e) {
            Optional<Datasource> datasource = datasources.get(id.get());
            if (datasource.isEmpty()) {
                listDatasources(request, response, HttpServletResponse.SC_NOT_FOUND,
                        pages.text("com.sqltables.confluence.admin.datasource.missing"));
                return;
            }
            List<SavedQuery> users = datasources.savedQueriesUsing(id.get());
            StringBuilder queryIds = new StringBuilder();
            users.forEach(q -> queryIds.append(queryIds.length() == 0 ? "" : ",").append(q.getId()));
            pages.render(request, response, HttpServletResponse.SC_CONFLICT, "datasource-delete", AdminPages.model(
                    "tab", "datasources",
                    "datasource", datasource.get(),
                    "queries", users,
                    "queryIds", queryIds.toString(),
                    "error", e.getMessage()));
        } catch (NotFoundException e) {
            listDatasources(request, response, HttpServletResponse.SC_NOT_FOUND,
                    pages.text("com.sqltables.confluence.admin.datasource.missing"));
        }
    }

    /** @return the ids in a comma-separated list; anything unreadable is left out (the service then refuses) */
    static Set<Long> ids(String text) {
        Set<Long> ids = new HashSet<>();
        if (text != null) {
            for (String part : text.split(",")) {
                id(part).ifPresent(ids::add);
            }
        }
        return ids;
    }

    private void testConnection(HttpServletRequest request, HttpServletResponse response) throws IOException {
        DatasourceForm form = DatasourceForm.read(request);
        FieldErrors typeErrors = new FieldErrors();
        DatasourceSettings settings = form.toSettings(typeErrors);
        try {
            typeErrors.throwIfAny();
            ConnectionCheck check = datasources.testConnection(settings, form.password(), form.idOrNull());
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", check.isSuccess());
            answer.put("failure", check.getFailure().orElse(null));
            answer.put("message", check.getMessage());
            answer.put("databaseProduct", check.getDatabaseProduct().orElse(null));
            answer.put("writeWarning", check.getWriteWarning().orElse(null));
            answer.put("roundTripMillis", check.getRoundTripMillis());
            json(response, HttpServletResponse.SC_OK, answer);
        } catch (ValidationException e) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", false);
            answer.put("message", pages.text("com.sqltables.confluence.admin.form.invalid"));
            answer.put("fieldErrors", new LinkedHashMap<>(e.getFieldErrors()));
            json(response, HttpServletResponse.SC_BAD_REQUEST, answer);
        } catch (NotFoundException e) {
            json(response, HttpServletResponse.SC_NOT_FOUND,
                    Map.of("success", false, "message", pages.text("com.sqltables.confluence.admin.datasource.missing")));
        }
    }

    private void auditLog(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int page = Math.max(0, id(request.getParameter("page")).map(Long::intValue).orElse(0));
        Page<AuditEvent> events = audit.list(page * AUDIT_PAGE_SIZE, AUDIT_PAGE_SIZE);
        List<AuditEvent> items = events.getItems();
        // The log stores user keys (they survive renames); a reader knows people by name.
        Set<String> actorKeys = new HashSet<>();
        for (AuditEvent event : items) {
            actorKeys.add(event.getEntry().getActorUserKey());
        }
        pages.render(request, response, HttpServletResponse.SC_OK, "audit", AdminPages.model(
                "tab", "audit",
                "events", items,
                "actors", access.displayNames(actorKeys),
                "page", page,
                "hasPrevious", page > 0,
                "hasNext", events.hasMore(),
                "total", events.getTotal()));
    }

    /** @return the outcome a redirect announced, if it is one we know; never the raw parameter */
    static String done(HttpServletRequest request) {
        String done = request.getParameter("done");
        return done != null && DONE.contains(done) ? done : null;
    }

    static void redirect(HttpServletRequest request, HttpServletResponse response, AdminRoute route, String done)
            throws IOException {
        // 303: the browser follows with a GET, so reloading the result page never repeats the POST.
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + AdminRoute.BASE + route.getPath() + "?done=" + done);
    }

    static void json(HttpServletResponse response, int status, Map<String, ?> body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getWriter().write(Json.write(body));
    }

    static Optional<Long> id(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            long value = Long.parseLong(text.trim());
            return value >= 0 ? Optional.of(value) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static String path(HttpServletRequest request) {
        String info = request.getPathInfo();
        if (info == null) {
            return "";
        }
        return info.startsWith(SERVLET_PREFIX) ? info.substring(SERVLET_PREFIX.length()) : info;
    }
}
