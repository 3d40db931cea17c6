package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import org.junit.Test;

/** docs/JDBC-URL-HARDENING.md names every property the policy refuses, so the two cannot drift apart. */
public class HardeningDocTest {
    @Test
    public void everyRefusedProperty_isDocumented() throws IOException {
        Path doc = Paths.get("..", "docs", "JDBC-URL-HARDENING.md");
        String text = new String(Files.readAllBytes(doc), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
        for (JdbcDriverFamily family : JdbcDriverFamily.values()) {
            for (String name : DangerousProperties.names(family)) {
                assertTrue(family + " " + name + " is not in " + doc, text.contains("`" + name + "`"));
            }
        }
    }
}
