package com.sqltables.confluence.report.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.sqltables.confluence.ConflictException;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.ao.testing.Interceptor;
import com.sqltables.confluence.ao.testing.Rendezvous;
import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.report.LedgerEntry;
import com.sqltables.confluence.report.ReportClaim;
import com.sqltables.confluence.report.ReportStatus;
import com.sqltables.host.ao.HostActiveObjects;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
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
public class DefaultReportLedgerStoreTest {
    private static final String PERIOD = "2026-11";
    private static final Instant T0 = Instant.parse("2026-12-01T03:00:00Z");
    private static final Duration LEASE = Duration.ofHours(1);

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    private HostActiveObjects ao;
    private DefaultReportLedgerStore store;
    private ExecutorService executor;

    @Before
    public void setUp() {
        ao = database.activeObjects();
        database.clean();
        store = new DefaultReportLedgerStore(ao);
        executor = Executors.newCachedThreadPool();
    }

    @After
    public void tearDown() {
        executor.shutdownNow();
    }

    @Test
    public void claim_unclaimedPeriod_succeeds_andIsHeldAgainstOthers() {
        ReportClaim claim = store.claim(PERIOD, "node-1", T0, LEASE).orElseThrow();

        assertEquals(new ReportClaim(PERIOD, 1, "node-1", T0), claim);
        assertEquals(Optional.empty(), store.claim(PERIOD, "node-2", T0.plusSeconds(60), LEASE));
        assertEquals(Optional.empty(), store.claim(PERIOD, "node-1", T0.plusSeconds(60), LEASE));
        LedgerEntry entry = store.get(PERIOD).orElseThrow();
        assertEquals(ReportStatus.CLAIMED, entry.getStatus());
        assertEquals(claim, entry.toClaim());
    }

    @Test
    public void markSent_recordsEverything_andThePeriodIsDone() {
        ReportClaim claim = store.claim(PERIOD, "node-1", T0, LEASE).orElseThrow();
        String payload = "{\"period\":\"2026-11\",\"renders\":12345}\n" + "x".repeat(20_000);

        LedgerEntry sent = store.markSent(claim, T0.plusSeconds(5), "usage@vendor.example", "<abc@host>", "sha256:00ff", payload);

        assertEquals(new LedgerEntry(PERIOD, ReportStatus.SENT, 1, T0, "node-1", T0.plusSeconds(5), "usage@vendor.example",
                "<abc@host>", "sha256:00ff", payload, null), sent);
        assertEquals(sent, store.get(PERIOD).orElseThrow());
        assertEquals(Optional.empty(), store.claim(PERIOD, "node-2", T0.plus(Duration.ofDays(30)), LEASE));
        assertThrows(ConflictException.class, () -> store.markFailed(claim, "again"));
    }

    @Test
    public void markFailed_letsTheNextClaimRetry_withTheNextAttempt() {
        ReportClaim first = store.claim(PERIOD, "node-1", T0, LEASE).orElseThrow();
        LedgerEntry failed = store.markFailed(first, "SMTP 451 try again later");
        assertEquals(ReportStatus.FAILED, failed.getStatus());
        assertEquals("SMTP 451 try again later", failed.getLastError());

        ReportClaim second = store.claim(PERIOD, "node-2", T0.plusSeconds(600), LEASE).orElseThrow();
        assertEquals(2, second.getAttempt());
        assertEquals("node-2", second.getNodeId());
        LedgerEntry sent = store.markSent(second, T0.plusSeconds(601), "r@x", "<id>", null, null);
        assertEquals(2, sent.getAttempts());
        assertNull(sent.getLastError());
    }

    @Test
    public void markSkipped_isFinal() {
        ReportClaim claim = store.claim(PERIOD, "node-1", T0, LEASE).orElseThrow();
        assertEquals("reporting disabled", store.markSkipped(claim, "reporting disabled").getLastError());
        assertEquals(Optional.empty(), store.claim(PERIOD, "node-1", T0.plus(Duration.ofDays(1)), LEASE));
    }

    @Test
    public void claim_staleClaim_isTakenOver_andTheOldHolderCannotRecordAnOutcome() {
        ReportClaim dead = store.claim(PERIOD, "node-1", T0, LEASE).orElseThrow();
        assertEquals(Optional.empty(), store.claim(PERIOD, "node-2", T0.plus(LEASE).minusSeconds(1), LEASE));

        ReportClaim takeover = store.claim(PERIOD, "node-2", T0.plus(LEASE), LEASE).orElseThrow();

        assertEquals(2, takeover.getAttempt());
        ConflictException e = assertThrows(ConflictException.class,
                () -> store.markSent(dead, T0.plus(LEASE), "r@x", null, null, null));
        assertTrue(e.getMessage(), e.getMessage().contains("no longer holds the claim"));
        assertEquals(ReportStatus.CLAIMED, store.get(PERIOD).orElseThrow().getStatus());
        assertEquals(ReportStatus.SENT, store.markSent(takeover, T0.plus(LEASE), "r@x", null, null, null).getStatus());
    }

