package com.sqltables.devhost.services.ao;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.sqltables.devhost.plugins.PluginLoadException;
import com.sqltables.devhost.plugins.PluginLoader;
import com.sqltables.devhost.plugins.testing.SamplePlugin;
import com.sqltables.devhost.plugins.testing.TestEnvironment;
import com.sqltables.devhost.services.HostTables;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.host.ao.AoTableNames;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

/** Active Objects as a plugin sees it: started after enable, upgraded in model-version order, once per cluster. */
public class ActiveObjectsPluginTest {
    private static final String KEY = "com.example.notes";

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private final List<PluginSystem> loaded = new ArrayList<>();

    @After
    public void tearDown() {
        loaded.forEach(PluginSystem::close);
    }

    private static final String NOTE = """
            package com.example.notes.ao;

            import net.java.ao.Entity;
            import net.java.ao.schema.Table;

            @Table("NOTE")
            public interface Note extends Entity {
                String getText();
                void setText(String text);
            }
            """;

    private static final String UPGRADE_TO_1 = """
            package com.example.notes.ao;

            import com.atlassian.activeobjects.external.ActiveObjects;
            import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
            import com.atlassian.activeobjects.external.ModelVersion;
            import java.util.Map;

            public class UpgradeTo1 implements ActiveObjectsUpgradeTask {
                @Override
                public ModelVersion getModelVersion() {
                    return ModelVersion.valueOf("1");
                }

                @Override
                public void upgrade(ModelVersion current, ActiveObjects ao) {
                    ao.migrate(Note.class);
                    ao.create(Note.class, Map.of("TEXT", "seeded from " + current));
                }
            }
            """;

    private static final String UPGRADE_TO_2 = """
            package com.example.notes.ao;

            import com.atlassian.activeobjects.external.ActiveObjects;
            import com.atlassian.activeobjects.external.ActiveObjectsUpgradeTask;
            import com.atlassian.activeobjects.external.ModelVersion;

            public class UpgradeTo2 implements ActiveObjectsUpgradeTask {
                @Override
                public ModelVersion getModelVersion() {
                    return ModelVersion.valueOf("2");
                }

                @Override
                public void upgrade(ModelVersion current, ActiveObjects ao) {
                    for (Note note : ao.find(Note.class)) {
                        note.setText(note.getText() + ", then 2 after " + current);
                        note.save();
                    }
                }
            }
            """;

    private static final String NOTES_MACRO = """
            package com.example.notes;

            import com.atlassian.activeobjects.external.ActiveObjects;
            import com.atlassian.confluence.content.render.xhtml.ConversionContext;
            import com.atlassian.confluence.macro.Macro;
            import com.atlassian.confluence.macro.MacroExecutionException;
            import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
            import com.atlassian.sal.api.transaction.TransactionTemplate;
            import com.example.notes.ao.Note;
            import java.util.ArrayList;
            import java.util.List;
            import java.util.Map;
            import javax.inject.Inject;
            import javax.inject.Named;

            @Named
            public class NotesMacro implements Macro {
                private final ActiveObjects ao;
                private final TransactionTemplate transactions;

                @Inject
                public NotesMacro(@ComponentImport ActiveObjects ao, @ComponentImport TransactionTemplate transactions) {
                    this.ao = ao;
                    this.transactions = transactions;
                    if (System.getProperty("notes.eager") != null) {
                        ao.count(Note.class);
                    }
                }

                @Override
                public String execute(Map<String, String> parameters, String body, ConversionContext context)
                        throws MacroExecutionException {
                    try {
                        transactions.execute(() -> {
                            if (parameters.containsKey("add")) {
                                ao.create(Note.class, Map.of("TEXT", parameters.get("add")));
                            }
                            if (parameters.containsKey("fail")) {
                                throw new IllegalStateException("rolled back");
                            }
                            return null;
                        });
                    } catch (IllegalStateException e) {
                        throw new MacroExecutionException(e.getMessage());
                    }
                    List<String> texts = new ArrayList<>();
                    for (Note note : ao.find(Note.class, net.java.ao.Query.select().order("ID"))) {
                        texts.add(note.getText());
                    }
                    return String.join("|", texts);
                }

                @Override
                public BodyType getBodyType() {
                    return BodyType.NONE;
                }

                @Override
                public OutputType getOutputType() {
                    return OutputType.INLINE;
                }
            }
            """;

    private static final String DESCRIPTOR = """
            <atlassian-plugin key="com.example.notes" name="Notes" plugins-version="2">
                <xhtml-macro name="notes" key="notes-macro" class="com.example.notes.NotesMacro"/>
                <ao key="ao-module" namespace="com.example.notes">
                    <entity>com.example.notes.ao.Note</entity>
                    <upgradeTask>com.example.notes.ao.UpgradeTo2</upgradeTask>
                    <upgradeTask>com.example.notes.ao.UpgradeTo1</upgradeTask>
                </ao>
            </atlassian-plugin>
            """;

