package com.sqltables.confluence.report;

import static org.junit.Assert.assertEquals;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.Test;

public class CanonicalJsonTest {
    @Test
    public void keys_areSorted_atEveryLevel_whateverTheInsertionOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1L);
        inner.put("a", true);
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", "x");
        outer.put("c", new HashMap<>());
        assertEquals("{\n  \"a\": \"x\",\n  \"b\": {\n    \"a\": true,\n    \"z\": 1\n  },\n  \"c\": {}\n}\n",
                CanonicalJson.write(outer));
    }

    @Test
    public void strings_escapeQuotesControlsMarkupAndNonAscii() {
        assertEquals("{\n  \"k\": \"q\\\" b\\\\ \\u000a \\u003c\\u0026\\u003e \\u00e9\"\n}\n",
                CanonicalJson.write(Map.of("k", "q\" b\\ \n <&> é")));
    }

    @Test(expected = IllegalArgumentException.class)
    public void otherTypes_areRefused() {
        CanonicalJson.write(Map.of("k", new Object()));
    }
}
