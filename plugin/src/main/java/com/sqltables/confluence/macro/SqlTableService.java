package com.sqltables.confluence.macro;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.access.AccessDeniedException;
import com.sqltables.confluence.access.DatasourcePermissions;
import com.sqltables.confluence.access.StoredSql;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.macro.render.I18nTableTexts;
import com.sqltables.confluence.macro.render.TableTexts;
import com.sqltables.confluence.macro.render.ResultTableRenderer;
import com.sqltables.confluence.macro.render.TableOptions;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.execution.QueryException;
import com.sqltables.confluence.query.execution.QueryFailure;
import com.sqltables.confluence.query.execution.QueryExecutor;
import com.sqltables.confluence.query.execution.QueryRequest;
import com.sqltables.confluence.sql.BoundParameters;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.ParsedSql;
import com.sqltables.confluence.sql.ReadOnlyStatementValidator;
import com.sqltables.confluence.sql.SqlDialect;
import com.sqltables.confluence.sql.SqlRejectedException;
import com.sqltables.confluence.usage.event.MacroRender;
import com.sqltables.confluence.usage.event.UsageEvents;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Does the work of one {@code sql-table} render: finds the datasource and saved query, applies the
 * access rules, works out the parameter values, checks the SQL, runs it (or takes the cached table)
 * and renders the table; every failure becomes an error box with a safe, escaped message. Reports each
 * render to {@link UsageEvents}. Never throws for an expected failure.
 */
@Named
public class SqlTableService {
    static final String KEY_PREFIX = "com.sqltables.confluence.sql-table.";
    private static final Logger log = LoggerFactory.getLogger(SqlTableService.class);

    private final Definitions definitions;
    private final DatasourcePermissions permissions;
    private final ReadOnlyStatementValidator validator;
    private final QueryExecutor executor;
    private final ResultTableRenderer renderer;
    private final ResultCache cache;
    private final UsageEvents usage;
    private final I18nResolver i18n;

    @Inject
    public SqlTableService(Definitions definitions, DatasourcePermissions permissions,
                           ReadOnlyStatementValidator validator, QueryExecutor executor, ResultTableRenderer renderer,
                           ResultCache cache, UsageEvents usage, @ComponentImport I18nResolver i18n) {
        this.definitions = definitions;
        this.permissions = permissions;
        this.validator = validator;
        this.executor = executor;
        this.renderer = renderer;
        this.cache = cache;
        this.usage = usage;
        this.i18n = i18n;
    }

    /** @return the table, or an error box; never {@code null} */
    public String render(MacroParameters parameters, RenderContext context) {
        MacroRender.Builder event = event(context)
                .querySource(parameters.isInline() ? MacroRender.QuerySource.INLINE : MacroRender.QuerySource.SAVED)
                .rowNumbers(parameters.isRowNumbers())
                .caption(parameters.getCaption() != null)
                .numberFormat(parameters.getFormat().getNumberPattern() != null)
                .dateFormat(parameters.getFormat().getDatePattern() != null)
                .columnAlignment(!parameters.getFormat().getAlignments().isEmpty());
        try {
            String html = renderTable(parameters, context, event);
            event.outcome(MacroRender.Outcome.SUCCESS);
            return html;
        } catch (MacroParameterException e) {
            return fail(event, MacroRender.Outcome.MACRO_PARAMETER, e.text(i18n));
        } catch (NotFoundException e) {
            return fail(event, MacroRender.Outcome.NOT_FOUND, e.getMessage());
        } catch (AccessDeniedException e) {
            return fail(event, MacroRender.Outcome.ACCESS_DENIED, e.text(i18n));
        } catch (ParameterException e) {
            return fail(event, MacroRender.Outcome.QUERY_PARAMETER, e.text(i18n));
        } catch (SqlRejectedException e) {
            return fail(event, MacroRender.Outcome.SQL_REJECTED, e.text(i18n));
        } catch (QueryFailed e) {
            return fail(event, outcomeOf(e.failure), failureMessage(e, context));
        } catch (RuntimeException e) {
            String reference = newReference();
            // The page shows only the reference; the details are for the administrator.
            log.error("SQL table failed (reference {})", reference, e);
            return fail(event, MacroRender.Outcome.INTERNAL, i18n.getText(KEY_PREFIX + "error.internal.message",
                    reference));
        } finally {
            usage.macroRendered(event.build());
        }
    }

    /**
     * Reports and renders a macro whose parameters could not be read.
     *
     * @return the error box
     */
    public String renderParameterError(MacroParameterException error, RenderContext context) {
        MacroRender.Builder event = event(context);
        try {
            return fail(event, MacroRender.Outcome.MACRO_PARAMETER, error.text(i18n));
        } finally {
            usage.macroRendered(event.build());
        }
    }

