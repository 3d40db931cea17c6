package com.sqltables.confluence.macro.render;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.pool.TestPools;
import com.sqltables.confluence.query.execution.QueryException;
import com.sqltables.confluence.query.execution.QueryExecutor;
import com.sqltables.confluence.query.execution.QueryRequest;
import java.util.function.UnaryOperator;

/** Runs SQL on a test database and renders the result, as the macro will. */
final class Rendering implements AutoCloseable {
    private final TestPools test = TestPools.create();
    private final QueryExecutor executor = new QueryExecutor(test.pools());
    private final Datasource datasource;
    private final ResultTableRenderer renderer;

    Rendering(TestDatabase database, UnaryOperator<DatasourceSettings.Builder> settings, ResultTableRenderer renderer) {
        this.datasource = test.store(settings.apply(TestPools.settingsFor(database)).build());
        this.renderer = renderer;
    }

    Rendering(TestDatabase database) {
        this(database, b -> b, new ResultTableRenderer());
    }

    String render(String sql, TableOptions options) throws QueryException {
        return render(QueryRequest.builder(datasource, sql).build(), options);
    }

    String render(QueryRequest request, TableOptions options) throws QueryException {
        StringBuilder html = new StringBuilder();
        executor.execute(request, renderer.sink(html, options, TableTexts.english()));
        return html.toString();
    }

    Datasource datasource() {
        return datasource;
    }

    QueryExecutor executor() {
        return executor;
    }

    @Override
    public void close() {
        executor.destroy();
        test.close();
    }
}
