package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT;
import static com.sqltables.scannerindex.ScannerSources.IMPORTS;
import static com.sqltables.scannerindex.ScannerSources.IMPORTS_CONFLUENCE;
import static com.sqltables.scannerindex.ScannerSources.compile;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import java.util.Optional;

import javax.tools.JavaFileObject;

import org.junit.Test;

import com.google.testing.compile.Compilation;

public class ImportIndexTest {

    private static final JavaFileObject USER_MANAGER = source("com.atlassian.sal.api.user.UserManager",
            "public interface UserManager {}");
    private static final JavaFileObject SCHEDULER = source("com.atlassian.scheduler.SchedulerService",
            "public interface SchedulerService {}");

    @Test
    public void constructorParameterImport_listsTheParameterType() {
        Compilation compilation = compile(USER_MANAGER, SCHEDULER, source("com.example.AdminCheck",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class AdminCheck {",
                "    @javax.inject.Inject",
                "    public AdminCheck(@ComponentImport com.atlassian.sal.api.user.UserManager users,",
                "            @ComponentImport com.atlassian.scheduler.SchedulerService scheduler) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue(
                "com.atlassian.sal.api.user.UserManager\ncom.atlassian.scheduler.SchedulerService\n");
        assertThat(indexFile(compilation, IMPORTS_CONFLUENCE)).isEqualTo(Optional.empty());
    }

    @Test
    public void importWithValue_appendsTheBeanName() {
        Compilation compilation = compile(USER_MANAGER, source("com.example.AdminCheck",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class AdminCheck {",
                "    public AdminCheck(@ComponentImport(\"salUserManager\") com.atlassian.sal.api.user.UserManager u) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.atlassian.sal.api.user.UserManager#salUserManager\n");
    }

    @Test
    public void confluenceImport_goesToTheConfluenceImportsFile() {
        Compilation compilation = compile(USER_MANAGER, SCHEDULER, source("com.example.Job",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport;",
                "@javax.inject.Named",
                "public class Job {",
                "    public Job(@ConfluenceImport com.atlassian.scheduler.SchedulerService scheduler,",
                "            @ComponentImport com.atlassian.sal.api.user.UserManager users) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.atlassian.sal.api.user.UserManager\n");
        assertThat(indexFile(compilation, IMPORTS_CONFLUENCE)).hasValue("com.atlassian.scheduler.SchedulerService\n");
    }

    @Test
    public void fieldImportsInAHolderClass_areListedWithoutTheHolderBeingAComponent() {
        Compilation compilation = compile(USER_MANAGER, SCHEDULER, source("com.example.ComponentImports",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@SuppressWarnings(\"unused\")",
                "public class ComponentImports {",
                "    @ComponentImport private com.atlassian.sal.api.user.UserManager userManager;",
                "    @ComponentImport(\"scheduler\") private static com.atlassian.scheduler.SchedulerService s;",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue(
                "com.atlassian.sal.api.user.UserManager\ncom.atlassian.scheduler.SchedulerService#scheduler\n");
        assertThat(indexFile(compilation, COMPONENT)).hasValue("");
    }

    @Test
    public void genericParameterType_isListedByItsErasure() {
        Compilation compilation = compile(
                source("com.example.api.Cache", "public interface Cache<K, V> {}"),
                source("com.example.Cached",
                        "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                        "@javax.inject.Named",
                        "public class Cached {",
                        "    public Cached(@ComponentImport com.example.api.Cache<String, Integer> cache) {}",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.example.api.Cache\n");
    }

    @Test
    public void nestedInterfaceImport_isListedByBinaryNameWithDollar() {
        Compilation compilation = compile(
                source("com.example.api.Outer", "public class Outer { public interface Service {} }"),
                source("com.example.UsesNested",
                        "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                        "@javax.inject.Named",
                        "public class UsesNested {",
                        "    public UsesNested(@ComponentImport com.example.api.Outer.Service service) {}",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.example.api.Outer$Service\n");
    }

    @Test
    public void sameServiceImportedByTwoComponents_isListedOnce() {
        Compilation compilation = compile(USER_MANAGER,
                source("com.example.One",
                        "@javax.inject.Named public class One {",
                        "    public One(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
                        "            com.atlassian.sal.api.user.UserManager u) {}",
                        "}"),
                source("com.example.Two",
                        "@javax.inject.Named public class Two {",
                        "    public Two(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
                        "            com.atlassian.sal.api.user.UserManager u) {}",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.atlassian.sal.api.user.UserManager\n");
    }

    @Test
    public void importOfAClass_warnsButIsListed() {
        JavaFileObject consumer = source("com.example.Consumer",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class Consumer {",
                "    public Consumer(@ComponentImport com.example.host.HostThing thing) {}",
                "}");
        Compilation compilation = compile(source("com.example.host.HostThing", "public class HostThing {}"), consumer);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("com.example.host.HostThing, which is not an interface")
                .inFile(consumer).onLineContaining("HostThing thing");
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.example.host.HostThing\n");
    }

    @Test
    public void noImports_writesAnEmptyImportsFile() {
        Compilation compilation = compile(source("com.example.Plain", "@javax.inject.Named public class Plain {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue("");
    }
}
