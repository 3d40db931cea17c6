package com.sqltables.confluence.audit.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.Page;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.audit.AuditEvent;
import com.sqltables.host.ao.HostActiveObjects;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

@RunWith(Parameterized.class)
public class DefaultAuditLogStoreTest {
    private static final Instant T0 = Instant.parse("2026-11-03T10:15:30.250Z");

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private DefaultAuditLogStore store;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        store = new DefaultAuditLogStore(ao, clock);
    }

    private static AuditEntry entry(int n) {
        return AuditEntry.builder("datasource.update", "datasource")
                .actor("admin-key").objectId(String.valueOf(n)).objectName("DS " + n).details("maxRows: 10 -> " + n).build();
    }

    @Test
    public void append_storesEveryField_toTheSecond() {
        AuditEvent event = store.append(entry(1));

        assertEquals(Instant.parse("2026-11-03T10:15:30Z"), event.getOccurredAt());
        assertEquals(entry(1), event.getEntry());
        assertEquals(List.of(event), store.list(0, 10).getItems());
    }

    @Test
    public void append_systemActionWithoutObjectDetails_isFine() {
        AuditEvent event = store.append(AuditEntry.builder("report.sent", "report").build());
        assertEquals(event, store.list(0, 1).getItems().get(0));
    }

    @Test
    public void append_masksAnythingThatLooksLikeASecret() {
        String details = "changed jdbcUrl, password=hunter2; passwordCiphertext: v1:abc "
                + "{\"token\": \"t0k3n\", \"name\": \"ok\"} apiSecret='s e c' user=bob";
        AuditEvent event = store.append(AuditEntry.builder("datasource.update", "datasource").details(details).build());

        String stored = store.list(0, 1).getItems().get(0).getEntry().getDetails();
        assertEquals(event.getEntry().getDetails(), stored);
        for (String secret : List.of("hunter2", "v1:abc", "t0k3n", "s e c")) {
            assertFalse(stored, stored.contains(secret));
        }
        assertTrue(stored, stored.contains("password=****"));
        assertTrue(stored, stored.contains("\"token\": ****"));
        assertTrue(stored, stored.contains("\"name\": \"ok\""));
        assertTrue(stored, stored.contains("user=bob"));
    }

    @Test
    public void append_invalidEntry_namesTheFields() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> store.append(AuditEntry.builder("delete everything!", " ").objectName("a\nb").build()));
        assertTrue(e.getFieldErrors().containsKey("action"));
        assertTrue(e.getFieldErrors().containsKey("objectType"));
        assertTrue(e.getFieldErrors().containsKey("objectName"));
        assertEquals(0, store.list(0, 10).getTotal());
    }

    @Test
    public void list_isNewestFirst_andPaged_evenWithinOneSecond() {
        for (int i = 1; i <= 7; i++) {
            store.append(entry(i));
        }
        Page<AuditEvent> first = store.list(0, 3);
        Page<AuditEvent> last = store.list(6, 3);

        assertEquals(List.of("7", "6", "5"), ids(first));
        assertEquals(7, first.getTotal());
        assertTrue(first.hasMore());
        assertEquals(List.of("4", "3", "2"), ids(store.list(3, 3)));
        assertEquals(List.of("1"), ids(last));
        assertFalse(last.hasMore());
        assertEquals(List.of(), store.list(7, 3).getItems());
    }

    @Test
    public void list_invalidPaging_isRejected() {
        assertThrows(ValidationException.class, () -> store.list(-1, 10));
        assertThrows(ValidationException.class, () -> store.list(0, 0));
        assertThrows(ValidationException.class, () -> store.list(0, DefaultAuditLogStore.MAX_PAGE_SIZE + 1));
    }

    @Test
    public void deleteOlderThan_prunesByTime() {
        store.append(entry(1));
        now.set(T0.plusSeconds(3_600));
        store.append(entry(2));
        now.set(T0.plusSeconds(7_200));
        store.append(entry(3));

        assertEquals(1, store.deleteOlderThan(T0.plusSeconds(3_600)));
        assertEquals(List.of("3", "2"), ids(store.list(0, 10)));
    }

    private static List<String> ids(Page<AuditEvent> page) {
        return page.getItems().stream().map(e -> e.getEntry().getObjectId()).collect(Collectors.toList());
    }
}
