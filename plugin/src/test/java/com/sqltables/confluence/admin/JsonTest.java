package com.sqltables.confluence.admin;

import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.Assert.assertEquals;

public class JsonTest {
    @Test
    public void write_escapesQuotesControlCharactersAndHtml() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("text", "a\"b\\c\n</script><b>&\u0001\u2028");
        object.put("n", 12L);
        object.put("ok", true);
        object.put("none", null);
        object.put("nested", Map.of("k", "v"));

        assertEquals("{\"text\":\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u0001\\u2028\","
                + "\"n\":12,\"ok\":true,\"none\":null,\"nested\":{\"k\":\"v\"}}", Json.write(object));
    }
}
