package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT;
import static com.sqltables.scannerindex.ScannerSources.IMPORTS;
import static com.sqltables.scannerindex.ScannerSources.compileWith;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Collections;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

import org.junit.Test;

import com.google.testing.compile.Compilation;

/** Entries are gathered over every processing round, and checked and written after the last one. */
public class ProcessingRoundsTest {

    private static final JavaFileObject TRIGGER_ANNOTATION = source("com.example.GenerateJob",
            "public @interface GenerateJob {}");
    private static final JavaFileObject TRIGGER = source("com.example.Trigger",
            "@GenerateJob @javax.inject.Named public class Trigger {}");
    private static final JavaFileObject CLOCK = source("com.example.api.Clock", "public interface Clock {}");

    @Test
    public void componentGeneratedInALaterRound_isIndexedWithItsImports() {
        Processor generator = new SourceGenerator("com.example.gen.GeneratedJob",
                "package com.example.gen;",
                "@javax.inject.Named(\"generatedJob\")",
                "public class GeneratedJob {",
                "    public GeneratedJob(",
                "            @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
                "            com.example.api.Clock clock) {}",
                "}");

        Compilation compilation = compileWith(new Processor[] {generator, new SpringScannerIndexProcessor()},
                TRIGGER_ANNOTATION, TRIGGER, CLOCK);

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue(
                "com.example.Trigger\ncom.example.gen.GeneratedJob#generatedJob\n");
        assertThat(indexFile(compilation, IMPORTS)).hasValue("com.example.api.Clock\n");
    }

    @Test
    public void misuseInAGeneratedClass_isReportedInTheGeneratedFile() {
        Processor generator = new SourceGenerator("com.example.gen.NotAComponent",
                "package com.example.gen;",
                "public class NotAComponent {",
                "    public NotAComponent(",
                "            @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport",
                "            com.example.api.Clock clock) {}",
                "}");

        Compilation compilation = compileWith(new Processor[] {generator, new SpringScannerIndexProcessor()},
                TRIGGER_ANNOTATION, TRIGGER, CLOCK);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("constructor parameter clock of com.example.gen.NotAComponent,"
                + " which is not a component");
        // A failed compilation hides its generated files, so the location is read from the diagnostic.
        Diagnostic<? extends JavaFileObject> error = compilation.errors().get(0);
        assertThat(error.getSource().getName()).endsWith("com/example/gen/NotAComponent.java");
        assertThat(error.getLineNumber()).isEqualTo(5L);
    }

    /** Writes one source file when it first sees {@code @GenerateJob}, so it is compiled in round two. */
    private static final class SourceGenerator extends AbstractProcessor {
        private final String qualifiedName;
        private final String[] lines;
        private boolean generated;

        SourceGenerator(String qualifiedName, String... lines) {
            this.qualifiedName = qualifiedName;
            this.lines = lines;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Collections.singleton("com.example.GenerateJob");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
            if (generated || annotations.isEmpty()) {
                return false;
            }
            generated = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile(qualifiedName).openWriter()) {
                writer.write(String.join("\n", lines));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }
}
