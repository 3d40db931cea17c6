package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.sqltables.scannerindex.ScannerSources.source;
import static com.sqltables.scannerindex.ScannerSources.withAnnotations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Compiles with the JDK's own compiler into a real output directory, as a Maven build does: the
 * index is deterministic, a rebuild over an earlier build's output replaces it, and a failed build
 * leaves no index behind.
 */
public class RealBuildTest {

    private static final JavaFileObject SETTINGS = source("com.example.b.Settings",
            "@javax.inject.Named(\"settingsStore\") public class Settings {",
            "    public Settings(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
            "            com.example.api.Zeta zeta) {}",
            "}");
    private static final JavaFileObject REPORT = source("com.example.a.Report",
            "@javax.inject.Named public class Report {",
            "    public Report(@com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
            "            com.example.api.Alpha alpha,",
            "            @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
            "            com.example.api.Zeta zeta) {}",
            "}");
    private static final JavaFileObject MACRO = source("com.example.c.Macro",
            "@com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent public class Macro {}");
    private static final JavaFileObject ALPHA = source("com.example.api.Alpha", "public interface Alpha {}");
    private static final JavaFileObject ZETA = source("com.example.api.Zeta", "public interface Zeta {}");

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void index_isSortedAndTheSameWhateverTheSourceOrder() throws IOException {
        Path first = temp.newFolder("first").toPath();
        Path second = temp.newFolder("second").toPath();

        assertThat(compileInto(first, withAnnotations(SETTINGS, ZETA, MACRO, REPORT, ALPHA))).isEmpty();
        List<JavaFileObject> reversed = new ArrayList<>(withAnnotations(SETTINGS, ZETA, MACRO, REPORT, ALPHA));
        Collections.reverse(reversed);
        assertThat(compileInto(second, reversed)).isEmpty();

        Map<String, String> index = indexFiles(first);
        assertThat(index).containsExactly(
                "component", "com.example.a.Report\ncom.example.b.Settings#settingsStore\n",
                "component-confluence", "com.example.c.Macro\n",
                "exports", "",
                "imports", "com.example.api.Alpha\ncom.example.api.Zeta\n").inOrder();
        assertThat(indexFiles(second)).isEqualTo(index);
    }

    @Test
    public void rebuildIntoTheSameOutput_replacesTheIndexAndEmptiesAStaleProductFile() throws IOException {
        Path out = temp.newFolder("out").toPath();
        assertThat(compileInto(out, withAnnotations(SETTINGS, ZETA, MACRO))).isEmpty();
        assertThat(indexFiles(out)).containsEntry("component-confluence", "com.example.c.Macro\n");

        assertThat(compileInto(out, withAnnotations(REPORT, ALPHA, ZETA))).isEmpty();

        assertThat(indexFiles(out)).containsExactly(
                "component", "com.example.a.Report\n",
                "component-confluence", "",
                "exports", "",
                "imports", "com.example.api.Alpha\ncom.example.api.Zeta\n").inOrder();
    }

    @Test
    public void rebuildOfUnchangedSources_givesTheSameIndex() throws IOException {
        Path out = temp.newFolder("out").toPath();
        assertThat(compileInto(out, withAnnotations(SETTINGS, ZETA, MACRO))).isEmpty();
        Map<String, String> before = indexFiles(out);

        assertThat(compileInto(out, withAnnotations(SETTINGS, ZETA, MACRO))).isEmpty();

        assertThat(indexFiles(out)).isEqualTo(before);
    }

    @Test
    public void failedBuild_writesNoIndex() throws IOException {
        Path out = temp.newFolder("out").toPath();

        List<String> errors = compileInto(out, withAnnotations(REPORT, ALPHA, ZETA,
                source("com.example.Bad", "@javax.inject.Named public abstract class Bad {}")));

        assertThat(errors).hasSize(1);
        assertThat(errors.get(0)).contains("com.example.Bad is abstract");
        assertThat(indexFiles(out)).isEmpty();
    }

    @Test
    public void processor_isRegisteredForDiscoveryByTheCompiler() {
        List<String> discovered = new ArrayList<>();
        for (Processor processor : ServiceLoader.load(Processor.class, getClass().getClassLoader())) {
            discovered.add(processor.getClass().getName());
        }

        assertThat(discovered).contains(SpringScannerIndexProcessor.class.getName());
    }

    @Test
    public void processor_supportsTheLatestSourceVersion() {
        assertThat(new SpringScannerIndexProcessor().getSupportedSourceVersion())
                .isEqualTo(SourceVersion.latestSupported());
    }

    /** Compiles into {@code out} and returns the error messages. */
    private static List<String> compileInto(Path out, List<JavaFileObject> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            files.setLocation(StandardLocation.CLASS_OUTPUT, Collections.singletonList(out.toFile()));
            JavaCompiler.CompilationTask task = compiler.getTask(null, files, diagnostics,
                    Collections.singletonList("-proc:only"), null, sources);
            task.setProcessors(Collections.singletonList(new SpringScannerIndexProcessor()));
            task.call();
        }
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == javax.tools.Diagnostic.Kind.ERROR)
                .map(diagnostic -> diagnostic.getMessage(Locale.ROOT))
                .collect(Collectors.toList());
    }

    /** Index file name to content, for every index file in the output. */
    private static Map<String, String> indexFiles(Path out) throws IOException {
        Path directory = out.resolve("META-INF/plugin-components");
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(directory)) {
            for (Path path : paths.collect(Collectors.toList())) {
                files.put(path.getFileName().toString(), new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
