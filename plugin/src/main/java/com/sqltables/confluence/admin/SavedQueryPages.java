package com.sqltables.confluence.admin;

import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceService;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.execution.QueryException;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.SqlRejectedException;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The saved-query tab of the admin screen; called by {@link AdminServlet} after {@link AdminAccess} let the request in. */
final class SavedQueryPages {
    private final AdminPages pages;
    private final AdminAccess access;
    private final SavedQueryAdmin queries;
    private final QueryPreview preview;
    private final DatasourceService datasources;

    SavedQueryPages(AdminPages pages, AdminAccess access, SavedQueryAdmin queries, QueryPreview preview,
                    DatasourceService datasources) {
        this.pages = pages;
        this.access = access;
        this.queries = queries;
        this.preview = preview;
        this.datasources = datasources;
    }

    void list(HttpServletRequest request, HttpServletResponse response, int status, String error) throws IOException {
        List<SavedQuery> all = queries.list();
        Map<Long, String> datasourceNames = new HashMap<>();
        for (DatasourceService.DatasourceUsage usage : datasources.list()) {
            datasourceNames.put(usage.getDatasource().getId(), usage.getDatasource().getName());
        }
        Set<String> ownerKeys = new HashSet<>();
        all.forEach(q -> ownerKeys.add(q.getOwnerUserKey()));
        pages.render(request, response, status, "queries", AdminPages.model(
                "tab", "queries",
                "queries", all,
                "datasourceNames", datasourceNames,
                "owners", access.displayNames(ownerKeys),
                "renders", queries.renderCounts(),
                "done", AdminServlet.done(request),
                "error", error));
    }

    void create(HttpServletRequest request, HttpServletResponse response) throws IOException {
        form(request, response, HttpServletResponse.SC_OK, SavedQueryForm.blank(), null);
    }

    void edit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            long id = AdminServlet.id(request.getParameter("id")).orElseThrow(() -> new NotFoundException("no id"));
            form(request, response, HttpServletResponse.SC_OK, SavedQueryForm.of(queries.get(id)), null);
        } catch (NotFoundException e) {
            list(request, response, HttpServletResponse.SC_NOT_FOUND, pages.text("com.sqltables.confluence.admin.query.missing"));
        }
    }

    void save(HttpServletRequest request, HttpServletResponse response, String actor) throws IOException {
        SavedQueryForm form = SavedQueryForm.read(request);
        FieldErrors typeErrors = new FieldErrors();
        SavedQuerySettings settings = form.toSettings(typeErrors);
        try {
            typeErrors.throwIfAny();
            Long id = form.idOrNull();
            if (id == null) {
                queries.create(settings, actor);
                AdminServlet.redirect(request, response, AdminRoute.QUERIES, "created");
            } else {
                queries.update(id, form.revisionOrZero(), settings, actor);
                AdminServlet.redirect(request, response, AdminRoute.QUERIES, "updated");
            }
        } catch (ValidationException e) {
            form(request, response, HttpServletResponse.SC_BAD_REQUEST, form.withErrors(e.getFieldErrors()),
                    pages.text("com.sqltables.confluence.admin.form.invalid"));
        } catch (ConflictException e) {
            form(request, response, HttpServletResponse.SC_CONFLICT, form, pages.text("com.sqltables.confluence.admin.query.stale"));
        } catch (NotFoundException e) {
            list(request, response, HttpServletResponse.SC_NOT_FOUND, pages.text("com.sqltables.confluence.admin.query.missing"));
        }
    }

    void delete(HttpServletRequest request, HttpServletResponse response, String actor) throws IOException {
        try {
            queries.delete(AdminServlet.id(request.getParameter("id")).orElseThrow(() -> new NotFoundException("no id")), actor);
            AdminServlet.redirect(request, response, AdminRoute.QUERIES, "deleted");
        } catch (NotFoundException e) {
            list(request, response, HttpServletResponse.SC_NOT_FOUND, pages.text("com.sqltables.confluence.admin.query.missing"));
        }
    }

    /** JSON: the first rows of the query as typed in the form (not saved), or why it cannot run. */
    void preview(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SavedQueryForm form = SavedQueryForm.read(request);
        FieldErrors typeErrors = new FieldErrors();
        SavedQuerySettings settings = form.toSettings(typeErrors);
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
            typeErrors.throwIfAny();
            QueryPreview.Result result = preview.run(settings, SavedQueryForm.previewValues(request));
            answer.put("success", true);
            answer.put("columns", result.getColumns());
            answer.put("rows", result.getRows());
            answer.put("truncated", result.isTruncated());
            AdminServlet.json(response, HttpServletResponse.SC_OK, answer);
        } catch (ParameterException e) {
            // Values typed for the preview: worded in the administrator's language.
            answer.put("success", false);
            answer.put("message", pages.text(e));
            answer.put("fieldErrors", pages.fieldTexts(e));
            AdminServlet.json(response, HttpServletResponse.SC_BAD_REQUEST, answer);
        } catch (SqlRejectedException e) {
            // The reason is a whole sentence about the SQL: sent once, as the message (a field error
            // would repeat it under a field name the form does not have).
            answer.put("success", false);
            answer.put("message", pages.text(e));
            AdminServlet.json(response, HttpServletResponse.SC_BAD_REQUEST, answer);
        } catch (ValidationException e) {
            answer.put("success", false);
            answer.put("message", e.getMessage());
            answer.put("fieldErrors", new LinkedHashMap<>(e.getFieldErrors()));
            AdminServlet.json(response, HttpServletResponse.SC_BAD_REQUEST, answer);
        } catch (QueryException e) {
            answer.put("success", false);
            answer.put("failure", e.getFailure().name());
            answer.put("message", pages.text(e));
            AdminServlet.json(response, HttpServletResponse.SC_OK, answer);
        }
    }

    private void form(HttpServletRequest request, HttpServletResponse response, int status, SavedQueryForm form, String error)
            throws IOException {
        List<Datasource> all = new ArrayList<>();
        datasources.list().forEach(u -> all.add(u.getDatasource()));
        List<String> types = new ArrayList<>();
        for (ParameterType type : ParameterType.values()) {
            types.add(type.name());
        }
        pages.render(request, response, status, "query-form", AdminPages.model(
                "tab", "queries",
                "form", form,
                "datasources", all,
                "types", types,
                "maxSqlLength", SavedQueryAdmin.MAX_SQL_LENGTH,
                "error", error));
    }
}