    private Path notesJar() {
        return SamplePlugin.withKey(KEY)
                .source("com.example.notes.ao.Note", NOTE)
                .source("com.example.notes.ao.UpgradeTo1", UPGRADE_TO_1)
                .source("com.example.notes.ao.UpgradeTo2", UPGRADE_TO_2)
                .source("com.example.notes.NotesMacro", NOTES_MACRO)
                .descriptor(DESCRIPTOR)
                .index("component", "com.example.notes.NotesMacro")
                .index("imports", "com.atlassian.activeobjects.external.ActiveObjects",
                        "com.atlassian.sal.api.transaction.TransactionTemplate")
                .build(temp.getRoot().toPath().resolve("jars"));
    }

    private PluginSystem load(Path jar, TestEnvironment env) throws PluginLoadException {
        PluginSystem plugin = PluginLoader.load(jar, env, Clock.systemUTC(), false);
        loaded.add(plugin);
        return plugin;
    }

    private static String notes(PluginSystem plugin, Map<String, String> parameters) throws MacroExecutionException {
        Macro macro = plugin.macro("notes").orElseThrow();
        return macro.execute(parameters, "", null);
    }

    private static String storedModelVersion(DataSource database) throws Exception {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT MODEL_VERSION FROM " + HostTables.AO_MODEL
                     + " WHERE NAMESPACE = 'com.example.notes'")) {
            return row.next() ? row.getString(1) : null;
        }
    }

    @Test
    public void upgradeTasks_runInModelVersionOrderOnce_andSurviveARestart() throws Exception {
        Path jar = notesJar();
        TestEnvironment env = TestEnvironment.h2(temp.getRoot().toPath().resolve("data"));
        PluginSystem first = load(jar, env);

        assertEquals("seeded from 0, then 2 after 1|added", notes(first, Map.of("add", "added")));
        assertEquals("2", storedModelVersion(env.database()));
        first.close();
        loaded.remove(first);

        PluginSystem second = load(jar, env);
        assertEquals("seeded from 0, then 2 after 1|added", notes(second, Map.of()));
    }

    @Test
    public void tables_useConfluenceNamesForTheNamespace() throws Exception {
        TestEnvironment env = TestEnvironment.h2(temp.getRoot().toPath().resolve("data"));
        notes(load(notesJar(), env), Map.of());

        String table = AoTableNames.tablePrefix("com.example.notes") + "_NOTE";
        try (Connection connection = env.database().getConnection();
             ResultSet tables = connection.getMetaData().getTables(null, null, table, null)) {
            assertTrue(table + " exists", tables.next());
        }
    }

    @Test
    public void transactionTemplate_rollsBackActiveObjectsWorkOnFailure() throws Exception {
        PluginSystem plugin = load(notesJar(), TestEnvironment.h2(temp.getRoot().toPath().resolve("data")));
        String before = notes(plugin, Map.of());

        try {
            notes(plugin, Map.of("add", "never stored", "fail", "yes"));
            fail("The callback threw, so the macro fails");
        } catch (MacroExecutionException expected) {
            assertEquals("rolled back", expected.getMessage());
        }

        assertEquals(before, notes(plugin, Map.of()));
    }

    @Test
    public void activeObjects_usedWhileThePluginStarts_stopsLoadingWithAnExplanation() throws Exception {
        System.setProperty("notes.eager", "true");
        try {
            load(notesJar(), TestEnvironment.h2(temp.getRoot().toPath().resolve("data")));
            fail("AO is not available before the plugin is enabled");
        } catch (PluginLoadException e) {
            assertThat(e.getMessage(), containsString("com.example.notes.NotesMacro"));
            assertThat(e.getMessage(), containsString("was used while the plugin was still starting"));
        } finally {
            System.clearProperty("notes.eager");
        }
    }

    @Test
    public void twoNodesStartingTogether_upgradeTheSharedDatabaseOnce() throws Exception {
        Path jar = notesJar();
        String url = TestEnvironment.newH2MemoryUrl();
        TestEnvironment node1 = new TestEnvironment(temp.newFolder("node1").toPath(), "node-1", TestEnvironment.h2(url), url);
        TestEnvironment node2 = new TestEnvironment(temp.newFolder("node2").toPath(), "node-2", TestEnvironment.h2(url), url);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<String> one = threads.submit(() -> notes(load(jar, node1), Map.of()));
            Future<String> two = threads.submit(() -> notes(load(jar, node2), Map.of()));

            assertEquals("seeded from 0, then 2 after 1", one.get());
            assertEquals("seeded from 0, then 2 after 1", two.get());
        } finally {
            threads.shutdownNow();
        }
    }
}
