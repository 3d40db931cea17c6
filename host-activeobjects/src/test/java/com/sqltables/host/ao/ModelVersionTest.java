package com.sqltables.host.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.atlassian.activeobjects.external.ModelVersion;
import org.junit.Test;

/** The host-api stand-in must behave like the AO plugin's class, which the dev host relies on. */
public class ModelVersionTest {
    @Test
    public void valueOf_nullIsVersionZero_andVersionsCompareNumerically() {
        ModelVersion zero = ModelVersion.valueOf(null);
        ModelVersion two = ModelVersion.valueOf("2");
        ModelVersion ten = ModelVersion.valueOf("10");

        assertEquals("0", zero.toString());
        assertTrue(two.isOlderThan(ten));
        assertTrue(ten.isNewerThan(two));
        assertTrue(two.isSame(ModelVersion.valueOf("2")));
        assertFalse(two.isSame(ten));
        assertTrue(zero.compareTo(two) < 0);
    }

    @Test
    public void valueOf_notANumber_fails() {
        assertThrows(NumberFormatException.class, () -> ModelVersion.valueOf("v2"));
    }
}
