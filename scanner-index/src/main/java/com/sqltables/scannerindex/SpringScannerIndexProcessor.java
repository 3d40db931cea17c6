package com.sqltables.scannerindex;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Writes the build-time index of Atlassian Spring Scanner ({@code META-INF/plugin-components/*}),
 * which the Spring Scanner runtime inside the host product reads to create a plugin's beans, import
 * host services and export OSGi services. It stands in for Atlassian's Maven plugin, which is only
 * published on Atlassian's own repository.
 *
 * <ul>
 *   <li>{@code component}: classes annotated {@code @javax.inject.Named} or Spring's {@code @Component};
 *       {@code component-<product>} for {@code @<Product>Component}. One binary class name per line,
 *       followed by {@code #beanName} when the annotation names the bean.</li>
 *   <li>{@code imports}: the types of constructor parameters and fields annotated
 *       {@code @ComponentImport}; {@code imports-<product>} for {@code @<Product>Import}.</li>
 *   <li>{@code exports} ({@code dev-exports}): {@code ImplClass#Iface1,Iface2} for
 *       {@code @ExportAsService} ({@code @ExportAsDevService}).</li>
 * </ul>
 *
 * Entries are gathered over all rounds and written once, sorted, after the last round. Misuse that
 * the runtime would reject, or would silently get wrong, is a compile error on the element at fault.
 */
public final class SpringScannerIndexProcessor extends AbstractProcessor {

    private IndexModel model;
    private Diagnostics diagnostics;
    private AnnotationCollector collector;

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        model = new IndexModel();
        diagnostics = new Diagnostics(processingEnv.getMessager());
        collector = new AnnotationCollector(model, diagnostics, processingEnv.getElementUtils(),
                processingEnv.getTypeUtils());
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
                ScannerAnnotations.NAMED,
                "org.springframework.stereotype.*",
                ScannerAnnotations.SCANNER_PACKAGE + ".*")));
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        for (TypeElement annotation : annotations) {
            String annotationName = annotation.getQualifiedName().toString();
            for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                // Annotation types carrying these (as @ConfluenceImport carries @ComponentImport) are not entries.
                if (element.getKind() != ElementKind.ANNOTATION_TYPE) {
                    collector.collect(annotationName, element);
                }
            }
        }
        if (roundEnv.processingOver()) {
            new IndexChecks(model, diagnostics).run();
            if (!diagnostics.hasErrors()) {
                new IndexFileWriter(processingEnv.getFiler(), diagnostics).write(model.indexFiles());
            }
        }
        // Other processors may read the same annotations.
        return false;
    }
}