    private static MacroRender.Builder event(RenderContext context) {
        return MacroRender.builder()
                .output(outputOf(context.getOutputMode()))
                .viewerUserKey(context.getViewer() == null ? null : context.getViewer().getStringValue())
                .tableKey(context.getTableKey());
    }

    private String renderTable(MacroParameters parameters, RenderContext context, MacroRender.Builder event) {
        Datasource datasource;
        String sql;
        List<QueryParameter> declared;
        if (parameters.isInline()) {
            datasource = definitions.datasourceNamed(parameters.getDatasource()).orElseThrow(() -> new NotFoundException(
                    i18n.getText(KEY_PREFIX + "not.found.datasource", parameters.getDatasource())));
            sql = parameters.getInlineSql();
            declared = List.of();
        } else {
            SavedQuery query = definitions.savedQueryNamed(parameters.getQueryName()).orElseThrow(() ->
                    new NotFoundException(i18n.getText(KEY_PREFIX + "not.found.query", parameters.getQueryName())));
            event.savedQueryId(query.getId());
            datasource = definitions.datasource(query.getSettings().getDatasourceId()).orElseThrow(() ->
                    new NotFoundException(i18n.getText(KEY_PREFIX + "not.found.query.datasource", query.getName())));
            if (parameters.getDatasource() != null && !parameters.getDatasource().equalsIgnoreCase(datasource.getName())) {
                throw new MacroParameterException("datasource", "datasource.mismatch", parameters.getDatasource(),
                        query.getName(), datasource.getName());
            }
            sql = query.getSettings().getSqlText();
            declared = query.getSettings().getParameters();
        }
        permissions.checkView(datasource, context.getSpaceKey(), context.getViewer());
        if (parameters.isInline()) {
            permissions.checkInlineSql(datasource, context.getSqlAuthor());
            // Outside the editor, the SQL must be part of the saved content whose author was checked.
            if (context.getOutputMode() != OutputMode.PREVIEW && !StoredSql.isPartOf(context.getStoredBody(), sql)) {
                throw new AccessDeniedException(AccessDeniedException.Reason.SQL_AUTHOR, "sql.unsaved");
            }
        }
        for (String name : parameters.getValues().keySet()) {
            if (QueryValues.isContextName(name)) {
                throw new MacroParameterException("parameters", "context.name", name);
            }
        }
        ParsedSql parsed = definitions.parse(sql, SqlDialect.of(datasource.getSettings().getConnectionKind()));
        QueryValues values = QueryValues.of(parsed, declared, parameters.getValues(), context);
        event.macroParameters(values.macroCount()).urlParameters(values.urlCount())
                .contextParameters(values.contextCount());
        BoundParameters bound = BoundParameters.resolve(parsed, values.declarations(), values.supplied());
        int datasourceCap = Math.max(1, datasource.getSettings().getMaxRows());
        int rowCap = parameters.getMaxRows() == null ? datasourceCap : Math.min(parameters.getMaxRows(), datasourceCap);
        event.rowCapLowered(rowCap < datasourceCap);
        boolean staticTable = context.getOutputMode().isStaticTable();
        Runnable check = () -> {
            if (datasource.getSettings().isReadOnly()) {
                validator.validate(parsed);
            }
        };
        if (parameters.getCacheSeconds() <= 0 || context.getOutputMode() == OutputMode.PREVIEW) {
            check.run();
            return run(datasource, parsed, bound, rowCap, parameters, staticTable);
        }
        CacheKey key = new CacheKey(datasource.getId(), datasource.getRevision(), parsed.getJdbcSql(), bound.getValues(),
                rowCap, parameters.getCaption(), parameters.isRowNumbers(), parameters.getFormat(), staticTable,
                i18n.getText(TableTexts.KEY_LANGUAGE));
        boolean refresh = context.isRefreshRequested() && context.getViewer() != null
                && context.getOutputMode() == OutputMode.PAGE;
        // The link is made for this viewer (their page address and language) on every render; the cache
        // keeps the table joined to it, so a hit does not copy the whole table to append a few bytes.
        String refreshLink = context.getOutputMode() == OutputMode.PAGE && context.getViewer() != null
                && context.getPageQuery() != null
                ? MacroHtml.refreshLink(context.getPageQuery(), i18n.getText(KEY_PREFIX + "refresh")) : "";
        // The check runs before every load; a cached table was checked when it was loaded with the same SQL.
        ResultCache.Result result = cache.get(key, parameters.getCacheSeconds(), refresh, refreshLink, () -> {
            check.run();
            return run(datasource, parsed, bound, rowCap, parameters, staticTable);
        });
        event.cacheUse(cacheUseOf(result.getUse()));
        return result.getHtml();
    }

