package com.sqltables.host.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.Test;

public class AoTableNamesTest {
    @Test
    public void tablePrefix_isAoPlusLastSixHexDigitsOfMd5_upperCase() {
        // md5("com.sqltables.confluence") = 903e56517f9e5ad938ff29c2a240b3a7, computed with md5sum.
        assertEquals("AO_40B3A7", AoTableNames.tablePrefix("com.sqltables.confluence"));
        // md5("com.example.test") = 365da921dd4f21dfbebdffa379b17c3d
        assertEquals("AO_B17C3D", AoTableNames.tablePrefix("com.example.test"));
    }

    @Test
    public void tableName_usesTableAnnotation() {
        assertEquals("AO_B17C3D_NOTE", AoTableNames.tableName("com.example.test", Note.class));
    }

    @Test
    public void tablePrefix_blankNamespace_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> AoTableNames.tablePrefix(" "));
    }

    @Test
    public void withoutCredentials_masksPasswordsAndUserInfo() {
        assertEquals("jdbc:postgresql://****@db/x?user=a&password=****",
                JdbcUrls.withoutCredentials("jdbc:postgresql://bob:pw@db/x?user=a&password=secret"));
    }

    @Test
    public void mariaDbUrl_getsNullDatabaseMeansCurrent_once() {
        assertEquals("jdbc:mariadb://h/db?nullDatabaseMeansCurrent=true",
                JdbcUrls.withMariaDbCurrentDatabaseOption("jdbc:mariadb://h/db"));
        assertEquals("jdbc:mariadb://h/db?a=1&nullDatabaseMeansCurrent=true",
                JdbcUrls.withMariaDbCurrentDatabaseOption("jdbc:mariadb://h/db?a=1"));
        assertEquals("jdbc:mariadb://h/db?nullDatabaseMeansCurrent=false",
                JdbcUrls.withMariaDbCurrentDatabaseOption("jdbc:mariadb://h/db?nullDatabaseMeansCurrent=false"));
        assertEquals("jdbc:h2:mem:x", JdbcUrls.withMariaDbCurrentDatabaseOption("jdbc:h2:mem:x"));
    }

    @Test
    public void databaseKind_fromUrlAndProductName() {
        assertEquals(DatabaseKind.H2, DatabaseKind.fromJdbcUrl("jdbc:h2:mem:x"));
        assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.fromJdbcUrl("jdbc:postgresql://h/db"));
        assertEquals(DatabaseKind.MYSQL, DatabaseKind.fromJdbcUrl("jdbc:mariadb://h/db"));
        assertEquals(DatabaseKind.MYSQL, DatabaseKind.fromProductName("MariaDB"));
        assertEquals(DatabaseKind.POSTGRESQL, DatabaseKind.fromProductName("PostgreSQL"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatabaseKind.fromJdbcUrl("jdbc:oracle:thin:scott/tiger@h:1521/x?password=pw"));
        assertEquals(false, e.getMessage().contains("=pw"));
    }
}
