package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT_CONFLUENCE;
import static com.sqltables.scannerindex.ScannerSources.EXPORTS;
import static com.sqltables.scannerindex.ScannerSources.IMPORTS;
import static com.sqltables.scannerindex.ScannerSources.IMPORTS_CONFLUENCE;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import org.junit.Test;

import com.google.testing.compile.Compilation;

/**
 * The annotations as the plugin sees them: compiled classes from the host-api signature module and
 * javax.inject on the class path, without the test copies.
 */
public class HostApiAnnotationsTest {

    @Test
    public void annotationsFromTheClassPath_giveTheSameIndex() {
        Compilation compilation = javac().withProcessors(new SpringScannerIndexProcessor()).compile(
                source("com.example.api.Clock", "public interface Clock {}"),
                source("com.example.api.Sink", "public interface Sink {}"),
                source("com.example.Job",
                        "import com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService;",
                        "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                        "import com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport;",
                        "@ExportAsService({com.example.api.Sink.class})",
                        "@javax.inject.Named(\"usageReportJob\")",
                        "public class Job implements com.example.api.Sink {",
                        "    @javax.inject.Inject",
                        "    public Job(@ComponentImport com.example.api.Clock clock,",
                        "            @ConfluenceImport(\"sink\") com.example.api.Sink sink) {}",
                        "}"),
                source("com.example.MacroHelper",
                        "@com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent",
                        "public class MacroHelper {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Job#usageReportJob\n");
        assertThat(indexFile(compilation, COMPONENT_CONFLUENCE)).hasValue("com.example.MacroHelper\n");
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.example.api.Clock\n");
        assertThat(indexFile(compilation, IMPORTS_CONFLUENCE)).hasValue("com.example.api.Sink#sink\n");
        assertThat(indexFile(compilation, EXPORTS)).hasValue("com.example.Job#com.example.api.Sink\n");
    }
}
