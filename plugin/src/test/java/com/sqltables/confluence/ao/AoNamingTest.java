package com.sqltables.confluence.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sqltables.host.ao.AoTableNames;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.java.ao.Common;
import net.java.ao.RawEntity;
import net.java.ao.atlassian.AtlassianFieldNameConverter;
import net.java.ao.schema.Ignore;
import org.junit.Test;

/**
 * Names the host accepts on every database: Confluence's AO plugin rejects names over 30 characters
 * and Oracle's reserved words; we also avoid words reserved by the other supported databases.
 */
public class AoNamingTest {
    /** The AO plugin's list, plus words reserved (or risky) in PostgreSQL, MySQL, SQL Server, Oracle or H2. */
    private static final Set<String> RESERVED = Set.of(
            "BLOB", "CLOB", "NUMBER", "ROWID", "TIMESTAMP", "VARCHAR2",
            "KEY", "VALUE", "USER", "ORDER", "GROUP", "DATE", "TIME", "YEAR", "MONTH", "DAY", "LEVEL", "SIZE",
            "COMMENT", "ACTION", "POSITION", "PERIOD", "TYPE", "INDEX", "OPTION", "TEXT", "FILE", "ROW", "ROWS",
            "SESSION", "SYSTEM", "RANGE", "LIMIT", "OFFSET", "CHECK", "DEFAULT", "DESC", "ASC", "FROM", "TO",
            "TABLE", "COLUMN", "SELECT", "WHERE", "UPDATE", "DELETE", "INSERT", "UID", "MODE", "RESOURCE",
            "ACCESS", "AUDIT", "PUBLIC", "UNIQUE", "PRIMARY", "START", "END", "INTERVAL", "ZONE", "REQUIRED");

    private final AtlassianFieldNameConverter fieldNames = new AtlassianFieldNameConverter();

    @Test
    public void tablePrefix_matchesWhatTheHostComputesFromTheNamespace() {
        assertEquals(AoTableNames.tablePrefix(AoSchema.NAMESPACE), AoSchema.TABLE_PREFIX);
    }

    @Test
    public void tableNames_fitThirtyCharacters_andAreNotReserved() {
        for (Class<? extends RawEntity<?>> entity : AoSchema.ENTITIES) {
            String table = AoTableNames.tableName(AoSchema.NAMESPACE, entity);
            assertTrue(table + " is too long", table.length() <= 30);
            assertFalse(table, RESERVED.contains(table.substring(AoSchema.TABLE_PREFIX.length() + 1)));
        }
    }

    @Test
    public void columnNames_fitThirtyCharacters_andAreNotReserved() {
        for (Class<? extends RawEntity<?>> entity : AoSchema.ENTITIES) {
            for (String column : columns(entity)) {
                assertTrue(entity.getSimpleName() + "." + column + " is too long", column.length() <= 30);
                assertFalse(entity.getSimpleName() + "." + column + " is reserved",
                        RESERVED.contains(column.toUpperCase(Locale.ROOT)));
            }
        }
    }

    @Test
    public void columnConstants_nameExactlyTheColumnsOfTheirEntity() throws Exception {
        for (Class<? extends RawEntity<?>> entity : AoSchema.ENTITIES) {
            Set<String> constants = new TreeSet<>();
            for (Field field : entity.getDeclaredFields()) {
                if (field.getName().startsWith("COLUMN_") && Modifier.isStatic(field.getModifiers())) {
                    constants.add((String) field.get(null));
                }
            }
            Set<String> columns = columns(entity);
            columns.remove("ID");
            constants.remove("ID");
            assertEquals(entity.getSimpleName(), columns, constants);
        }
    }

    private Set<String> columns(Class<?> entity) {
        Set<String> columns = new TreeSet<>();
        for (Method method : entity.getMethods()) {
            if ((Common.isAccessor(method) || Common.isMutator(method)) && !method.isAnnotationPresent(Ignore.class)) {
                columns.add(fieldNames.getName(method));
            }
        }
        return columns;
    }
}
