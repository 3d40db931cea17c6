package com.sqltables.devhost;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

public class DevHostOptionsTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    @Test
    public void parse_withoutArguments_usesAmpsLikeDefaults() {
        DevHostOptions options = DevHostOptions.parse();
        assertEquals(1990, options.port());
        assertEquals(2465, options.smtpPort());
        assertEquals("node1", options.nodeId());
        assertEquals("8.5.16", options.productVersion());
        assertEquals("9012", options.buildNumber());
        assertEquals("info", options.logLevel());
        assertFalse(options.help());
        assertTrue(options.dataDir().endsWith("devhost-data"));
        assertThat(options.dbUrl(), containsString("jdbc:h2:file:"));
        assertThat(options.dbUrl(), containsString(";DB_CLOSE_DELAY=-1;AUTO_SERVER=FALSE"));
        assertEquals("sa", options.dbUser());
    }

    @Test
    public void parse_readsEveryOption_inBothSpellings() {
        DevHostOptions options = DevHostOptions.parse("--port", "8090", "--smtp-port=0", "--node-id", "node-2",
                "--data-dir", "/tmp/x", "--db-url", "jdbc:postgresql://db/confluence", "--db-user", "conf",
                "--db-password=secret", "--datasources", "ds.json", "--log-level", "DEBUG", "--plugin", "p.jar",
                "--product-version", "9.2.1", "--build-number", "9105", "--no-plugin");
        assertEquals(8090, options.port());
        assertEquals(0, options.smtpPort());
        assertEquals("node-2", options.nodeId());
        assertEquals(Path.of("/tmp/x"), options.dataDir());
        assertEquals("jdbc:postgresql://db/confluence", options.dbUrl());
        assertEquals("conf", options.dbUser());
        assertEquals("secret", options.dbPassword());
        assertEquals(Path.of("ds.json"), options.datasourcesFile().orElseThrow());
        assertEquals("debug", options.logLevel());
        assertTrue(options.pluginJar().orElseThrow().endsWith("p.jar"));
        assertEquals("9.2.1", options.productVersion());
        assertEquals("9105", options.buildNumber());
        assertTrue(options.noPlugin());
    }

    @Test
    public void parse_help() {
        assertTrue(DevHostOptions.parse("--help").help());
        assertTrue(DevHostOptions.parse("-h").help());
    }

    @Test
    public void usage_namesEveryOption() {
        String usage = DevHostOptions.usage();
        for (String option : new String[] {"--port", "--data-dir", "--db-url", "--db-user", "--db-password",
                "--smtp-port", "--node-id", "--datasources", "--log-level", "--plugin", "--no-plugin",
                "--product-version", "--build-number", "--help"}) {
            assertThat(usage, containsString(option + " "));
        }
    }

    @Test
    public void parse_rejectsWhatItCannotUse_withAMessage() {
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--prot", "1")).getMessage(),
                containsString("Unknown option --prot"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--verbose")).getMessage(),
                containsString("Unknown option --verbose"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("stray")).getMessage(),
                containsString("Unexpected argument 'stray'"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--port", "http")).getMessage(),
                containsString("--port must be a port number"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--port", "70000")).getMessage(),
                containsString("between 0 and 65535"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--port")).getMessage(),
                containsString("needs a value"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--log-level", "loud"))
                .getMessage(), containsString("--log-level"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--node-id", "a b"))
                .getMessage(), containsString("--node-id"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DevHostOptions.parse("--db-url", "postgres://x"))
                .getMessage(), containsString("JDBC URL"));
    }

    @Test
    public void newestPluginJar_ignoresSourceAndTestJars() throws Exception {
        Path target = folder.newFolder("target").toPath();
        Path older = Files.createFile(target.resolve("sql-tables-plugin-1.0.0.jar"));
        Path newer = Files.createFile(target.resolve("sql-tables-plugin-1.1.0-SNAPSHOT.jar"));
        Path sources = Files.createFile(target.resolve("sql-tables-plugin-1.1.0-SNAPSHOT-sources.jar"));
        Files.setLastModifiedTime(older, FileTime.fromMillis(1_000_000));
        Files.setLastModifiedTime(newer, FileTime.fromMillis(2_000_000));
        Files.setLastModifiedTime(sources, FileTime.fromMillis(3_000_000));
        assertEquals(newer, DevHostOptions.newestPluginJar(target).orElseThrow());
    }
}
