package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.sqltables.scannerindex.ScannerSources.IMPORTS;
import static com.sqltables.scannerindex.ScannerSources.compile;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import javax.tools.JavaFileObject;

import org.junit.Test;

import com.google.testing.compile.Compilation;

/**
 * The runtime keys beans by name and lets a later entry replace an earlier one without a word, so
 * every clash the runtime would meet in Confluence is a compile error.
 */
public class BeanNameConflictTest {

    private static final JavaFileObject SAL_USER_MANAGER = source("com.atlassian.sal.api.user.UserManager",
            "public interface UserManager {}");
    private static final JavaFileObject CONFLUENCE_USER_MANAGER = source("com.atlassian.user.UserManager",
            "public interface UserManager {}");

    @Test
    public void twoComponentsWithTheSameExplicitName_isAnError() {
        JavaFileObject second = source("com.example.b.Second", "@javax.inject.Named(\"job\") public class Second {}");

        Compilation compilation = compile(
                source("com.example.a.First", "@javax.inject.Named(\"job\") public class First {}"), second);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("bean name \"job\" is used by both com.example.a.First and"
                + " com.example.b.Second").inFile(second).onLine(2);
    }

    @Test
    public void twoComponentsWithTheSameSimpleName_clashOnTheirDefaultName() {
        Compilation compilation = compile(
                source("com.example.a.Settings", "@javax.inject.Named public class Settings {}"),
                source("com.example.b.Settings", "@javax.inject.Named public class Settings {}"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("bean name \"settings\" is used by both com.example.a.Settings"
                + " and com.example.b.Settings");
    }

    @Test
    public void explicitNameEqualToAnotherComponentsDefaultName_isAnError() {
        Compilation compilation = compile(
                source("com.example.ReportJob", "@javax.inject.Named public class ReportJob {}"),
                source("com.example.OtherJob", "@javax.inject.Named(\"reportJob\") public class OtherJob {}"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("bean name \"reportJob\" is used by both");
    }

    @Test
    public void confluenceComponentWithTheNameOfACrossProductComponent_isAnError() {
        Compilation compilation = compile(
                source("com.example.Everywhere", "@javax.inject.Named(\"helper\") public class Everywhere {}"),
                source("com.example.OnlyConfluence",
                        "@com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent(\"helper\")",
                        "public class OnlyConfluence {}"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("bean name \"helper\" is used by both");
    }

    @Test
    public void oneClassWithTwoDifferentNames_isAnError() {
        JavaFileObject twoNames = source("com.example.TwoNames",
                "@javax.inject.Named(\"one\")",
                "@org.springframework.stereotype.Component(\"two\")",
                "public class TwoNames {}");

        Compilation compilation = compile(twoNames);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.example.TwoNames is given two bean names");
    }

    @Test
    public void oneClassForAllProductsAndForConfluence_isAnError() {
        JavaFileObject both = source("com.example.Both",
                "@javax.inject.Named",
                "@com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent",
                "public class Both {}");

        Compilation compilation = compile(both);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.example.Both is declared both for every product and for"
                + " confluence only");
    }

    @Test
    public void importsWithTheSameSimpleName_getTheRuntimesFallbackNameWithoutError() {
        Compilation compilation = compile(SAL_USER_MANAGER, CONFLUENCE_USER_MANAGER, source("com.example.Users",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class Users {",
                "    public Users(@ComponentImport com.atlassian.sal.api.user.UserManager sal,",
                "            @ComponentImport com.atlassian.user.UserManager confluence) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue(
                "com.atlassian.sal.api.user.UserManager\ncom.atlassian.user.UserManager\n");
    }

    @Test
    public void twoImportsWithTheSameExplicitName_isAnError() {
        JavaFileObject users = source("com.example.Users",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class Users {",
                "    public Users(@ComponentImport(\"users\") com.atlassian.sal.api.user.UserManager sal,",
                "            @ComponentImport(\"users\") com.atlassian.user.UserManager confluence) {}",
                "}");

        Compilation compilation = compile(SAL_USER_MANAGER, CONFLUENCE_USER_MANAGER, users);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("imported services com.atlassian.sal.api.user.UserManager and"
                + " com.atlassian.user.UserManager both get bean name \"users\"");
    }

    @Test
    public void explicitImportNameTakingAnotherImportsDefaultName_isAnError() {
        Compilation compilation = compile(SAL_USER_MANAGER, source("com.example.api.Directory",
                "public interface Directory {}"), source("com.example.Users",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class Users {",
                "    public Users(@ComponentImport com.atlassian.sal.api.user.UserManager sal,",
                "            @ComponentImport(\"userManager\") com.example.api.Directory directory) {}",
                "}"));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("both get bean name \"userManager\"");
    }

    @Test
    public void importNamedLikeAComponent_isAnError() {
        JavaFileObject consumer = source("com.example.Consumer",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class Consumer {",
                "    public Consumer(@ComponentImport com.atlassian.sal.api.user.UserManager users) {}",
                "}");

        Compilation compilation = compile(SAL_USER_MANAGER,
                source("com.example.UserManager", "@javax.inject.Named public class UserManager {}"), consumer);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("imported service com.atlassian.sal.api.user.UserManager gets"
                + " bean name \"userManager\", which component com.example.UserManager already has")
                .inFile(consumer).onLineContaining("users)");
    }

    @Test
    public void sameServiceImportedUnderTwoNames_isAccepted() {
        Compilation compilation = compile(SAL_USER_MANAGER, source("com.example.ComponentImports",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "public class ComponentImports {",
                "    @ComponentImport com.atlassian.sal.api.user.UserManager plain;",
                "    @ComponentImport(\"salUserManager\") com.atlassian.sal.api.user.UserManager named;",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, IMPORTS)).hasValue(
                "com.atlassian.sal.api.user.UserManager\ncom.atlassian.sal.api.user.UserManager#salUserManager\n");
    }
}
