package com.sqltables.devhost.services.sal;

import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertEquals;

public class DevI18nResolverTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private DevI18nResolver i18n;

    @Before
    public void setUp() throws Exception {
        Path root = temp.getRoot().toPath();
        Files.createDirectories(root.resolve("com/example/i18n"));
        Files.write(root.resolve("com/example/i18n/texts.properties"), String.join("\n",
                "rows=Showing {0} of {1} rows",
                "quote=Don''t panic",
                "lone=Don't panic",
                "braces=Use {curly} braces",
                "count=Count: {0,number,integer}",
                "umlaut=Größe",
                "only.base=base text").getBytes(StandardCharsets.UTF_8));
        Files.write(root.resolve("com/example/i18n/texts_de.properties"), "rows={0} von {1} Zeilen\n".getBytes(StandardCharsets.UTF_8));
        i18n = new DevI18nResolver(new URLClassLoader(new URL[] {root.toUri().toURL()}, null), List.of("com.example.i18n.texts"));
    }

    @Test
    public void getText_formatsArgumentsWithMessageFormat() {
        assertEquals("Showing 5 of 10 rows", i18n.getText("rows", 5, 10));
        assertEquals("Count: 1,234", i18n.getText(Locale.ENGLISH, "count", 1234));
    }

    @Test
    public void getText_missingKey_returnsTheKey() {
        assertEquals("no.such.key", i18n.getText("no.such.key"));
        assertEquals("no.such.key", i18n.getRawText("no.such.key"));
    }

    @Test
    public void getText_appliesConfluenceQuotingRules() {
        assertEquals("Don't panic", i18n.getText("quote"));
        assertEquals("Dont panic", i18n.getText("lone"));
        assertEquals("Use {curly} braces", i18n.getText("braces"));
        assertEquals("Don''t panic", i18n.getRawText("quote"));
    }

    @Test
    public void getText_readsUtf8Properties() {
        assertEquals("Größe", i18n.getText("umlaut"));
    }

    @Test
    public void getText_localeSpecificBundleFallsBackToBase() {
        assertEquals("5 von 10 Zeilen", i18n.getText(Locale.GERMAN, "rows", 5, 10));
        assertEquals("base text", i18n.getText(Locale.GERMAN, "only.base"));
    }

    @Test
    public void getText_nullKey_isEmpty() {
        assertEquals("", i18n.getText((String) null));
    }
}
