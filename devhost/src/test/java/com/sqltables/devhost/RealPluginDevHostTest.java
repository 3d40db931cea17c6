package com.sqltables.devhost;

import com.sqltables.devhost.testing.HttpTestClient;
import com.sqltables.devhost.testing.Pages;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.fail;

/** The dev host with the real, built plugin jar from {@code plugin/target}, as {@code atlas-run} would run it. */
public class RealPluginDevHostTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private DevHostOptions.Builder options() throws Exception {
        return DevHostOptions.builder().port(0).smtpPort(0).dataDir(folder.newFolder("data").toPath()).logLevel("warn");
    }

    @Test
    public void builtPluginJar_loadsAndTheHostServesWithIt() throws Exception {
        Path jar = DevHostOptions.parse().pluginJar().orElse(null);
        if (jar == null) {
            fail("No plugin/target/sql-tables-plugin-*.jar: build the plugin first (mvn -pl plugin package)");
        }
        try (DevHost host = DevHost.start(options().pluginJar(jar).build())) {
            assertEquals("com.sqltables.confluence", host.pluginSystem().pluginKey());
            HttpTestClient author = HttpTestClient.basic(host.baseUrl(), "author", "author");
            String id = author.postJson("/rest/api/content", Pages.newPage("DEMO", "With the plugin", "<p>ok</p>"))
                    .json().get("id").asText();
            assertEquals("<p>ok</p>", author.get("/rest/api/content/" + id + "?expand=body.view").json()
                    .at("/body/view/value").asText());

            HttpTestClient admin = HttpTestClient.browser(host.baseUrl());
            admin.login("admin", "admin");
            admin.webSudo("admin");
            assertThat(admin.get("/admin/console.action").body(), containsString("(com.sqltables.confluence)"));
            assertEquals(200, admin.get("/admin/scheduledjobs/viewscheduledjobs.action").status());
        }
    }

    @Test
    public void brokenPluginJar_stopsStartUpWithTheLoadersMessage() throws Exception {
        Path jar = folder.getRoot().toPath().resolve("broken-plugin.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.finish();
        }
        DevHostStartException e = assertThrows(DevHostStartException.class,
                () -> DevHost.start(options().pluginJar(jar).build()));
        assertThat(e.getMessage(), containsString("cannot load the plugin"));
        assertThat(e.getMessage(), containsString("broken-plugin.jar"));
    }
}