    @Test
    public void markFailed_longError_isCut() {
        ReportClaim claim = store.claim(PERIOD, "node-1", T0, LEASE).orElseThrow();
        String error = store.markFailed(claim, "e".repeat(10_000)).getLastError();
        assertEquals(DefaultReportLedgerStore.MAX_ERROR_LENGTH, error.length());
    }

    @Test
    public void claim_invalidInput_namesTheField() {
        ValidationException e = assertThrows(ValidationException.class, () -> store.claim("2026/11", " ", null, Duration.ZERO));
        assertTrue(e.getFieldErrors().containsKey("period"));
        assertEquals("is required", e.getFieldErrors().get("nodeId"));
        assertEquals("is required", e.getFieldErrors().get("now"));
        assertTrue(e.getFieldErrors().containsKey("staleAfter"));
    }

    @Test
    public void list_newestPeriodFirst() {
        for (String period : List.of("2026-09", "2026-11", "2026-10")) {
            store.claim(period, "node-1", T0, LEASE).orElseThrow();
        }
        assertEquals(List.of("2026-11", "2026-10", "2026-09"),
                store.list().stream().map(LedgerEntry::getPeriod).collect(Collectors.toList()));
    }

    @Test
    public void claimRace_twoEntityManagers_exactlyOneWinnerPerPeriod() throws Exception {
        List<String> periods = List.of("2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08");
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            List<DefaultReportLedgerStore> nodes = List.of(store, new DefaultReportLedgerStore(otherNode));
            for (String period : periods) {
                CyclicBarrier start = new CyclicBarrier(4);
                List<Future<Optional<ReportClaim>>> attempts = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    DefaultReportLedgerStore node = nodes.get(t % 2);
                    String nodeId = "node-" + t;
                    attempts.add(executor.submit((Callable<Optional<ReportClaim>>) () -> {
                        start.await(60, TimeUnit.SECONDS);
                        return node.claim(period, nodeId, T0, LEASE);
                    }));
                }
                List<ReportClaim> winners = new ArrayList<>();
                for (Future<Optional<ReportClaim>> attempt : attempts) {
                    attempt.get(60, TimeUnit.SECONDS).ifPresent(winners::add);
                }
                assertEquals(period + ": " + winners, 1, winners.size());
                assertEquals(winners.get(0).getNodeId(), store.get(period).orElseThrow().getClaimedBy());
            }
        }
    }

    @Test
    public void claimRace_bothSawNoEntry_uniqueConstraintPicksOneWinner() throws Exception {
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous looked = new Rendezvous();
            // The other node has found no entry for the period and waits before inserting its claim.
            ActiveObjects paused = Interceptor.after(otherNode, "find", 1, looked::arriveAndWait);
            Future<Optional<ReportClaim>> late = executor.submit(
                    () -> new DefaultReportLedgerStore(paused).claim(PERIOD, "node-2", T0, LEASE));
            looked.awaitArrival();
            assertTrue(store.claim(PERIOD, "node-1", T0, LEASE).isPresent());
            looked.release();

            assertEquals(Optional.empty(), late.get(60, TimeUnit.SECONDS));
        }
        assertEquals("node-1", store.get(PERIOD).orElseThrow().getClaimedBy());
    }

    @Test
    public void retryRace_bothSawTheFailure_exactlyOneTakesTheNextAttempt() throws Exception {
        store.markFailed(store.claim(PERIOD, "node-0", T0, LEASE).orElseThrow(), "boom");
        try (HostActiveObjects otherNode = database.newActiveObjects()) {
            Rendezvous looked = new Rendezvous();
            ActiveObjects paused = Interceptor.after(otherNode, "find", 1, looked::arriveAndWait);
            Future<Optional<ReportClaim>> late = executor.submit(
                    () -> new DefaultReportLedgerStore(paused).claim(PERIOD, "node-2", T0.plusSeconds(60), LEASE));
            looked.awaitArrival();
            ReportClaim won = store.claim(PERIOD, "node-1", T0.plusSeconds(60), LEASE).orElseThrow();
            assertEquals(2, won.getAttempt());
            looked.release();

            assertEquals(Optional.empty(), late.get(60, TimeUnit.SECONDS));
        }
        LedgerEntry entry = store.get(PERIOD).orElseThrow();
        assertEquals("node-1", entry.getClaimedBy());
        assertEquals(2, entry.getAttempts());
        assertEquals("the failure is kept until the next outcome", "boom", entry.getLastError());
    }
}
