package com.sqltables.devhost.datasources;

import com.sqltables.devhost.spi.DatasourceDeclaration;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class DatasourceSpecTest {
    private static DatasourceDeclaration declaration(String url, String... properties) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < properties.length; i += 2) {
            map.put(properties[i], properties[i + 1]);
        }
        return new DatasourceDeclaration("sales", url, "report", "secret", map);
    }

    @Test
    public void fromDeclaration_withoutProperties_isReadOnly_withoutInlineSql_forEveryone() {
        DatasourceSpec spec = DatasourceSpec.fromDeclaration(declaration("jdbc:postgresql://db:5432/sales"));
        assertEquals("POSTGRESQL", spec.kind());
        assertTrue(spec.readOnly());
        assertFalse(spec.inlineSqlAllowed());
        assertNull(spec.maxRows());
        assertEquals(List.of(), spec.allowedGroups());
        assertEquals("secret", spec.password());
        assertThat(spec.toString(), not(containsString("secret")));
    }

    @Test
    public void fromDeclaration_readsKindFlagsNumbersAndLists() {
        DatasourceSpec spec = DatasourceSpec.fromDeclaration(declaration("jdbc:mysql://db/sales", "readOnly", "false",
                "inlineSqlAllowed", "TRUE", "maxRows", "50", "allowedSpaces", "DEMO, SALES", "allowedGroups", "confluence-users"));
        assertEquals("MYSQL", spec.kind());
        assertFalse(spec.readOnly());
        assertTrue(spec.inlineSqlAllowed());
        assertEquals(Integer.valueOf(50), spec.maxRows());
        assertEquals(List.of("DEMO", "SALES"), spec.allowedSpaces());
        assertEquals(List.of("confluence-users"), spec.allowedGroups());
        assertEquals("ORACLE", DatasourceSpec.fromDeclaration(declaration("jdbc:x:y", "kind", "oracle")).kind());
    }

    @Test
    public void fromDeclaration_withBadValues_namesDatasourceAndProperty() {
        IllegalArgumentException flag = assertThrows(IllegalArgumentException.class,
                () -> DatasourceSpec.fromDeclaration(declaration("jdbc:h2:mem:x", "readOnly", "yes")));
        assertThat(flag.getMessage(), containsString("sales"));
        assertThat(flag.getMessage(), containsString("readOnly"));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class,
                () -> DatasourceSpec.fromDeclaration(declaration("jdbc:h2:mem:x", "maxRows", "ten")));
        assertThat(number.getMessage(), containsString("maxRows"));
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> DatasourceSpec.fromDeclaration(declaration("jdbc:sqlite:x.db")));
        assertThat(kind.getMessage(), containsString("kind"));
    }
}
