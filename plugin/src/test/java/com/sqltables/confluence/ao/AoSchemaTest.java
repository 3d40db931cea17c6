package com.sqltables.confluence.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ao.testing.TestDatabase;
import com.sqltables.host.ao.HostActiveObjects;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.java.ao.RawEntity;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/** The schema as the real ORM creates it on each database. */
@RunWith(Parameterized.class)
public class AoSchemaTest {
    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    @Test
    public void migrate_createsEveryTableWithTheNamespacePrefix() throws Exception {
        database.activeObjects();
        Set<String> expected = AoSchema.ENTITIES.stream()
                .map(e -> database.activeObjects().tableName(e).toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> actual = database.existingAppTables().stream()
                .map(t -> t.toUpperCase(Locale.ROOT))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual);
        for (Class<? extends RawEntity<?>> entity : AoSchema.ENTITIES) {
            assertTrue(entity.getSimpleName(), database.activeObjects().moduleMetaData().isTablePresent(entity));
        }
    }

    @Test
    public void migrate_twice_isIdempotent() throws Exception {
        List<String> before = database.existingAppTables();
        try (HostActiveObjects secondNode = database.newActiveObjects()) {
            secondNode.migrate(AoSchema.entities());
            secondNode.migrate(AoSchema.entities());
        }
        database.activeObjects().migrate(AoSchema.entities());
        assertEquals(new TreeSet<>(before), new TreeSet<>(database.existingAppTables()));
    }
}
