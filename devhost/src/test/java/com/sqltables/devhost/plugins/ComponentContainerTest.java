package com.sqltables.devhost.plugins;

import com.sqltables.devhost.plugins.testing.SamplePlugin;
import com.sqltables.devhost.plugins.testing.TestEnvironment;
import com.sqltables.devhost.spi.PluginSystem;
import org.junit.After;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

/** How components are created from the index: constructors, members, lifecycle, exports, failures. */
public class ComponentContainerTest {
    private static final String DESCRIPTOR = """
            <atlassian-plugin key="com.example.beans" name="Beans" plugins-version="2"/>
            """;

    /** The plugin embeds these two annotations: the JDK has no javax.annotation, and only the names matter. */
    private static final String POST_CONSTRUCT = """
            package javax.annotation;
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface PostConstruct { }
            """;
    private static final String PRE_DESTROY = """
            package javax.annotation;
            @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
            public @interface PreDestroy { }
            """;

    private static final String JOURNAL = """
            package com.example.beans;
            import java.util.ArrayList;
            import java.util.List;
            import javax.inject.Named;
            @Named
            public class Journal {
                public final List<String> events = new ArrayList<>();
            }
            """;

    private static final String WORKER = """
            package com.example.beans;
            import javax.annotation.PostConstruct;
            import javax.annotation.PreDestroy;
            import javax.inject.Inject;
            import javax.inject.Named;
            import org.springframework.beans.factory.DisposableBean;
            import org.springframework.beans.factory.InitializingBean;
            @Named
            public class Worker implements InitializingBean, DisposableBean {
                private final Journal journal;
                @Inject
                private Helper helper;

                public Worker(Journal journal) {
                    this.journal = journal;
                    journal.events.add("constructed");
                }

                @PostConstruct
                void postConstruct() {
                    journal.events.add("postConstruct helper=" + (helper != null));
                }

                @Override
                public void afterPropertiesSet() {
                    journal.events.add("afterPropertiesSet");
                }

                @PreDestroy
                void preDestroy() {
                    journal.events.add("preDestroy");
                }

                @Override
                public void destroy() {
                    journal.events.add("destroy");
                }
            }
            """;

    private static final String HELPER = """
            package com.example.beans;
            import javax.inject.Named;
            @Named
            public class Helper { }
            """;

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private PluginSystem plugin;

    @After
    public void tearDown() {
        if (plugin != null) {
            plugin.close();
        }
    }

    private SamplePlugin beans() {
        return SamplePlugin.withKey("com.example.beans")
                .descriptor(DESCRIPTOR)
                .source("javax.annotation.PostConstruct", POST_CONSTRUCT)
                .source("javax.annotation.PreDestroy", PRE_DESTROY)
                .source("com.example.beans.Journal", JOURNAL)
                .source("com.example.beans.Worker", WORKER)
                .source("com.example.beans.Helper", HELPER)
                .index("component", "com.example.beans.Journal", "com.example.beans.Worker", "com.example.beans.Helper");
    }

    private PluginSystem load(SamplePlugin sample) throws Exception {
        Path jar = sample.build(temp.getRoot().toPath().resolve("jars"));
        plugin = PluginLoader.load(jar, TestEnvironment.h2(temp.getRoot().toPath().resolve("data")), Clock.systemUTC(), false);
        return plugin;
    }

    private String loadFailure(SamplePlugin sample) throws Exception {
        try {
            load(sample);
        } catch (PluginLoadException e) {
            return e.getMessage();
        }
        fail("The plugin loaded, but it should have been refused");
        return null;
    }

    @Test
    public void lifecycle_followsSpringOrder_andDestroysInReverse() throws Exception {
        PluginSystem system = load(beans());
        Object journal = ((LoadedPlugin) system).container().bean("journal").orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> events = (List<String>) journal.getClass().getField("events").get(journal);

        assertEquals(List.of("constructed", "postConstruct helper=true", "afterPropertiesSet"), events);
        system.close();
        plugin = null;
        assertEquals(List.of("constructed", "postConstruct helper=true", "afterPropertiesSet", "preDestroy", "destroy"), events);
    }

