package com.sqltables.confluence.query.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.DuplicateNameException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.Interceptor;
import com.sqltables.confluence.ao.testing.Rendezvous;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.host.ao.HostActiveObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class DefaultSavedQueryStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-03T10:15:30Z");
    private static final String SQL = "SELECT region, SUM(amount) AS total\nFROM sales\nWHERE region = :region\nGROUP BY region";

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultSavedQueryStore store;
    private long datasourceId;
    private long otherDatasourceId;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultSavedQueryStore(ao, Clock.fixed(NOW, ZoneOffset.UTC));
        DefaultDatasourceStore datasources = new DefaultDatasourceStore(ao);
        datasourceId = datasources.create(datasource("Sales"), null).getId();
        otherDatasourceId = datasources.create(datasource("Stock"), null).getId();
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    private static DatasourceSettings datasource(String name) {
        return DatasourceSettings.builder().name(name).connectionKind(ConnectionKind.H2).jdbcUrl("jdbc:h2:mem:x").build();
    }

    private static List<QueryParameter> parameters() {
        return List.of(
                new QueryParameter("region", ParameterType.TEXT, "EMEA ", true, true),
                new QueryParameter("min_total", ParameterType.DECIMAL, "10.50", false, true),
                new QueryParameter("since", ParameterType.DATE, "2026-01-01", false, false),
                new QueryParameter("top", ParameterType.INTEGER, null, false, false),
                new QueryParameter("active", ParameterType.BOOLEAN, "true", true, false));
    }

    private SavedQuerySettings topRegions() {
        return new SavedQuerySettings("Top regions", datasourceId, SQL, "Revenue by region", parameters());
    }

    @Test
    public void create_storesQueryAndParametersInOrder() {
        SavedQuery created = store.create(topRegions(), "owner-key");

        assertEquals(1, created.getRevision());
        assertEquals("owner-key", created.getOwnerUserKey());
        assertEquals(NOW, created.getCreated());
        assertEquals(topRegions(), created.getSettings());
        assertEquals(created, store.get(created.getId()).orElseThrow());
        assertEquals(created, store.findByName("TOP REGIONS").orElseThrow());
    }

    @Test
    public void create_keepsLongSqlExactly() {
        String longSql = "SELECT 1 -- " + "x".repeat(60_000) + "\nFROM DUAL";
        SavedQuery created = store.create(new SavedQuerySettings("Long", datasourceId, longSql, null, null), null);
        assertEquals(longSql, store.get(created.getId()).orElseThrow().getSettings().getSqlText());
    }

    @Test
    public void create_unknownDatasource_isAFieldError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.create(new SavedQuerySettings("Q", 987_654, "SELECT 1", null, null), null));
        assertEquals("No datasource with id 987654", e.getFieldErrors().get("datasourceId"));
    }

    @Test
    public void create_invalidParameters_nameTheParameterAndField() {
        List<QueryParameter> bad = List.of(
                new QueryParameter("ok", ParameterType.TEXT, null, false, false),
                new QueryParameter("1bad", ParameterType.TEXT, null, false, false),
                new QueryParameter("OK", ParameterType.TEXT, null, false, false),
                new QueryParameter("n", ParameterType.INTEGER, "twelve", false, false),
                new QueryParameter("d", ParameterType.DATE, "30.11.2026", false, false),
                new QueryParameter("t", null, null, false, false));
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.create(new SavedQuerySettings("Q", datasourceId, " ", null, bad), null));
        assertEquals("is required", e.getFieldErrors().get("sqlText"));
        assertTrue(e.getFieldErrors().get("parameters[1].name").startsWith("must start with a letter"));
        assertEquals("'OK' is declared twice", e.getFieldErrors().get("parameters[2].name"));
        assertEquals("must be a whole number", e.getFieldErrors().get("parameters[3].defaultValue"));
        assertEquals("must be a date such as 2026-11-30", e.getFieldErrors().get("parameters[4].defaultValue"));
        assertEquals("is required", e.getFieldErrors().get("parameters[5].type"));
    }

    @Test
    public void create_tooManyParameters_isRejected() {
        List<QueryParameter> many = new ArrayList<>();
        for (int i = 0; i <= SavedQueryValidation.MAX_PARAMETERS; i++) {
            many.add(new QueryParameter("p" + i, ParameterType.TEXT, null, false, false));
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.create(new SavedQuerySettings("Q", datasourceId, "SELECT 1", null, many), null));
        assertTrue(e.getFieldErrors().containsKey("parameters"));
    }

    @Test
    public void create_duplicateName_reportsClearError() {
        store.create(topRegions(), null);
        DuplicateNameException e = assertThrows(DuplicateNameException.class, () -> store.create(
                new SavedQuerySettings("top REGIONS", otherDatasourceId, "SELECT 2", null, null), null));
        assertEquals("A saved query named 'top REGIONS' already exists", e.getFieldErrors().get("name"));
    }

    @Test
    public void create_duplicateNameRace_constraintViolationIsReportedClearly() throws Exception {
        Rendezvous checked = new Rendezvous();
        ActiveObjects paused = Interceptor.after(ao, "count", 1, checked::arriveAndWait);
        DefaultSavedQueryStore secondNode = new DefaultSavedQueryStore(paused);
        Future<SavedQuery> late = executor.submit(() -> secondNode.create(topRegions(), null));
        checked.awaitArrival();
        store.create(topRegions(), null);
        checked.release();

        Exception e = assertThrows(Exception.class, () -> late.get(60, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof DuplicateNameException);
        assertEquals(1, store.list().size());
        assertEquals(parameters().size(), store.list().get(0).getSettings().getParameters().size());
    }

    @Test
    public void update_replacesSettingsAndParameters_keepsOwner() {
        SavedQuery created = store.create(topRegions(), "owner-key");
        List<QueryParameter> reversed = new ArrayList<>(parameters().subList(0, 3));
        Collections.reverse(reversed);
        SavedQuerySettings changed = new SavedQuerySettings("Regions", otherDatasourceId, "SELECT 3", null, reversed);

        SavedQuery updated = store.update(created.getId(), 1, changed, "editor");

        assertEquals(2, updated.getRevision());
        assertEquals(changed, updated.getSettings());
        assertEquals("owner-key", updated.getOwnerUserKey());
        assertEquals("editor", updated.getModifiedBy());
        assertEquals(updated, store.get(created.getId()).orElseThrow());
    }

    @Test
    public void update_removingAllParameters_leavesNone() {
        SavedQuery created = store.create(topRegions(), null);
        store.update(created.getId(), 1, new SavedQuerySettings("Top regions", datasourceId, SQL, null, List.of()), null);
        assertEquals(List.of(), store.get(created.getId()).orElseThrow().getSettings().getParameters());
        assertEquals(0, ao.count(QueryParamEntity.class));
    }

    @Test
    public void update_staleRevision_isAConflict() {
        SavedQuery created = store.create(topRegions(), null);
        store.update(created.getId(), 1, topRegions(), null);
        assertThrows(ConflictException.class, () -> store.update(created.getId(), 1, topRegions(), null));
        assertEquals(2, store.get(created.getId()).orElseThrow().getRevision());
    }

    @Test
    public void update_concurrentEditsOfOneRevision_exactlyOneWins() throws Exception {
        SavedQuery created = store.create(topRegions(), null);
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous read = new Rendezvous();
            ActiveObjects paused = Interceptor.after(otherNode, "get", 1, read::arriveAndWait);
            DefaultSavedQueryStore slow = new DefaultSavedQueryStore(paused);
            Future<SavedQuery> late = executor.submit(() -> slow.update(created.getId(), 1,
                    new SavedQuerySettings("Late", datasourceId, "SELECT 'late'", null, null), null));
            read.awaitArrival();
            store.update(created.getId(), 1, new SavedQuerySettings("Early", datasourceId, "SELECT 'early'", null, null), null);
            read.release();

            Exception e = assertThrows(Exception.class, () -> late.get(60, TimeUnit.SECONDS));
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof ConflictException);
        }
        assertEquals("Early", store.get(created.getId()).orElseThrow().getName());
    }

    @Test
    public void update_missing_isNotFound() {
        assertThrows(NotFoundException.class, () -> store.update(123_456, 1, topRegions(), null));
    }

    @Test
    public void list_andListForDatasource_sortByNameWithParameters() {
        store.create(new SavedQuerySettings("b", datasourceId, "SELECT 1", null, parameters()), null);
        store.create(new SavedQuerySettings("A", otherDatasourceId, "SELECT 1", null, null), null);
        store.create(new SavedQuerySettings("c", datasourceId, "SELECT 1", null, parameters().subList(0, 1)), null);

        assertEquals(List.of("A", "b", "c"), names(store.list()));
        List<SavedQuery> onSales = store.listForDatasource(datasourceId);
        assertEquals(List.of("b", "c"), names(onSales));
        assertEquals(parameters().size(), onSales.get(0).getSettings().getParameters().size());
        assertEquals(1, onSales.get(1).getSettings().getParameters().size());
        assertEquals(List.of(), store.listForDatasource(999_999));
    }

    @Test
    public void delete_removesQueryAndParameters_andFreesTheDatasource() {
        SavedQuery created = store.create(topRegions(), null);
        store.delete(created.getId());
        assertTrue(store.get(created.getId()).isEmpty());
        assertEquals(0, ao.count(QueryParamEntity.class));
        assertThrows(NotFoundException.class, () -> store.delete(created.getId()));
        new DefaultDatasourceStore(ao).delete(datasourceId);
    }

    @Test
    public void datasourceDeletedMeanwhile_isReportedOnTheDatasourceField() throws Exception {
        Datasource doomed = new DefaultDatasourceStore(ao).create(datasource("Doomed"), null);
        Rendezvous checked = new Rendezvous();
        // The datasource was found; before the query is inserted, another node deletes the datasource.
        ActiveObjects paused = Interceptor.after(ao, "get", 1, checked::arriveAndWait);
        Future<SavedQuery> late = executor.submit(() -> new DefaultSavedQueryStore(paused).create(
                new SavedQuerySettings("Orphan", doomed.getId(), "SELECT 1", null, null), null));
        checked.awaitArrival();
        new DefaultDatasourceStore(ao).delete(doomed.getId());
        checked.release();

        Exception e = assertThrows(Exception.class, () -> late.get(60, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof ValidationException);
        assertTrue(((ValidationException) e.getCause()).getFieldErrors().containsKey("datasourceId"));
        assertTrue(store.findByName("Orphan").isEmpty());
    }

    private static List<String> names(List<SavedQuery> queries) {
        return queries.stream().map(SavedQuery::getName).collect(Collectors.toList());
    }
}
