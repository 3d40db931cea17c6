package com.sqltables.scannerindex;

import static com.google.testing.compile.Compiler.javac;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;

/**
 * Test-only copies of the annotations the processor reads, declared as in Spring Scanner 3.0.4's
 * annotation jar and Spring 5, so the tests do not depend on which of them a signature module
 * happens to provide. Sources given to the compiler take precedence over the class path.
 */
final class ScannerSources {

    static final String COMPONENT = "META-INF/plugin-components/component";
    static final String COMPONENT_CONFLUENCE = "META-INF/plugin-components/component-confluence";
    static final String COMPONENT_JIRA = "META-INF/plugin-components/component-jira";
    static final String IMPORTS = "META-INF/plugin-components/imports";
    static final String IMPORTS_CONFLUENCE = "META-INF/plugin-components/imports-confluence";
    static final String EXPORTS = "META-INF/plugin-components/exports";
    static final String DEV_EXPORTS = "META-INF/plugin-components/dev-exports";

    private static final String SCANNER = "com.atlassian.plugin.spring.scanner";

    static final List<JavaFileObject> ANNOTATIONS = Arrays.asList(
            source(SCANNER + ".ProductFilter",
                    "public enum ProductFilter { ALL, JIRA, CONFLUENCE, BAMBOO, BITBUCKET, STASH, CROWD, FECRU, REFAPP }"),
            annotation(SCANNER + ".annotation.OnlyInProduct", "ANNOTATION_TYPE", "",
                    SCANNER + ".ProductFilter value();"),
            annotation(SCANNER + ".annotation.Profile", "TYPE, ElementType.PACKAGE", "",
                    "String[] value() default {\"default\"};"),
            annotation(SCANNER + ".annotation.component.ConfluenceComponent",
                    "TYPE, ElementType.PARAMETER, ElementType.FIELD",
                    "@org.springframework.stereotype.Component @" + SCANNER
                            + ".annotation.OnlyInProduct(" + SCANNER + ".ProductFilter.CONFLUENCE)",
                    "String value() default \"\";"),
            annotation(SCANNER + ".annotation.component.JiraComponent",
                    "TYPE, ElementType.PARAMETER, ElementType.FIELD",
                    "@org.springframework.stereotype.Component @" + SCANNER
                            + ".annotation.OnlyInProduct(" + SCANNER + ".ProductFilter.JIRA)",
                    "String value() default \"\";"),
            annotation(SCANNER + ".annotation.component.ClasspathComponent", "PARAMETER, ElementType.FIELD",
                    "@org.springframework.stereotype.Component", "String value() default \"\";"),
            annotation(SCANNER + ".annotation.imports.ComponentImport",
                    "PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD", "", "String value() default \"\";"),
            annotation(SCANNER + ".annotation.imports.ConfluenceImport", "PARAMETER, ElementType.FIELD",
                    "@" + SCANNER + ".annotation.imports.ComponentImport @" + SCANNER
                            + ".annotation.OnlyInProduct(" + SCANNER + ".ProductFilter.CONFLUENCE)",
                    "String value() default \"\";"),
            annotation(SCANNER + ".annotation.export.ExportAsService", "TYPE, ElementType.FIELD", "",
                    "Class<?>[] value() default {};"),
            annotation(SCANNER + ".annotation.export.ExportAsDevService", "TYPE, ElementType.FIELD", "",
                    "Class<?>[] value() default {};"),
            annotation("org.springframework.stereotype.Component", "TYPE", "", "String value() default \"\";"),
            annotation("org.springframework.stereotype.Service", "TYPE", "@org.springframework.stereotype.Component",
                    "String value() default \"\";"),
            annotation("org.springframework.beans.factory.annotation.Autowired",
                    "CONSTRUCTOR, ElementType.METHOD, ElementType.FIELD", "", "boolean required() default true;"));

    private ScannerSources() {
    }

    /** A source file for {@code qualifiedName} whose package line is derived from the name. */
    static JavaFileObject source(String qualifiedName, String... body) {
        List<String> lines = new ArrayList<>();
        lines.add("package " + qualifiedName.substring(0, qualifiedName.lastIndexOf('.')) + ";");
        lines.addAll(Arrays.asList(body));
        return JavaFileObjects.forSourceLines(qualifiedName, lines);
    }

    private static JavaFileObject annotation(String qualifiedName, String targets, String metaAnnotations,
            String members) {
        String simpleName = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return source(qualifiedName,
                "import java.lang.annotation.ElementType;",
                "import java.lang.annotation.Retention;",
                "import java.lang.annotation.RetentionPolicy;",
                "import java.lang.annotation.Target;",
                "@Target({ElementType." + targets + "})",
                "@Retention(RetentionPolicy.RUNTIME)",
                metaAnnotations,
                "public @interface " + simpleName + " {",
                "    " + members,
                "}");
    }

    /** The annotation copies followed by the given sources. */
    static List<JavaFileObject> withAnnotations(JavaFileObject... sources) {
        List<JavaFileObject> all = new ArrayList<>(ANNOTATIONS);
        all.addAll(Arrays.asList(sources));
        return all;
    }

    /** Compiles the sources, with the annotation copies, under the index processor. */
    static Compilation compile(JavaFileObject... sources) {
        return compileWith(new Processor[] {new SpringScannerIndexProcessor()}, sources);
    }

    static Compilation compileWith(Processor[] processors, JavaFileObject... sources) {
        return javac().withProcessors(processors).compile(withAnnotations(sources));
    }

    /**
     * Content of a generated index file, or empty when the file was not written. The in-memory file
     * manager lists every output file the processor merely looked for (to find stale ones), but
     * cannot read those that were never written.
     */
    static Optional<String> indexFile(Compilation compilation, String path) {
        return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path).flatMap(file -> {
            try {
                return Optional.of(file.getCharContent(true).toString());
            } catch (FileNotFoundException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
