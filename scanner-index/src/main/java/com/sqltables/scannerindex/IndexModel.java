package com.sqltables.scannerindex;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Everything found so far, across all processing rounds, and the index files it turns into.
 * Elements are kept only to point diagnostics at the right line.
 */
final class IndexModel {

    static final String INDEX_DIRECTORY = "META-INF/plugin-components/";
    static final String COMPONENT_FILE = "component";
    static final String IMPORTS_FILE = "imports";
    static final String EXPORTS_FILE = "exports";
    static final String DEV_EXPORTS_FILE = "dev-exports";

    private final Map<String, Component> components = new TreeMap<>();
    private final Map<String, Import> imports = new LinkedHashMap<>();
    private final Map<String, Export> exports = new LinkedHashMap<>();
    private final List<ParameterImport> parameterImports = new ArrayList<>();

    /** Path of an index file below the class output, e.g. {@code META-INF/plugin-components/imports-confluence}. */
    static String path(String file, String product) {
        return INDEX_DIRECTORY + file + (product.isEmpty() ? "" : "-" + product);
    }

    /** The component declared for a class, created on first use. */
    Component component(String binaryName, ElementLocation firstLocation) {
        return components.computeIfAbsent(binaryName, name -> new Component(name, firstLocation));
    }

    boolean isComponent(String binaryName) {
        return components.containsKey(binaryName);
    }

    Collection<Component> components() {
        return Collections.unmodifiableCollection(components.values());
    }

    void addImport(Import imported) {
        imports.putIfAbsent(imported.product + "\n" + imported.line(), imported);
    }

    Collection<Import> imports() {
        return Collections.unmodifiableCollection(imports.values());
    }

    void addExport(Export export) {
        exports.putIfAbsent(export.file + "\n" + export.binaryName, export);
    }

    Collection<Export> exports() {
        return Collections.unmodifiableCollection(exports.values());
    }

    void addParameterImport(ParameterImport parameterImport) {
        parameterImports.add(parameterImport);
    }

    List<ParameterImport> parameterImports() {
        return Collections.unmodifiableList(parameterImports);
    }

    /**
     * Index file contents by path: sorted, without duplicates. The cross-product files are always
     * present (possibly empty) so that a rebuild replaces a stale file from an earlier build.
     */
    SortedMap<String, SortedSet<String>> indexFiles() {
        SortedMap<String, SortedSet<String>> files = new TreeMap<>();
        files.put(path(COMPONENT_FILE, ScannerAnnotations.ALL_PRODUCTS), new TreeSet<>());
        files.put(path(IMPORTS_FILE, ScannerAnnotations.ALL_PRODUCTS), new TreeSet<>());
        files.put(path(EXPORTS_FILE, ScannerAnnotations.ALL_PRODUCTS), new TreeSet<>());
        for (Component component : components.values()) {
            for (String product : component.products) {
                files.computeIfAbsent(path(COMPONENT_FILE, product), path -> new TreeSet<>()).add(component.line());
            }
        }
        for (Import imported : imports.values()) {
            files.computeIfAbsent(path(IMPORTS_FILE, imported.product), path -> new TreeSet<>()).add(imported.line());
        }
        for (Export export : exports.values()) {
            files.computeIfAbsent(path(export.file, ScannerAnnotations.ALL_PRODUCTS), path -> new TreeSet<>())
                    .add(export.line());
        }
        return files;
    }

    /** Every index file this processor can write, so that a stale one can be emptied. */
    static SortedSet<String> allKnownPaths() {
        SortedSet<String> paths = new TreeSet<>();
        for (String file : new String[] {COMPONENT_FILE, IMPORTS_FILE, EXPORTS_FILE, DEV_EXPORTS_FILE}) {
            paths.add(path(file, ScannerAnnotations.ALL_PRODUCTS));
        }
        for (String product : ScannerAnnotations.PRODUCTS) {
            String suffix = product.toLowerCase(Locale.ROOT);
            paths.add(path(COMPONENT_FILE, suffix));
            paths.add(path(IMPORTS_FILE, suffix));
        }
        return paths;
    }

    /** A class that becomes a bean, possibly for several products, under one bean name. */
    static final class Component {
        final String binaryName;
        final ElementLocation location;
        final SortedSet<String> products = new TreeSet<>();
        private String explicitName = "";
        private final Map<String, ElementLocation> productLocations = new TreeMap<>();

        Component(String binaryName, ElementLocation location) {
            this.binaryName = binaryName;
            this.location = location;
        }

        void addProduct(String product, ElementLocation where) {
            products.add(product);
            productLocations.putIfAbsent(product, where);
        }

        ElementLocation locationOf(String product) {
            return productLocations.getOrDefault(product, location);
        }

        String explicitName() {
            return explicitName;
        }

        void setExplicitName(String name) {
            explicitName = name;
        }

        /** The bean name the runtime will register. */
        String beanName() {
            return explicitName.isEmpty() ? BeanNames.defaultComponentName(binaryName) : explicitName;
        }

        String line() {
            return explicitName.isEmpty() ? binaryName : binaryName + "#" + explicitName;
        }
    }

    /** An OSGi service the plugin imports, as one line of an {@code imports} file. */
    static final class Import {
        final String binaryName;
        final String simpleName;
        final String explicitName;
        final String product;
        final ElementLocation location;

        Import(String binaryName, String simpleName, String explicitName, String product, ElementLocation location) {
            this.binaryName = binaryName;
            this.simpleName = simpleName;
            this.explicitName = explicitName;
            this.product = product;
            this.location = location;
        }

        String line() {
            return explicitName.isEmpty() ? binaryName : binaryName + "#" + explicitName;
        }
    }

    /** A component exported as an OSGi service under the given interfaces (none: the runtime decides). */
    static final class Export {
        final String binaryName;
        final List<String> interfaces;
        final String file;
        final ElementLocation location;

        Export(String binaryName, List<String> interfaces, String file, ElementLocation location) {
            this.binaryName = binaryName;
            this.interfaces = Collections.unmodifiableList(new ArrayList<>(interfaces));
            this.file = file;
            this.location = location;
        }

        String line() {
            return interfaces.isEmpty() ? binaryName : binaryName + "#" + String.join(",", interfaces);
        }
    }

    /** A {@code @ComponentImport} constructor parameter, checked at the end against the components. */
    static final class ParameterImport {
        final ElementLocation parameter;
        final String parameterName;
        final String ownerBinaryName;
        final String annotation;

        ParameterImport(ElementLocation parameter, String parameterName, String ownerBinaryName, String annotation) {
            this.parameter = parameter;
            this.parameterName = parameterName;
            this.ownerBinaryName = ownerBinaryName;
            this.annotation = annotation;
        }
    }
}
