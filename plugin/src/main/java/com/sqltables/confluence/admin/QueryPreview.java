package com.sqltables.confluence.admin;

import com.sqltables.confluence.FieldErrors;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceService;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.execution.QueryException;
import com.sqltables.confluence.query.execution.QueryExecutor;
import com.sqltables.confluence.query.execution.QueryRequest;
import com.sqltables.confluence.query.execution.ResultColumn;
import com.sqltables.confluence.query.execution.ResultRow;
import com.sqltables.confluence.query.execution.RowSink;
import com.sqltables.confluence.query.execution.ValueKind;
import com.sqltables.confluence.sql.BoundParameters;
import com.sqltables.confluence.sql.NamedParameterParser;
import com.sqltables.confluence.sql.ParsedSql;
import com.sqltables.confluence.sql.ReadOnlyStatementValidator;
import com.sqltables.confluence.sql.SqlDialect;

import javax.inject.Inject;
import javax.inject.Named;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs a saved query being edited (saved or not) the way a page would — same parser, read-only check,
 * parameter binding, executor and the datasource's own limits — but returns only the first
 * {@value #PREVIEW_ROWS} rows as text. Parameters get the values typed for the preview, else their declared
 * defaults.
 */
@Named
public class QueryPreview {
    static final int PREVIEW_ROWS = 20;
    private static final int MAX_CELL_LENGTH = 200;

    private final DatasourceService datasources;
    private final ReadOnlyStatementValidator validator;
    private final QueryExecutor executor;

    @Inject
    public QueryPreview(DatasourceService datasources, ReadOnlyStatementValidator validator, QueryExecutor executor) {
        this.datasources = Objects.requireNonNull(datasources, "datasources");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** The first rows, as text; every value is plain text (escape it to show it). */
    public static final class Result {
        private final List<String> columns;
        private final List<List<String>> rows;
        private final boolean truncated;

        Result(List<String> columns, List<List<String>> rows, boolean truncated) {
            this.columns = columns;
            this.rows = rows;
            this.truncated = truncated;
        }

        public List<String> getColumns() {
            return columns;
        }

        public List<List<String>> getRows() {
            return rows;
        }

        /** @return whether the result had more rows than were read */
        public boolean isTruncated() {
            return truncated;
        }
    }

    /**
     * @throws ValidationException for an unknown datasource ({@code datasourceId}), SQL the parser or the
     *     read-only check refuses ({@code sql}), or a parameter without a usable value
     * @throws QueryException when the database refuses or fails; its message is safe to show
     */
    public Result run(SavedQuerySettings settings) throws QueryException {
        return run(settings, Map.of());
    }

    /**
     * As {@link #run(SavedQuerySettings)}, with values typed for the preview; each is converted and checked
     * by the declared type exactly as a value from a page would be.
     *
     * @param values parameter name → value text; a parameter without one gets its declared default
     * @throws ValidationException also for a value of the wrong type, or one for no declared parameter
     *     (keyed by the parameter name)
     */
    public Result run(SavedQuerySettings settings, Map<String, String> values) throws QueryException {
        Datasource datasource = datasources.get(settings.getDatasourceId())
                .orElseThrow(() -> new ValidationException("datasourceId", "does not exist"));
        ParsedSql parsed = NamedParameterParser.parse(settings.getSqlText(),
                SqlDialect.of(datasource.getSettings().getConnectionKind()));
        if (datasource.getSettings().isReadOnly()) {
            validator.validate(parsed);
        }
        Map<String, String> supplied = new HashMap<>();
        for (QueryParameter parameter : settings.getParameters()) {
            if (parameter.getDefaultValue() != null) {
                supplied.put(parameter.getName().toLowerCase(Locale.ROOT), parameter.getDefaultValue());
            }
        }
        FieldErrors undeclared = new FieldErrors();
        values.forEach((name, value) -> {
            boolean declared = settings.getParameters().stream().anyMatch(p -> p.getName().equalsIgnoreCase(name));
            if (!declared) {
                undeclared.add(name, "is not a declared parameter");
            } else {
                supplied.put(name.toLowerCase(Locale.ROOT), value);
            }
        });
        undeclared.throwIfAny();
        BoundParameters bound = BoundParameters.resolve(parsed, settings.getParameters(), supplied);
        int cap = Math.min(PREVIEW_ROWS, Math.max(1, datasource.getSettings().getMaxRows()));
        Collector collector = new Collector();
        try {
            executor.execute(QueryRequest.builder(datasource, parsed.getJdbcSql()).parameters(bound).maxRows(cap).build(),
                    collector);
        } catch (NotFoundException e) {
            throw new ValidationException("datasourceId", "does not exist");
        }
        return new Result(collector.labels, collector.rows, collector.truncated);
    }

    private static final class Collector implements RowSink {
        final List<String> labels = new ArrayList<>();
        final List<ValueKind> kinds = new ArrayList<>();
        final List<List<String>> rows = new ArrayList<>();
        boolean truncated;

        @Override
        public void start(List<ResultColumn> columns) {
            for (ResultColumn column : columns) {
                labels.add(column.getLabel());
                kinds.add(column.getKind());
            }
        }

        @Override
        public void row(ResultRow row) throws SQLException {
            List<String> values = new ArrayList<>(kinds.size());
            for (int i = 0; i < kinds.size(); i++) {
                ValueKind kind = kinds.get(i);
                if (kind == ValueKind.BINARY || kind == ValueKind.BLOB) {
                    Object value = row.getObject(i + 1);
                    values.add(value == null ? null : "(binary)");
                    continue;
                }
                String text = row.getString(i + 1);
                values.add(text == null || text.length() <= MAX_CELL_LENGTH ? text : text.substring(0, MAX_CELL_LENGTH) + "\u2026");
            }
            rows.add(values);
        }

        @Override
        public void end(int rowCount, boolean wasTruncated) {
            this.truncated = wasTruncated;
        }
    }
}
