package com.sqltables.scannerindex;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.common.truth.Truth.assertThat;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT_CONFLUENCE;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT_JIRA;
import static com.sqltables.scannerindex.ScannerSources.compile;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import java.util.Optional;

import org.junit.Test;

import com.google.testing.compile.Compilation;

public class ComponentIndexTest {

    @Test
    public void namedClass_isListedByItsClassName() {
        Compilation compilation = compile(source("com.example.report.ReportService",
                "@javax.inject.Named",
                "public class ReportService {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.report.ReportService\n");
    }

    @Test
    public void namedClassWithValue_appendsTheBeanName() {
        Compilation compilation = compile(source("com.example.usage.UsageReportJob",
                "@javax.inject.Named(\"usageReportJob\")",
                "public class UsageReportJob {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.usage.UsageReportJob#usageReportJob\n");
    }

    @Test
    public void springComponent_isListedWithAndWithoutName() {
        Compilation compilation = compile(
                source("com.example.A", "@org.springframework.stereotype.Component public class A {}"),
                source("com.example.B", "@org.springframework.stereotype.Component(\"bee\") public class B {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.A\ncom.example.B#bee\n");
    }

    @Test
    public void namedAndSpringComponentOnOneClass_giveOneLineWithTheExplicitName() {
        Compilation compilation = compile(source("com.example.Both",
                "@javax.inject.Named",
                "@org.springframework.stereotype.Component(\"both\")",
                "public class Both {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Both#both\n");
    }

    @Test
    public void confluenceComponent_goesToTheConfluenceFileOnly() {
        Compilation compilation = compile(source("com.example.ConfluenceOnly",
                "@com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent(\"macroHelper\")",
                "public class ConfluenceOnly {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("");
        assertThat(indexFile(compilation, COMPONENT_CONFLUENCE)).hasValue("com.example.ConfluenceOnly#macroHelper\n");
        assertThat(indexFile(compilation, COMPONENT_JIRA)).isEqualTo(Optional.empty());
    }

    @Test
    public void staticNestedComponent_isListedByBinaryNameWithDollar() {
        Compilation compilation = compile(source("com.example.Outer",
                "public class Outer {",
                "    @javax.inject.Named public static class Inner {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Outer$Inner\n");
    }

    @Test
    public void namedOnConstructorParameter_isAQualifierNotAComponent() {
        Compilation compilation = compile(source("com.example.Qualified",
                "@javax.inject.Named",
                "public class Qualified {",
                "    @javax.inject.Inject public Qualified(@javax.inject.Named(\"other\") Runnable task) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Qualified\n");
    }

    @Test
    public void classpathComponentOnParameter_listsTheParameterType() {
        Compilation compilation = compile(
                source("com.example.lib.Formatter", "public class Formatter {}"),
                source("com.example.Printer",
                        "import com.atlassian.plugin.spring.scanner.annotation.component.ClasspathComponent;",
                        "@javax.inject.Named",
                        "public class Printer {",
                        "    public Printer(@ClasspathComponent(\"fmt\") com.example.lib.Formatter formatter) {}",
                        "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Printer\ncom.example.lib.Formatter#fmt\n");
    }

    @Test
    public void componentWithSeveralConstructors_isAcceptedWhenOneIsMarkedInject() {
        Compilation compilation = compile(source("com.example.Chosen",
                "@javax.inject.Named",
                "public class Chosen {",
                "    public Chosen(String a, String b) {}",
                "    @javax.inject.Inject public Chosen(Runnable r) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Chosen\n");
    }

    @Test
    public void componentWithSeveralConstructors_isAcceptedWhenOneTakesNoArguments() {
        Compilation compilation = compile(source("com.example.Defaulted",
                "@javax.inject.Named",
                "public class Defaulted {",
                "    public Defaulted() {}",
                "    public Defaulted(String a) {}",
                "}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Defaulted\n");
    }

    @Test
    public void sameBeanNameInDifferentProducts_isAccepted() {
        Compilation compilation = compile(
                source("com.example.ForJira",
                        "@com.atlassian.plugin.spring.scanner.annotation.component.JiraComponent(\"helper\")",
                        "public class ForJira {}"),
                source("com.example.ForConfluence",
                        "@com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent(\"helper\")",
                        "public class ForConfluence {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT_JIRA)).hasValue("com.example.ForJira#helper\n");
        assertThat(indexFile(compilation, COMPONENT_CONFLUENCE)).hasValue("com.example.ForConfluence#helper\n");
    }
}
