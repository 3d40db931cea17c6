package com.sqltables.devhost.plugins;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import com.sqltables.devhost.plugins.testing.FakeHttp;
import com.sqltables.devhost.plugins.testing.SampleFixtures;
import com.sqltables.devhost.plugins.testing.SamplePlugin;
import com.sqltables.devhost.plugins.testing.TestEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.ScheduledJobs;
import com.sqltables.devhost.spi.ServletModule;
import com.sqltables.devhost.spi.WebItemModule;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class PluginLoaderTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private PluginSystem plugin;

    @After
    public void tearDown() {
        RequestContext.clear();
        if (plugin != null) {
            plugin.close();
        }
    }

    private PluginSystem load(SamplePlugin sample) throws Exception {
        Path jar = sample.build(temp.getRoot().toPath().resolve("jars"));
        plugin = PluginLoader.load(jar, TestEnvironment.h2(temp.getRoot().toPath().resolve("data")), Clock.systemUTC(), false);
        return plugin;
    }

    private String loadFailure(SamplePlugin sample) throws Exception {
        Path jar = sample.build(temp.getRoot().toPath().resolve("jars"));
        try {
            plugin = PluginLoader.load(jar, TestEnvironment.h2(temp.getRoot().toPath().resolve("data")), Clock.systemUTC(), false);
        } catch (PluginLoadException e) {
            return e.getMessage();
        }
        fail("The plugin loaded, but it should have been refused");
        return null;
    }

    @Test
    public void load_goodPlugin_reportsKeyNameVersionAndModules() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin());

        assertEquals("com.example.sample", system.pluginKey());
        assertEquals("Sample Plugin", system.pluginName());
        assertEquals("1.2.3", system.pluginVersion());
        assertEquals(List.of("hello"), system.macroNames());
        assertEquals(1, system.servlets().size());
        assertEquals(List.of("/sample/admin"), system.servlets().get(0).urlPatterns());
        assertEquals("Sample Section", system.webSections().get(0).label());
        assertEquals("system.admin", system.webSections().get(0).location());
    }

    @Test
    public void macro_execute_usesInjectedHostServicesAndEscapesTemplateValues() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin());
        RequestContext.bind(null, null, TestEnvironment.AUTHOR);

        Macro macro = system.macro("hello").orElseThrow();
        String html = macro.execute(Map.of("raw", "<img src=x onerror=alert(1)>"), "", null);

        assertThat(html, containsString("<p>Hello, Page Author!</p>"));
        assertThat(html, containsString("<div><b>bold</b></div>"));
        assertThat(html, containsString("<span>&lt;img src=x onerror=alert(1)&gt;</span>"));
        assertEquals(Macro.OutputType.BLOCK, macro.getOutputType());
    }

    @Test
    public void servlet_serves_withInitParamsRemoteUserAndPluginClassLoader() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin());
        ServletModule module = system.servlets().get(0);
        FakeHttp.Request request = new FakeHttp.Request();
        FakeHttp.Response response = new FakeHttp.Response();
        RequestContext.bind(request.proxy, response.proxy, TestEnvironment.ADMIN);

        module.servlet().service(request.proxy, response.proxy);

        assertEquals("mode=test user=admin tccl=true", response.body());
        assertEquals("admin-servlet", module.key());
    }

    @Test
    public void component_lifecycle_initialisedOnLoadAndDestroyedOnClose() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin());
        Object greetings = ((LoadedPlugin) system).container().bean("greetingService").orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) greetings.getClass().getMethod("events").invoke(greetings);
        assertEquals(List.of("constructed", "afterPropertiesSet"), events);

        system.close();
        plugin = null;

        assertEquals(List.of("constructed", "afterPropertiesSet", "destroy"), events);
    }

    @Test
    public void close_removesUnpackedBundleFiles() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin().embed("META-INF/lib/shout.jar", shoutLibrary()));
        Path cache = temp.getRoot().toPath().resolve("data/plugins/bundle-cache");
        assertTrue("embedded jar is unpacked", countFiles(cache) > 0);

        system.close();
        plugin = null;

        assertEquals(0, countFiles(cache));
    }

    @Test
    public void webItems_conditionShowsAdminItemToSystemAdministratorsOnly() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin());

        RequestContext.bind(null, null, TestEnvironment.ADMIN);
        List<WebItemModule> forAdmin = system.webItems("system.admin/sample-section");
        RequestContext.bind(null, null, TestEnvironment.VIEWER);
        List<WebItemModule> forViewer = system.webItems("system.admin/sample-section");
        RequestContext.clear();
        List<WebItemModule> help = system.webItems("system.help/pages");

        assertEquals(1, forAdmin.size());
        assertEquals("Sample Admin", forAdmin.get(0).label());
        assertEquals("/plugins/servlet/sample/admin", forAdmin.get(0).link());
        assertTrue(forViewer.isEmpty());
        assertEquals("Sample help", help.get(0).label());
    }

    @Test
    public void webResources_areListedAndDownloadable() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin());

        assertEquals("com.example.sample:sample-resources", system.webResources().get(0).completeKey());
        assertEquals(List.of("sample-context"), system.webResources().get(0).contexts());
        assertEquals(List.of("sample.js"), system.webResources().get(0).resourceNames());
        try (InputStream in = system.openResource("com.example.sample:sample-resources", "sample.js").orElseThrow()) {
            assertEquals("console.log('sample');\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertFalse(system.openResource("com.example.sample:sample-resources", "missing.js").isPresent());
    }

    @Test
    public void scheduledJobs_managedJobConfigIsListedAndRunsOnDemand() throws Exception {
        ScheduledJobs jobs = load(SampleFixtures.goodPlugin()).scheduledJobs();

        ScheduledJobs.JobView before = jobs.list().get(0);
        String result = jobs.runNow("sampleJobConfig");
        ScheduledJobs.JobView after = jobs.list().get(0);

        assertEquals("sampleJobConfig", before.key());
        assertEquals("Sample job", before.name());
        assertEquals("0 0 3 * * ?", before.schedule());
        assertTrue(before.nextRun().isPresent());
        assertFalse(before.lastRun().isPresent());
        assertEquals("SUCCESS: run 1", result);
        assertEquals("SUCCESS: run 1", after.lastResult().orElseThrow());
    }

    @Test
    public void embeddedLibrary_onBundleClassPath_isVisibleToThePlugin() throws Exception {
        SamplePlugin sample = SampleFixtures.goodPlugin()
                .embed("META-INF/lib/shout.jar", shoutLibrary())
                .source("com.example.sample.ShoutMacro", shoutMacro("com.example.lib.Shout.shout(\"hi\")"))
                .descriptor(SampleFixtures.DESCRIPTOR.replace("<rest ", "<xhtml-macro name=\"shout\" key=\"shout\""
                        + " class=\"com.example.sample.ShoutMacro\"/>\n<rest "));

        String html = load(sample).macro("shout").orElseThrow().execute(Map.of(), "", null);

        assertEquals("HI!", html);
    }

    @Test
    public void macro_usingHostClassWithoutImportPackage_failsNamingTheMissingImport() throws Exception {
        SamplePlugin sample = SampleFixtures.goodPlugin()
                .source("com.example.sample.ShoutMacro", shoutMacro("new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(\"x\")"))
                .descriptor(SampleFixtures.DESCRIPTOR.replace("<rest ", "<xhtml-macro name=\"shout\" key=\"shout\""
                        + " class=\"com.example.sample.ShoutMacro\"/>\n<rest "));
        Macro macro = load(sample).macro("shout").orElseThrow();

        try {
            macro.execute(Map.of(), "", null);
            fail("Jackson is not imported, so the macro must not see it");
        } catch (MacroExecutionException e) {
            assertThat(e.getMessage(), containsString("com.fasterxml.jackson.databind"));
            assertThat(e.getMessage(), containsString("Import-Package"));
        }
    }

    @Test
    public void index_componentMissingFromIndex_stopsLoadingNamingTheClassAndIndexFile() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().setIndex("component", "com.example.sample.SampleJob#sampleJob"));

        assertThat(message, containsString("com.example.sample.GreetingService"));
        assertThat(message, containsString("META-INF/plugin-components/component"));
        assertThat(message, containsString("<xhtml-macro key=\"hello-macro\">"));
    }

    @Test
    public void index_namesClassMissingFromJar_stopsLoadingNamingClassAndFile() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().index("component", "com.example.sample.Ghost"));

        assertThat(message, containsString("META-INF/plugin-components/component names com.example.sample.Ghost, which is not in the plugin jar"));
    }

    @Test
    public void index_productVariantFile_isReadToo() throws Exception {
        SamplePlugin sample = SampleFixtures.goodPlugin()
                .setIndex("component", "com.example.sample.SampleJob#sampleJob")
                .index("component-confluence", "com.example.sample.GreetingService");

        assertEquals(List.of("hello"), load(sample).macroNames());
    }

    @Test
    public void descriptor_macroClassMissingFromJar_stopsLoadingNamingClass() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin()
                .descriptor(SampleFixtures.DESCRIPTOR.replace("com.example.sample.HelloMacro", "com.example.sample.NoSuchMacro")));

        assertThat(message, containsString("atlassian-plugin.xml"));
        assertThat(message, containsString("<xhtml-macro key=\"hello-macro\"> names class com.example.sample.NoSuchMacro, which is not in the plugin jar"));
    }

    @Test
    public void descriptor_unknownConditionClass_stopsLoadingNamingIt() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().descriptor(SampleFixtures.DESCRIPTOR.replace(
                "conditions.SystemAdministratorCondition", "conditions.NoSuchCondition")));

        assertThat(message, containsString("com.atlassian.confluence.plugin.descriptor.web.conditions.NoSuchCondition"));
        assertThat(message, containsString("<web-item key=\"sample-admin\">"));
    }

    @Test
    public void descriptor_jobConfigNamingNoBean_stopsLoading() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().descriptor(SampleFixtures.DESCRIPTOR.replace(
                "<job key=\"sampleJob\"", "<job key=\"noSuchJob\"")));

        assertThat(message, containsString("job key 'noSuchJob'"));
        assertThat(message, containsString("@Named(\"noSuchJob\")"));
    }

    @Test
    public void manifest_missingImportPackage_stopsLoadingNamingThePackage() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().withoutImport("com.atlassian.sal.api.user"));

        assertThat(message, containsString("com.example.sample.GreetingService"));
        assertThat(message, containsString("package com.atlassian.sal.api.user is provided by the host but missing from the bundle's Import-Package header"));
    }

    @Test
    public void component_hostServiceParameterNotImported_stopsAskingForComponentImport() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().setIndex("imports",
                "com.atlassian.sal.api.message.I18nResolver", "com.atlassian.templaterenderer.TemplateRenderer"));

        assertThat(message, containsString("com.example.sample.GreetingService"));
        assertThat(message, containsString("needs com.atlassian.sal.api.user.UserManager"));
        assertThat(message, containsString("annotate the parameter with @ComponentImport"));
    }

    @Test
    public void manifest_importVersionOutsideHostExport_isRefused() throws Exception {
        String imports = String.join(",", SamplePlugin.DEFAULT_IMPORTS).replace("com.atlassian.sal.api.user,",
                "com.atlassian.sal.api.user;version=\"[6.0,7)\",");
        String message = loadFailure(SampleFixtures.goodPlugin().manifestHeader("Import-Package", imports));

        assertThat(message, containsString("com.atlassian.sal.api.user;version=\"[6.0,7)\""));
        assertThat(message, containsString("5.1.4"));
    }

    @Test
    public void manifest_optionalImportOfAbsentPackage_isAccepted() throws Exception {
        PluginSystem system = load(SampleFixtures.goodPlugin().withImport("com.example.absent;resolution:=optional"));

        assertEquals("com.example.sample", system.pluginKey());
    }

    @Test
    public void manifest_importOfDevHostOnlyPackage_isRefused() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().withImport("org.quartz"));

        assertThat(message, containsString("Import-Package org.quartz cannot be resolved"));
    }

    @Test
    public void manifest_pluginKeyDifferentFromSymbolicName_isRefused() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().manifestHeader("Atlassian-Plugin-Key", "com.example.other"));

        assertThat(message, containsString("Atlassian-Plugin-Key 'com.example.other' differs from Bundle-SymbolicName 'com.example.sample'"));
    }

    @Test
    public void manifest_withoutSpringContext_isRefused() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().manifestHeader("Spring-Context", null));

        assertThat(message, containsString("Spring-Context"));
    }

    @Test
    public void descriptor_keyDifferentFromBundle_isRefused() throws Exception {
        String message = loadFailure(SampleFixtures.goodPlugin().descriptor(SampleFixtures.DESCRIPTOR.replace(
                "key=\"com.example.sample\"", "key=\"com.example.elsewhere\"")));

        assertThat(message, containsString("'com.example.elsewhere'"));
    }

    @Test
    public void component_embeddingItsOwnCopyOfHostApi_isExplained() throws Exception {
        SamplePlugin sample = SampleFixtures.goodPlugin()
                .withoutImport("com.atlassian.confluence.macro")
                .source("com.atlassian.confluence.macro.Macro", """
                        package com.atlassian.confluence.macro;
                        public interface Macro {
                            String execute(java.util.Map<String, String> parameters, String body,
                                    com.atlassian.confluence.content.render.xhtml.ConversionContext context)
                                    throws MacroExecutionException;
                            BodyType getBodyType();
                            OutputType getOutputType();
                            enum BodyType { PLAIN_TEXT, RICH_TEXT, NONE }
                            enum OutputType { INLINE, BLOCK }
                        }
                        """)
                .source("com.atlassian.confluence.macro.MacroExecutionException", """
                        package com.atlassian.confluence.macro;
                        public class MacroExecutionException extends Exception {
                            public MacroExecutionException(Throwable cause) {
                                super(cause);
                            }
                        }
                        """);

        String message = loadFailure(sample);

        assertThat(message, containsString("does not implement com.atlassian.confluence.macro.Macro"));
        assertThat(message, containsString("contains its own copy of package com.atlassian.confluence.macro"));
    }

    static SamplePlugin shoutLibrary() {
        return SamplePlugin.library().source("com.example.lib.Shout", """
                package com.example.lib;
                public final class Shout {
                    public static String shout(String text) {
                        return text.toUpperCase() + "!";
                    }
                }
                """);
    }

    static String shoutMacro(String expression) {
        return """
                package com.example.sample;

                import com.atlassian.confluence.content.render.xhtml.ConversionContext;
                import com.atlassian.confluence.macro.Macro;
                import com.atlassian.confluence.macro.MacroExecutionException;
                import java.util.Map;

                public class ShoutMacro implements Macro {
                    @Override
                    public String execute(Map<String, String> parameters, String body, ConversionContext context)
                            throws MacroExecutionException {
                        try {
                            return String.valueOf(%s);
                        } catch (Exception e) {
                            throw new MacroExecutionException(e);
                        }
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
                """.formatted(expression);
    }

    private static long countFiles(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).collect(Collectors.toList()).size();
        }
    }
}
