package com.sqltables.confluence.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

public class JsonTest {
    @Test
    public void write_escapesQuotesControlCharactersAndHtml() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("text", "a\"b\\c\n</script><b>&'\u0001\u2028");
        object.put("n", 12L);
        object.put("ok", true);
        object.put("none", null);
        object.put("nested", Map.of("k", "v"));

        assertEquals("{\"text\":\"a\\\"b\\\\c\\n\\u003C/script\\u003E\\u003Cb\\u003E\\u0026\\u0027\\u0001\\u2028\","
                + "\"n\":12,\"ok\":true,\"none\":null,\"nested\":{\"k\":\"v\"}}", Json.write(object));
    }

    @Test
    public void write_hostileText_readsBackUnchangedAndHasNoRawMarkup() throws Exception {
        String hostile = "<img src=x onerror=alert(1)>\u2029\"'&amp;\u00e9\ud83d\ude00";
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("rows", List.of(List.of(hostile, "x"), java.util.Arrays.asList(null, "y")));

        String written = Json.write(object);

        assertFalse(written, written.contains("<") || written.contains(">") || written.contains("&")
                || written.contains("'") || written.contains("\u2029"));
        assertEquals(object, new ObjectMapper().readValue(written, Map.class));
    }
}
