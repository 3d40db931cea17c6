package com.sqltables.bench;

import com.sqltables.confluence.NotFoundException;
import com.sqltables.confluence.datasource.Datasource;
import com.sqltables.confluence.datasource.DatasourceSettings;
import com.sqltables.confluence.datasource.ao.DatasourceStore;
import com.sqltables.confluence.query.SavedQuery;
import com.sqltables.confluence.query.SavedQuerySettings;
import com.sqltables.confluence.query.ao.SavedQueryStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Datasources and saved queries in maps, standing in for the Active Objects stores: the render path
 * reads them only through {@code Definitions}, which remembers them for seconds, so the store's own
 * speed does not show in the figures. Changes are not needed by the benchmark.
 */
final class InMemoryStores {
    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Datasource> datasources = new ConcurrentHashMap<>();
    private final Map<Long, SavedQuery> queries = new ConcurrentHashMap<>();

    Datasource addDatasource(DatasourceSettings settings) {
        Datasource datasource = new Datasource(ids.incrementAndGet(), settings, 1, Instant.EPOCH, null, Instant.EPOCH,
                null);
        datasources.put(datasource.getId(), datasource);
        return datasource;
    }

    SavedQuery addQuery(String name, Datasource datasource, String sql) {
        SavedQuery query = new SavedQuery(ids.incrementAndGet(), new SavedQuerySettings(name, datasource.getId(), sql,
                null, List.of()), null, 1, Instant.EPOCH, Instant.EPOCH, null);
        queries.put(query.getId(), query);
        return query;
    }

    boolean hasQuery(String name) {
        return queries.values().stream().anyMatch(q -> same(q.getName(), name));
    }

    DatasourceStore datasourceStore() {
        return new DatasourceStore() {
            @Override
            public Datasource create(DatasourceSettings settings, String actorUserKey) {
                return addDatasource(settings);
            }

            @Override
            public Datasource update(long id, long expectedRevision, DatasourceSettings settings, String actorUserKey) {
                throw new UnsupportedOperationException("not needed by the benchmark");
            }

            @Override
            public Optional<Datasource> get(long id) {
                return Optional.ofNullable(datasources.get(id));
            }

            @Override
            public Optional<Datasource> findByName(String name) {
                return datasources.values().stream().filter(d -> same(d.getName(), name)).findFirst();
            }

            @Override
            public List<Datasource> list() {
                return new ArrayList<>(datasources.values());
            }

            @Override
            public void delete(long id) {
                if (datasources.remove(id) == null) {
                    throw new NotFoundException("No datasource " + id);
                }
            }
        };
    }

    SavedQueryStore savedQueryStore() {
        return new SavedQueryStore() {
            @Override
            public SavedQuery create(SavedQuerySettings settings, String ownerUserKey) {
                throw new UnsupportedOperationException("not needed by the benchmark");
            }

            @Override
            public SavedQuery update(long id, long expectedRevision, SavedQuerySettings settings, String actorUserKey) {
                throw new UnsupportedOperationException("not needed by the benchmark");
            }

            @Override
            public Optional<SavedQuery> get(long id) {
                return Optional.ofNullable(queries.get(id));
            }

            @Override
            public Optional<SavedQuery> findByName(String name) {
                return queries.values().stream().filter(q -> same(q.getName(), name)).findFirst();
            }

            @Override
            public List<SavedQuery> list() {
                return new ArrayList<>(queries.values());
            }

            @Override
            public List<SavedQuery> listForDatasource(long datasourceId) {
                List<SavedQuery> found = new ArrayList<>();
                for (SavedQuery query : queries.values()) {
                    if (query.getSettings().getDatasourceId() == datasourceId) {
                        found.add(query);
                    }
                }
                return found;
            }

            @Override
            public void delete(long id) {
                queries.remove(id);
            }
        };
    }

    private static boolean same(String a, String b) {
        return a != null && b != null && a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
