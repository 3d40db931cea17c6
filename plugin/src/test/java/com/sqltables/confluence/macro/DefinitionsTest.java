package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.confluence.sql.SqlDialect;
import com.sqltables.host.ao.HostActiveObjects;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.Before;
import org.junit.Test;

/** {@link Definitions} on the real stores (H2). */
public class DefinitionsTest {
    private final AtomicLong nanos = new AtomicLong();
    private DefaultDatasourceStore datasources;
    private DefaultSavedQueryStore queries;
    private Definitions definitions;
    private Datasource sales;

    @Before
    public void setUp() {
        HostActiveObjects ao = TestDatabase.H2.activeObjects();
        TestDatabase.H2.clean();
        datasources = new DefaultDatasourceStore(ao);
        queries = new DefaultSavedQueryStore(ao);
        sales = datasources.create(DatasourceSettings.builder().name("Sales").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:x").build(), null);
        definitions = new Definitions(datasources, queries, nanos::get, 5);
    }

    private void advanceSeconds(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    public void datasource_changedElsewhere_isSeenOnceTheRememberedOneIsOldEnough() {
        assertEquals(1_000, definitions.datasourceNamed("sales").get().getSettings().getMaxRows());
        assertEquals(1_000, definitions.datasource(sales.getId()).get().getSettings().getMaxRows());
        datasources.update(sales.getId(), sales.getRevision(), sales.getSettings().toBuilder().maxRows(7).build(), null);
        advanceSeconds(4);
        assertEquals(1_000, definitions.datasourceNamed(" SALES ").get().getSettings().getMaxRows());
        assertEquals(1_000, definitions.datasource(sales.getId()).get().getSettings().getMaxRows());
        advanceSeconds(1);
        assertEquals(7, definitions.datasourceNamed("Sales").get().getSettings().getMaxRows());
        assertEquals(7, definitions.datasource(sales.getId()).get().getSettings().getMaxRows());
    }

    @Test
    public void savedQuery_unknownName_isNotRememberedAsMissing() {
        assertFalse(definitions.savedQueryNamed("Totals").isPresent());
        queries.create(new SavedQuerySettings("Totals", sales.getId(), "SELECT 1", null, List.of()), null);
        assertTrue(definitions.savedQueryNamed("totals").isPresent());
    }

    @Test
    public void datasource_deleted_disappearsOnceTheRememberedOneIsOldEnough() {
        assertTrue(definitions.datasource(sales.getId()).isPresent());
        datasources.delete(sales.getId());
        assertTrue(definitions.datasource(sales.getId()).isPresent());
        advanceSeconds(5);
        assertFalse(definitions.datasource(sales.getId()).isPresent());
    }

    @Test
    public void parse_sameSqlAndDialect_isParsedOnce() {
        assertSame(definitions.parse("SELECT :a", SqlDialect.H2), definitions.parse("SELECT :a", SqlDialect.H2));
        assertEquals(List.of("a"), definitions.parse("SELECT :a", SqlDialect.POSTGRESQL).getParameterNames());
    }

    @Test
    public void clear_forgetsEverything() {
        definitions.datasourceNamed("Sales");
        datasources.update(sales.getId(), sales.getRevision(), sales.getSettings().toBuilder().maxRows(7).build(), null);
        definitions.clear();
        assertEquals(7, definitions.datasourceNamed("Sales").get().getSettings().getMaxRows());
    }
}