    private String run(Datasource datasource, ParsedSql parsed, BoundParameters bound, int rowCap,
                       MacroParameters parameters, boolean staticTable) {
        QueryRequest request = QueryRequest.builder(datasource, parsed.getJdbcSql()).parameters(bound).maxRows(rowCap)
                .build();
        TableOptions options = TableOptions.defaults().withCaption(parameters.getCaption())
                .withRowNumbers(parameters.isRowNumbers()).withStaticOutput(staticTable);
        StringBuilder html = new StringBuilder(1024);
        try {
            executor.execute(request, FormattingSink.wrap(renderer.sink(html, options, new I18nTableTexts(i18n)), html,
                    parameters.getFormat(), parameters.isRowNumbers()));
        } catch (QueryException e) {
            throw new QueryFailed(e, datasource);
        }
        return html.toString();
    }

    /**
     * What a failed query says on the page. A failure that carries the database's own words (its error
     * message, which quotes the SQL of a saved query, names tables and columns, or a host and port) is
     * shown in full only to those who could write SQL for the datasource and to system administrators —
     * the people who can act on it. Everyone else reads that the query failed, with a reference under
     * which the full message is in the log: a saved query's SQL and the database behind it stay hidden
     * from readers. Failures without the database's words (busy, timeout, datasource deleted) are shown
     * to all.
     */
    private String failureMessage(QueryFailed failed, RenderContext context) {
        QueryException failure = failed.failure;
        QueryFailure kind = failure.getFailure();
        boolean detailed = kind != QueryFailure.POOL_BUSY && kind != QueryFailure.TIMEOUT
                && kind != QueryFailure.DATASOURCE_NOT_FOUND;
        if (!detailed || permissions.maySeeFailureDetails(failed.datasource, context.getViewer())) {
            return failure.text(i18n);
        }
        String reference = newReference();
        // Masked already (no password); the English text, for the administrator.
        log.warn("SQL table on datasource {} failed (reference {}): {}", failed.datasource.getId(), reference,
                failure.getMessage());
        return i18n.getText(KEY_PREFIX + "error.details.withheld", failed.datasource.getName(), reference);
    }

    /** @return a short random id that ties an error box to its log line */
    private static String newReference() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    }

    private String fail(MacroRender.Builder event, MacroRender.Outcome outcome, String message) {
        event.outcome(outcome);
        String title = i18n.getText(KEY_PREFIX + "error." + outcome.name().toLowerCase(Locale.ROOT).replace('_', '.'));
        return MacroHtml.errorBox(title, message == null ? "" : message);
    }

    private static MacroRender.Outcome outcomeOf(QueryException e) {
        switch (e.getFailure()) {
            case POOL_BUSY:
                return MacroRender.Outcome.BUSY;
            case TIMEOUT:
                return MacroRender.Outcome.TIMEOUT;
            case DATASOURCE_NOT_FOUND:
                return MacroRender.Outcome.NOT_FOUND;
            case OUTPUT_FAILED:
            case INTERNAL:
                return MacroRender.Outcome.INTERNAL;
            default:
                return MacroRender.Outcome.QUERY_FAILED;
        }
    }

    private static MacroRender.Output outputOf(OutputMode mode) {
        switch (mode) {
            case PREVIEW:
                return MacroRender.Output.PREVIEW;
            case EXPORT:
                return MacroRender.Output.EXPORT;
            case NOTIFICATION:
                return MacroRender.Output.NOTIFICATION;
            case DIFF:
                return MacroRender.Output.DIFF;
            default:
                return MacroRender.Output.PAGE;
        }
    }

    private static MacroRender.CacheUse cacheUseOf(ResultCache.Use use) {
        switch (use) {
            case HIT:
                return MacroRender.CacheUse.HIT;
            case REFRESH:
                return MacroRender.CacheUse.REFRESH;
            default:
                return MacroRender.CacheUse.MISS;
        }
    }

    /** Carries a {@link QueryException} through the cache's loader, which cannot throw checked ones. */
    private static final class QueryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient QueryException failure;
        private final transient Datasource datasource;

        QueryFailed(QueryException failure, Datasource datasource) {
            super(failure.getMessage(), null, false, false);
            this.failure = failure;
            this.datasource = datasource;
        }
    }
}
