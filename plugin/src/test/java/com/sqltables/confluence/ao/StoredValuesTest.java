package com.sqltables.confluence.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class StoredValuesTest {
    @Test
    public void toEntityId_rejectsIdsNoIntRowCanHave() {
        assertEquals(Integer.valueOf(5), StoredValues.toEntityId(5));
        assertEquals(Integer.valueOf(Integer.MAX_VALUE), StoredValues.toEntityId(Integer.MAX_VALUE));
        assertNull(StoredValues.toEntityId(0));
        assertNull(StoredValues.toEntityId(-3));
        assertNull(StoredValues.toEntityId(Integer.MAX_VALUE + 1L));
    }

    @Test
    public void lines_roundTrip_andEmptyIsNull() {
        assertEquals("a\nb", StoredValues.joinLines(List.of("a", "b")));
        assertNull(StoredValues.joinLines(List.of()));
        assertEquals(List.of("a", "b"), StoredValues.splitLines(" a \n\n b\n"));
        assertEquals(List.of(), StoredValues.splitLines(null));
    }

    @Test
    public void inCriteria_hasOnePlaceholderPerValue() {
        assertEquals("ID IN (?)", StoredValues.inCriteria("ID", 1));
        assertEquals("ID IN (?,?,?)", StoredValues.inCriteria("ID", 3));
        assertThrows(IllegalArgumentException.class, () -> StoredValues.inCriteria("ID", 0));
    }
}
