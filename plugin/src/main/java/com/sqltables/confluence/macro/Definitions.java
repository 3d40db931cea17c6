package com.sqltables.confluence.macro;

import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.ao.SavedQueryStore;
import com.sqltables.confluence.sql.NamedParameterParser;
import com.sqltables.confluence.sql.ParsedSql;
import com.sqltables.confluence.sql.SqlDialect;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import javax.inject.Inject;
import javax.inject.Named;

/**
 * Datasources, saved queries and parsed SQL as the macro reads them on every render, remembered for
 * {@link #MAX_AGE_SECONDS} seconds on this node so that a render (above all a cached one) does not
 * query Confluence's database each time. A change made on any node is therefore seen by every node's
 * macros within {@value #MAX_AGE_SECONDS} seconds — access rules included. Names that do not exist are
 * not remembered (a newly created query works at once, and made-up names cannot fill the memory).
 * Bounded: each map is emptied when it reaches {@link #MAX_ENTRIES}.
 */
@Named
public class Definitions {
    public static final int MAX_AGE_SECONDS = 5;
    static final int MAX_ENTRIES = 1_000;
    /** Longer SQL is parsed every time: a thousand of them would take too much memory. */
    static final int MAX_REMEMBERED_SQL_LENGTH = 20_000;

    private final DatasourceStore datasources;
    private final SavedQueryStore savedQueries;
    private final LongSupplier nanoClock;
    private final long maxAgeNanos;
    private final Map<String, Timed<Datasource>> datasourcesByName = new ConcurrentHashMap<>();
    private final Map<Long, Timed<Datasource>> datasourcesById = new ConcurrentHashMap<>();
    private final Map<String, Timed<SavedQuery>> queriesByName = new ConcurrentHashMap<>();
    private final Map<SqlKey, ParsedSql> parsed = new ConcurrentHashMap<>();

    @Inject
    public Definitions(DatasourceStore datasources, SavedQueryStore savedQueries) {
        this(datasources, savedQueries, System::nanoTime, MAX_AGE_SECONDS);
    }

    Definitions(DatasourceStore datasources, SavedQueryStore savedQueries, LongSupplier nanoClock, int maxAgeSeconds) {
        this.datasources = datasources;
        this.savedQueries = savedQueries;
        this.nanoClock = nanoClock;
        this.maxAgeNanos = TimeUnit.SECONDS.toNanos(maxAgeSeconds);
    }

    /** @return the datasource with this name (ignoring case), if any */
    public Optional<Datasource> datasourceNamed(String name) {
        return remembered(datasourcesByName, key(name), () -> datasources.findByName(name));
    }

    /** @return the datasource with this id, if any */
    public Optional<Datasource> datasource(long id) {
        return remembered(datasourcesById, id, () -> datasources.get(id));
    }

    /** @return the saved query with this name (ignoring case), if any */
    public Optional<SavedQuery> savedQueryNamed(String name) {
        return remembered(queriesByName, key(name), () -> savedQueries.findByName(name));
    }

    /**
     * @return the SQL parsed for the dialect (immutable, so shared)
     * @throws com.sqltables.confluence.sql.SqlRejectedException as {@link NamedParameterParser#parse}
     */
    public ParsedSql parse(String sql, SqlDialect dialect) {
        SqlKey key = new SqlKey(sql, dialect);
        ParsedSql known = parsed.get(key);
        if (known != null) {
            return known;
        }
        ParsedSql fresh = NamedParameterParser.parse(sql, dialect);
        if (sql.length() <= MAX_REMEMBERED_SQL_LENGTH) {
            bound(parsed);
            parsed.put(key, fresh);
        }
        return fresh;
    }

    /** Forgets everything, e.g. right after an administrator changed a definition on this node. */
    public void clear() {
        datasourcesByName.clear();
        datasourcesById.clear();
        queriesByName.clear();
        parsed.clear();
    }

    private <K, V> Optional<V> remembered(Map<K, Timed<V>> map, K key, Supplier<Optional<V>> load) {
        long now = nanoClock.getAsLong();
        Timed<V> entry = map.get(key);
        if (entry != null && now - entry.loadedNanos < maxAgeNanos) {
            return Optional.of(entry.value);
        }
        Optional<V> value = load.get();
        if (value.isPresent()) {
            bound(map);
            map.put(key, new Timed<>(value.get(), now));
        } else {
            map.remove(key);
        }
        return value;
    }

    private static void bound(Map<?, ?> map) {
        if (map.size() >= MAX_ENTRIES) {
            map.clear();
        }
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    private static final class Timed<V> {
        final V value;
        final long loadedNanos;

        Timed(V value, long loadedNanos) {
            this.value = value;
            this.loadedNanos = loadedNanos;
        }
    }

    private static final class SqlKey {
        final String sql;
        final SqlDialect dialect;

        SqlKey(String sql, SqlDialect dialect) {
            this.sql = Objects.requireNonNull(sql, "sql");
            this.dialect = dialect;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SqlKey && ((SqlKey) o).sql.equals(sql) && ((SqlKey) o).dialect == dialect;
        }

        @Override
        public int hashCode() {
            return sql.hashCode() * 31 + Objects.hashCode(dialect);
        }
    }
}
