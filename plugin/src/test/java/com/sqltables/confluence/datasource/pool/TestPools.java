package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.confluence.datasource.ConnectionKind;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.security.PasswordDecryptionException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pools for tests: datasources kept in a map that stands in for the store (the one shared truth of a
 * cluster), passwords "encrypted" as {@code plain:<password>}, and a clock tests may move. Close with
 * {@link #close()}.
 */
public final class TestPools implements AutoCloseable {
    private static final AtomicLong IDS = new AtomicLong(1_000);
    private static final String PLAIN = "plain:";

    private final Map<Long, Datasource> stored = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger decryptions = new AtomicInteger();
    private final AtomicLong nanos;
    private final DatasourcePools pools;

    private TestPools(boolean manualClock, int checkIntervalSeconds) {
        this.nanos = manualClock ? new AtomicLong(1_000_000_000L) : null;
        this.pools = new DatasourcePools(id -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(stored.get(id));
        }, this::decrypt, manualClock ? nanos::get : System::nanoTime, checkIntervalSeconds);
    }

    /** Pools on the real clock, checking the store every 10 seconds as in production. */
    public static TestPools create() {
        return new TestPools(false, DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS);
    }

    /** Pools on a clock that moves only by {@link #advanceSeconds}. */
    public static TestPools withManualClock() {
        return new TestPools(true, DatasourcePools.DEFAULT_CHECK_INTERVAL_SECONDS);
    }

    private String decrypt(Datasource datasource) {
        decryptions.incrementAndGet();
        String ciphertext = datasource.getSettings().getPasswordCiphertext();
        if (ciphertext == null) {
            return null;
        }
        if (!ciphertext.startsWith(PLAIN)) {
            throw new PasswordDecryptionException("The stored password could not be decrypted. Edit the datasource"
                    + " and enter its password again.");
        }
        return ciphertext.substring(PLAIN.length());
    }

    /** @return settings that reach the shared test database as its superuser, read-only */
    public static DatasourceSettings.Builder settingsFor(TestDatabase database) {
        return DatasourceSettings.builder()
                .name("Test " + database.name())
                .connectionKind(ConnectionKind.valueOf(database.name()))
                .jdbcUrl(database.jdbcUrl())
                .username(database.user())
                .passwordCiphertext(encrypted(database.password()))
                .readOnly(true)
                .poolSize(3)
                .connectionTimeoutMs(5_000)
                .queryTimeoutSeconds(30)
                .maxRows(1_000);
    }

    /** @return the test form of an encrypted password */
    public static String encrypted(String password) {
        return password == null ? null : PLAIN + password;
    }

    public DatasourcePools pools() {
        return pools;
    }

    /** Stores a new datasource at revision 1. */
    public Datasource store(DatasourceSettings settings) {
        Datasource datasource = new Datasource(IDS.incrementAndGet(), settings, 1, Instant.EPOCH, "admin",
                Instant.EPOCH, "admin");
        stored.put(datasource.getId(), datasource);
        return datasource;
    }

    /** Changes a stored datasource, as an administrator on any node would: the next revision. */
    public Datasource update(Datasource datasource, DatasourceSettings settings) {
        Datasource changed = new Datasource(datasource.getId(), settings, stored.get(datasource.getId()).getRevision() + 1,
                datasource.getCreated(), datasource.getCreatedBy(), Instant.EPOCH, "admin");
        stored.put(changed.getId(), changed);
        return changed;
    }

    public void delete(long id) {
        stored.remove(id);
    }

    public int lookups() {
        return lookups.get();
    }

    public int decryptions() {
        return decryptions.get();
    }

    public void advanceSeconds(long seconds) {
        nanos.addAndGet(seconds * 1_000_000_000L);
    }

    /** Runs the pools' housekeeping round now. */
    public void housekeep() {
        pools.housekeep();
    }

    public int retiringCount() {
        return pools.retiringCount();
    }

    @Override
    public void close() {
        pools.destroy();
    }
}
