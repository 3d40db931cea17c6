package com.sqltables.scannerindex;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Names of the annotations the processor reads, and how each maps to an index file. Annotations are
 * recognised by fully-qualified name so the processor needs none of them on its own class path.
 */
final class ScannerAnnotations {

    static final String NAMED = "javax.inject.Named";
    static final String INJECT = "javax.inject.Inject";
    static final String SPRING_COMPONENT = "org.springframework.stereotype.Component";
    static final String SPRING_AUTOWIRED = "org.springframework.beans.factory.annotation.Autowired";

    /**
     * Spring stereotypes that Spring Scanner's build step is not known to index (its annotation
     * processor only asked javac for {@code @Component}, which javac does not resolve through
     * meta-annotations). A class carrying only one of these would silently not become a bean.
     */
    static final List<String> UNINDEXED_STEREOTYPES = Collections.unmodifiableList(Arrays.asList(
            "org.springframework.stereotype.Service",
            "org.springframework.stereotype.Repository",
            "org.springframework.stereotype.Controller"));

    static final String SCANNER_PACKAGE = "com.atlassian.plugin.spring.scanner.annotation";
    static final String COMPONENT_PACKAGE = SCANNER_PACKAGE + ".component.";
    static final String IMPORT_PACKAGE = SCANNER_PACKAGE + ".imports.";
    static final String COMPONENT_IMPORT = IMPORT_PACKAGE + "ComponentImport";
    static final String CLASSPATH_COMPONENT = COMPONENT_PACKAGE + "ClasspathComponent";
    static final String EXPORT_AS_SERVICE = SCANNER_PACKAGE + ".export.ExportAsService";
    static final String EXPORT_AS_DEV_SERVICE = SCANNER_PACKAGE + ".export.ExportAsDevService";
    static final String PROFILE = SCANNER_PACKAGE + ".Profile";

    /**
     * Products that have their own {@code <Product>Component} and {@code <Product>Import}
     * annotations, spelt as in the annotation names. The runtime derives the per-product file
     * suffix from {@code ProductFilter.name().toLowerCase()}, which is the lower-cased form.
     */
    static final List<String> PRODUCTS = Collections.unmodifiableList(Arrays.asList(
            "Bamboo", "Bitbucket", "Confluence", "Fecru", "Jira", "Refapp", "Stash"));

    /** Product value meaning "every product": the entry goes to the file without a suffix. */
    static final String ALL_PRODUCTS = "";

    private ScannerAnnotations() {
    }

    /**
     * The product a component annotation restricts its class to: {@link #ALL_PRODUCTS} for the
     * cross-product annotations, the lower-case product for {@code <Product>Component}, or
     * {@code null} when the name is not a component annotation at all.
     */
    static String componentProduct(String annotationName) {
        if (NAMED.equals(annotationName) || SPRING_COMPONENT.equals(annotationName)
                || CLASSPATH_COMPONENT.equals(annotationName)) {
            return ALL_PRODUCTS;
        }
        return productOf(annotationName, COMPONENT_PACKAGE, "Component");
    }

    /** Like {@link #componentProduct(String)} for {@code @ComponentImport} and {@code <Product>Import}. */
    static String importProduct(String annotationName) {
        if (COMPONENT_IMPORT.equals(annotationName)) {
            return ALL_PRODUCTS;
        }
        return productOf(annotationName, IMPORT_PACKAGE, "Import");
    }

    private static String productOf(String annotationName, String annotationPackage, String suffix) {
        for (String product : PRODUCTS) {
            if (annotationName.equals(annotationPackage + product + suffix)) {
                return product.toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /** A short form for messages: {@code @ConfluenceImport} instead of the full name. */
    static String simpleName(String annotationName) {
        return "@" + annotationName.substring(annotationName.lastIndexOf('.') + 1);
    }
}
