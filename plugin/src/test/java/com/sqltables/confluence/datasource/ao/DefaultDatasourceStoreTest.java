package com.sqltables.confluence.datasource.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
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
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.DefaultSavedQueryStore;
import com.sqltables.host.ao.HostActiveObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class DefaultDatasourceStoreTest {
    private static final Instant NOW = Instant.parse("2026-11-03T10:15:30.789Z");

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultDatasourceStore store;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultDatasourceStore(ao, Clock.fixed(NOW, ZoneOffset.UTC));
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    static DatasourceSettings.Builder sales() {
        return DatasourceSettings.builder()
                .name("Sales DB")
                .description("Quarterly numbers\nsecond line")
                .connectionKind(ConnectionKind.POSTGRESQL)
                .jdbcUrl("jdbc:postgresql://db.example:5432/sales")
                .username("reporter")
                .passwordCiphertext("v1:AAECAwQFBgcICQoLDA0ODw==:c2VjcmV0")
                .connectionProperties("ssl=true\nApplicationName=sql-tables")
                .readOnly(true)
                .poolSize(7)
                .connectionTimeoutMs(5_000)
                .queryTimeoutSeconds(45)
                .maxRows(2_500)
                .inlineSqlAllowed(true)
                .allowedSpaces(List.of("SALES", "FIN"))
                .allowedGroups(List.of("confluence-users", "finance"));
    }

    @Test
    public void create_storesEverySetting_andReadsItBack() {
        Datasource created = store.create(sales().build(), "admin-key");

        assertEquals(1, created.getRevision());
        assertEquals(NOW.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), created.getCreated());
        assertEquals(created.getCreated(), created.getModified());
        assertEquals("admin-key", created.getCreatedBy());
        assertEquals("admin-key", created.getModifiedBy());
        assertEquals(sales().build(), created.getSettings());
        assertEquals(created, store.get(created.getId()).orElseThrow());
        assertEquals(created, store.findByName("  sales db ").orElseThrow());
    }

    @Test
    public void create_keepsThePasswordCiphertextExactly() {
        String ciphertext = "v1:" + "A".repeat(2_000) + "==";
        Datasource created = store.create(sales().passwordCiphertext(ciphertext).build(), null);
        assertEquals(ciphertext, store.get(created.getId()).orElseThrow().getSettings().getPasswordCiphertext());
        assertFalse(created.toString().contains(ciphertext));
    }

    @Test
    public void create_unicodeName_roundTrips() {
        Datasource created = store.create(sales().name("Ventes été 売上").build(), null);
        assertEquals("Ventes été 売上", store.get(created.getId()).orElseThrow().getName());
        assertTrue(store.findByName("VENTES ÉTÉ 売上").isPresent());
    }

    @Test
    public void create_duplicateName_ignoringCase_reportsClearError() {
        store.create(sales().build(), null);
        DuplicateNameException e = assertThrows(DuplicateNameException.class,
                () -> store.create(sales().name("SALES db").build(), null));
        assertEquals("A datasource named 'SALES db' already exists", e.getFieldErrors().get("name"));
        assertEquals(1, store.list().size());
    }

    @Test
    public void create_duplicateNameRace_constraintViolationIsReportedClearly() throws Exception {
        Rendezvous checked = new Rendezvous();
        // The second node has checked that the name is free, and waits before inserting.
        ActiveObjects paused = Interceptor.after(ao, "count", 1, checked::arriveAndWait);
        DefaultDatasourceStore secondNode = new DefaultDatasourceStore(paused, Clock.systemUTC());
        Future<Datasource> late = executor.submit(() -> secondNode.create(sales().name("sales db").build(), null));
        checked.awaitArrival();
        store.create(sales().build(), null);
        checked.release();

        Exception e = assertThrows(Exception.class, () -> late.get(60, TimeUnit.SECONDS));
        assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof DuplicateNameException);
        assertEquals("A datasource named 'sales db' already exists", e.getCause().getMessage().replace("name: ", ""));
        assertEquals(1, store.list().size());
    }

    @Test
    public void create_invalidSettings_namesEveryField() {
        DatasourceSettings invalid = DatasourceSettings.builder()
                .name(" ")
                .jdbcUrl("postgresql://no-scheme")
                .poolSize(0)
                .connectionTimeoutMs(10)
                .queryTimeoutSeconds(0)
                .maxRows(0)
                .allowedSpaces(List.of("A\nB"))
                .build();
        ValidationException e = assertThrows(ValidationException.class, () -> store.create(invalid, null));
        assertEquals("is required", e.getFieldErrors().get("name"));
        assertEquals("is required", e.getFieldErrors().get("connectionKind"));
        assertEquals("must start with jdbc:", e.getFieldErrors().get("jdbcUrl"));
        assertEquals("must be between 1 and 100 (was 0)", e.getFieldErrors().get("poolSize"));
        assertTrue(e.getFieldErrors().containsKey("connectionTimeoutMs"));
        assertTrue(e.getFieldErrors().containsKey("queryTimeoutSeconds"));
        assertTrue(e.getFieldErrors().containsKey("maxRows"));
        assertTrue(e.getFieldErrors().containsKey("allowedSpaces"));
        assertTrue(store.list().isEmpty());
    }

    @Test
    public void create_passwordOutsideThePasswordField_isRejected() {
        for (String url : List.of("jdbc:postgresql://db/sales?user=a&password=secret",
                "jdbc:sqlserver://db:1433;databaseName=x;password=secret",
                "jdbc:mysql://bob:secret@db/sales",
                "jdbc:oracle:thin:scott/tiger@db:1521:orcl")) {
            ValidationException e = assertThrows(url, ValidationException.class,
                    () -> store.create(sales().jdbcUrl(url).build(), null));
            assertEquals("must not contain a password: use the password field", e.getFieldErrors().get("jdbcUrl"));
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.create(sales().connectionProperties("ssl=true\n  Password = secret").build(), null));
        assertTrue(e.getFieldErrors().containsKey("connectionProperties"));
        store.create(sales().jdbcUrl("jdbc:oracle:thin:@//db:1521/orcl").build(), null);
    }

    @Test
    public void create_normalisesBlanksAndLists() {
        Datasource created = store.create(sales()
                .name("  Trimmed  ")
                .username("  ")
                .description(" ")
                .allowedSpaces(List.of(" A ", "", "A", "B"))
                .allowedGroups(List.of())
                .build(), null);
        DatasourceSettings stored = store.get(created.getId()).orElseThrow().getSettings();
        assertEquals("Trimmed", stored.getName());
        assertEquals(null, stored.getUsername());
        assertEquals(null, stored.getDescription());
        assertEquals(List.of("A", "B"), stored.getAllowedSpaces());
        assertEquals(List.of(), stored.getAllowedGroups());
    }

    @Test
    public void update_replacesSettings_andIncrementsRevision() {
        Datasource created = store.create(sales().build(), "creator");
        DatasourceSettings changed = created.getSettings().toBuilder()
                .name("Sales (EU)").readOnly(false).maxRows(10).allowedGroups(List.of()).passwordCiphertext(null).build();

        Datasource updated = store.update(created.getId(), 1, changed, "editor");

        assertEquals(2, updated.getRevision());
        assertEquals(changed, updated.getSettings());
        assertEquals("creator", updated.getCreatedBy());
        assertEquals("editor", updated.getModifiedBy());
        assertEquals(updated, store.get(created.getId()).orElseThrow());
        assertTrue(store.findByName("sales db").isEmpty());
    }

    @Test
    public void update_changingOnlyTheCaseOfTheName_isAllowed() {
        Datasource created = store.create(sales().build(), null);
        Datasource updated = store.update(created.getId(), 1, sales().name("SALES DB").build(), null);
        assertEquals("SALES DB", updated.getName());
    }

    @Test
    public void update_toAnotherDatasourcesName_reportsClearError() {
        store.create(sales().build(), null);
        Datasource other = store.create(sales().name("Other").build(), null);
        DuplicateNameException e = assertThrows(DuplicateNameException.class,
                () -> store.update(other.getId(), 1, sales().name("Sales DB").build(), null));
        assertEquals("name: A datasource named 'Sales DB' already exists", e.getMessage());
        assertEquals("Other", store.get(other.getId()).orElseThrow().getName());
    }

    @Test
    public void update_staleRevision_isRejectedAndChangesNothing() {
        Datasource created = store.create(sales().build(), null);
        store.update(created.getId(), 1, sales().maxRows(11).build(), null);
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.update(created.getId(), 1, sales().maxRows(22).build(), null));
        assertTrue(e.getMessage(), e.getMessage().contains("changed by someone else"));
        Datasource stored = store.get(created.getId()).orElseThrow();
        assertEquals(11, stored.getSettings().getMaxRows());
        assertEquals(2, stored.getRevision());
    }

    @Test
    public void update_concurrentEditsOfOneRevision_exactlyOneWins() throws Exception {
        Datasource created = store.create(sales().build(), null);
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous read = new Rendezvous();
            // The other node has read revision 1 and waits before writing anything.
            ActiveObjects paused = Interceptor.after(otherNode, "get", 1, read::arriveAndWait);
            DefaultDatasourceStore slow = new DefaultDatasourceStore(paused, Clock.systemUTC());
            Future<Datasource> late = executor.submit(() -> slow.update(created.getId(), 1, sales().maxRows(22).build(), "late"));
            read.awaitArrival();
            store.update(created.getId(), 1, sales().maxRows(11).build(), "early");
            read.release();

            Exception e = assertThrows(Exception.class, () -> late.get(60, TimeUnit.SECONDS));
            assertTrue(String.valueOf(e.getCause()), e.getCause() instanceof ConflictException);
        }
        Datasource stored = store.get(created.getId()).orElseThrow();
        assertEquals(11, stored.getSettings().getMaxRows());
        assertEquals("early", stored.getModifiedBy());
        assertEquals(2, stored.getRevision());
    }

    @Test
    public void update_missingDatasource_isNotFound() {
        assertThrows(NotFoundException.class, () -> store.update(424242, 1, sales().build(), null));
        assertThrows(NotFoundException.class, () -> store.update(-1, 1, sales().build(), null));
    }

    @Test
    public void list_sortsByNameIgnoringCase() {
        store.create(sales().name("b").build(), null);
        store.create(sales().name("C").build(), null);
        store.create(sales().name("a").build(), null);
        assertEquals(List.of("a", "b", "C"), store.list().stream().map(Datasource::getName).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    public void delete_removesIt() {
        Datasource created = store.create(sales().build(), null);
        store.delete(created.getId());
        assertTrue(store.get(created.getId()).isEmpty());
        assertThrows(NotFoundException.class, () -> store.delete(created.getId()));
    }

    @Test
    public void delete_whileSavedQueriesUseIt_isAConflictThatNamesTheDatasource() {
        Datasource created = store.create(sales().build(), null);
        new DefaultSavedQueryStore(ao).create(new SavedQuerySettings("Top customers", created.getId(), "SELECT 1", null, null), null);
        ConflictException e = assertThrows(ConflictException.class, () -> store.delete(created.getId()));
        assertEquals("Datasource 'Sales DB' is still used by saved queries: delete them or move them to another datasource first.",
                e.getMessage());
        assertTrue(store.get(created.getId()).isPresent());
    }

    @Test
    public void get_unknownOrImpossibleId_isEmpty() {
        assertTrue(store.get(999_999).isEmpty());
        assertTrue(store.get(0).isEmpty());
        assertTrue(store.get(Long.MAX_VALUE).isEmpty());
        assertTrue(store.findByName(" ").isEmpty());
        assertNotEquals(null, store.list());
    }
}
