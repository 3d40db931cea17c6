package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.List;
import org.junit.Test;

public class ConnectionPropertiesTest {
    @Test
    public void entries_keepEveryAssignmentInOrder_asTheDriverWouldReadThem() {
        assertEquals(List.of(new SimpleImmutableEntry<>("a", "1"), new SimpleImmutableEntry<>("sslfactory", "x y"),
                        new SimpleImmutableEntry<>("a", "2")),
                ConnectionProperties.entries("# comment\na=1\nssl\\u0066actory : x y\n\na = 2"));
    }

    @Test
    public void toProperties_lastAssignmentWins() {
        assertEquals("2", ConnectionProperties.toProperties("a=1\na=2").getProperty("a"));
    }

    @Test
    public void entries_ofNothing_areEmpty() {
        assertEquals(List.of(), ConnectionProperties.entries(null));
        assertEquals(List.of(), ConnectionProperties.entries("  \n"));
    }

    @Test
    public void entries_malformedEscape_isRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConnectionProperties.entries("a=\\uZZZZ"));
    }
}