    @Test
    public void beanName_fromIndexLine_isUsedForQualifiedInjection() throws Exception {
        SamplePlugin sample = beans()
                .source("com.example.beans.Consumer", """
                        package com.example.beans;
                        import javax.inject.Named;
                        @Named
                        public class Consumer {
                            public final Helper helper;
                            public Consumer(@Named("specialHelper") Helper helper) {
                                this.helper = helper;
                            }
                        }
                        """)
                .setIndex("component", "com.example.beans.Journal", "com.example.beans.Worker",
                        "com.example.beans.Helper#specialHelper", "com.example.beans.Consumer");

        PluginSystem system = load(sample);

        Object consumer = ((LoadedPlugin) system).container().bean("consumer").orElseThrow();
        assertEquals(((LoadedPlugin) system).container().bean("specialHelper").orElseThrow(),
                consumer.getClass().getField("helper").get(consumer));
    }

    @Test
    public void circularConstructorDependencies_areReported() throws Exception {
        SamplePlugin sample = SamplePlugin.withKey("com.example.beans").descriptor(DESCRIPTOR)
                .source("com.example.beans.Chicken", """
                        package com.example.beans;
                        @javax.inject.Named
                        public class Chicken { public Chicken(Egg egg) { } }
                        """)
                .source("com.example.beans.Egg", """
                        package com.example.beans;
                        @javax.inject.Named
                        public class Egg { public Egg(Chicken chicken) { } }
                        """)
                .index("component", "com.example.beans.Chicken", "com.example.beans.Egg");

        String message = loadFailure(sample);

        assertThat(message, containsString("Circular dependency between components: chicken -> egg -> chicken"));
    }

    @Test
    public void exports_ofAClassThatIsNoComponent_areRefused() throws Exception {
        String message = loadFailure(beans().index("exports", "com.example.beans.Stranger#java.lang.Runnable"));

        assertThat(message, containsString("META-INF/plugin-components/exports exports com.example.beans.Stranger,"
                + " which is not a component of the index"));
    }

    @Test
    public void exports_asAnInterfaceTheComponentLacks_areRefused() throws Exception {
        String message = loadFailure(beans().index("exports", "com.example.beans.Helper#java.lang.Runnable"));

        assertThat(message, containsString("as java.lang.Runnable, which it does not implement"));
    }

    @Test
    public void constructorThrowing_stopsLoadingWithTheCause() throws Exception {
        SamplePlugin sample = SamplePlugin.withKey("com.example.beans").descriptor(DESCRIPTOR)
                .source("com.example.beans.Fragile", """
                        package com.example.beans;
                        @javax.inject.Named
                        public class Fragile {
                            public Fragile() { throw new IllegalStateException("no config file"); }
                        }
                        """)
                .index("component", "com.example.beans.Fragile");

        String message = loadFailure(sample);

        assertThat(message, containsString("component com.example.beans.Fragile (bean 'fragile') failed in its constructor:"
                + " IllegalStateException: no config file"));
    }

    @Test
    public void abstractClassInIndex_isRefused() throws Exception {
        SamplePlugin sample = beans().source("com.example.beans.Base", """
                package com.example.beans;
                public abstract class Base { }
                """).index("component", "com.example.beans.Base");

        assertThat(loadFailure(sample), containsString("com.example.beans.Base, which is abstract and cannot be a component"));
    }

    @Test
    public void importedServiceTheHostLacks_isRefused() throws Exception {
        String message = loadFailure(beans().index("imports", "java.util.concurrent.ExecutorService"));

        assertThat(message, containsString("imports java.util.concurrent.ExecutorService, but the dev host offers no such service"));
    }
}
