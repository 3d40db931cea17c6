package com.sqltables.confluence.datasource;

import com.atlassian.sal.api.ApplicationProperties;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.Page;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.audit.AuditEvent;
import com.sqltables.confluence.audit.ao.AuditLogStore;
import com.sqltables.confluence.audit.ao.DefaultAuditLogStore;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.datasource.security.DatasourcePasswords;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.confluence.query.ao.SavedQueryStore;
import com.sqltables.confluence.query.execution.ConnectionTester;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import com.sqltables.host.ao.HostActiveObjects;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** {@link DefaultDatasourceService#deleteWithSavedQueries}: all in one transaction, on the real stores (H2). */
public class DefaultDatasourceServiceCascadeTest {
    private static final String ACTOR = "admin-key";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HostActiveObjects ao;
    private DatasourceStore store;
    private SavedQueryStore savedQueries;
    private FailingAudit audit;
    private DatasourcePools pools;
    private DefaultDatasourceService service;
    private Datasource sales;
    private SavedQuery first;
    private SavedQuery second;

    /** The real audit log, which can be told to fail on the n-th append (a database failure mid-transaction). */
    private static final class FailingAudit implements AuditLogStore {
        private final AuditLogStore real;
        int failOnAppend = -1;
        private int appends;

        FailingAudit(AuditLogStore real) {
            this.real = real;
        }

        @Override
        public AuditEvent append(AuditEntry entry) {
            if (++appends == failOnAppend) {
                throw new IllegalStateException("audit log unavailable");
            }
            return real.append(entry);
        }

        @Override
        public Page<AuditEvent> list(int offset, int limit) {
            return real.list(offset, limit);
        }

        @Override
        public int deleteOlderThan(Instant cutoff) {
            return real.deleteOlderThan(cutoff);
        }
    }

    @After
    public void tearDown() {
        pools.destroy();
    }

    @Before
    public void setUp() throws Exception {
        ao = TestDatabase.H2.activeObjects();
        TestDatabase.H2.clean();
        store = new DefaultDatasourceStore(ao);
        savedQueries = new DefaultSavedQueryStore(ao);
        audit = new FailingAudit(new DefaultAuditLogStore(ao));
        ApplicationProperties properties = mock(ApplicationProperties.class);
        when(properties.getSharedHomeDirectory()).thenReturn(Optional.of(folder.newFolder("shared").toPath()));
        when(properties.getLocalHomeDirectory()).thenReturn(Optional.empty());
        DatasourcePasswords passwords = new DatasourcePasswords(properties);
        pools = new DatasourcePools(store, passwords);
        service = new DefaultDatasourceService(ao, store, savedQueries, audit, passwords,
                new ConnectionTester(new PropertiesI18nResolver()), pools);
        sales = service.create(DatasourceSettings.builder().name("sales").connectionKind(ConnectionKind.H2)
                .jdbcUrl("jdbc:h2:mem:cascade_service").build(), null, ACTOR);
        first = savedQueries.create(new SavedQuerySettings("first", sales.getId(), "SELECT 1", null, null), ACTOR);
        second = savedQueries.create(new SavedQuerySettings("second", sales.getId(), "SELECT 2", null, null), ACTOR);
    }

    @Test
    public void deleteWithSavedQueries_confirmedIds_deletesAll_andReturnsTheCount() {
        assertEquals(2, service.deleteWithSavedQueries(sales.getId(), Set.of(first.getId(), second.getId()), ACTOR));

        assertFalse(store.get(sales.getId()).isPresent());
        assertTrue(savedQueries.list().isEmpty());
        assertEquals(List.of("datasource.delete", "savedquery.delete", "savedquery.delete"), actions(3));
    }

    @Test
    public void deleteWithSavedQueries_whenTheAuditFailsHalfway_rollsEverythingBack() {
        int auditBefore = audit.list(0, 1).getTotal();
        audit.failOnAppend = 2;

        assertThrows(IllegalStateException.class,
                () -> service.deleteWithSavedQueries(sales.getId(), Set.of(first.getId(), second.getId()), ACTOR));

        assertTrue(store.get(sales.getId()).isPresent());
        assertEquals(2, savedQueries.listForDatasource(sales.getId()).size());
        assertEquals(auditBefore, audit.list(0, 1).getTotal());
    }

    @Test
    public void deleteWithSavedQueries_idsNotMatchingTheQueriesInUse_isAConflict_andDeletesNothing() {
        assertThrows(ConflictException.class, () -> service.deleteWithSavedQueries(sales.getId(), Set.of(first.getId()), ACTOR));
        assertThrows(ConflictException.class, () -> service.deleteWithSavedQueries(sales.getId(),
                Set.of(first.getId(), second.getId(), 424242L), ACTOR));

        assertTrue(store.get(sales.getId()).isPresent());
        assertEquals(2, savedQueries.list().size());
    }

    @Test
    public void deleteWithSavedQueries_missingDatasource_isNotFound() {
        assertThrows(NotFoundException.class, () -> service.deleteWithSavedQueries(987654L, Set.of(), ACTOR));
    }

    @Test
    public void savedQueriesUsing_listsThemByName() {
        assertEquals(List.of("first", "second"),
                service.savedQueriesUsing(sales.getId()).stream().map(SavedQuery::getName).collect(java.util.stream.Collectors.toList()));
        assertTrue(service.savedQueriesUsing(987654L).isEmpty());
    }

    private List<String> actions(int newest) {
        return audit.list(0, newest).getItems().stream().map(e -> e.getEntry().getAction()).sorted()
                .collect(java.util.stream.Collectors.toList());
    }
}
