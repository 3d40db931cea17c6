package com.sqltables.scannerindex;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks that need every component of the compilation, run once after the last round. The bean
 * name checks replay what Spring Scanner's runtime does with the index in a product that reads the
 * cross-product files plus its own: it keys component beans by name in a map, and import beans by
 * name in another map, so a second entry with a taken name silently replaces the first.
 */
final class IndexChecks {

    private final IndexModel model;
    private final Diagnostics diagnostics;

    IndexChecks(IndexModel model, Diagnostics diagnostics) {
        this.model = model;
        this.diagnostics = diagnostics;
    }

    void run() {
        checkParameterImportOwners();
        checkExportOwners();
        checkProductDeclarations();
        for (String product : productViews()) {
            Map<String, IndexModel.Component> componentNames = checkComponentNames(product);
            checkImportNames(product, componentNames);
        }
    }

    private void checkParameterImportOwners() {
        for (IndexModel.ParameterImport parameterImport : model.parameterImports()) {
            if (!model.isComponent(parameterImport.ownerBinaryName)) {
                diagnostics.error(parameterImport.parameter.resolve(), ScannerAnnotations.simpleName(parameterImport.annotation)
                        + " on constructor parameter " + parameterImport.parameterName + " of "
                        + parameterImport.ownerBinaryName + ", which is not a component: annotate the class with"
                        + " @javax.inject.Named so Spring creates it with this constructor");
            }
        }
    }

    private void checkExportOwners() {
        for (IndexModel.Export export : model.exports()) {
            if (!model.isComponent(export.binaryName)) {
                diagnostics.error(export.location.resolve(), export.binaryName + " is exported as an OSGi service but is not"
                        + " a component: the runtime only exports beans; annotate it with @javax.inject.Named");
            }
        }
    }

    private void checkProductDeclarations() {
        for (IndexModel.Component component : model.components()) {
            if (component.products.contains(ScannerAnnotations.ALL_PRODUCTS) && component.products.size() > 1) {
                diagnostics.error(component.locationOf(component.products.last()).resolve(), component.binaryName
                        + " is declared both for every product and for " + component.products.last()
                        + " only: keep one of the annotations");
            }
        }
    }

    /** The cross-product view, plus one per product that has entries of its own. */
    private SortedSet<String> productViews() {
        SortedSet<String> products = new TreeSet<>();
        products.add(ScannerAnnotations.ALL_PRODUCTS);
        for (IndexModel.Component component : model.components()) {
            products.addAll(component.products);
        }
        for (IndexModel.Import imported : model.imports()) {
            products.add(imported.product);
        }
        return products;
    }

    private static boolean visibleIn(String entryProduct, String viewProduct) {
        return entryProduct.isEmpty() || entryProduct.equals(viewProduct);
    }

    private Map<String, IndexModel.Component> checkComponentNames(String product) {
        Map<String, IndexModel.Component> byName = new TreeMap<>();
        // The runtime walks the entries in sorted order; a later entry replaces an earlier one.
        Map<String, IndexModel.Component> byLine = new TreeMap<>();
        for (IndexModel.Component component : model.components()) {
            for (String entryProduct : component.products) {
                if (visibleIn(entryProduct, product)) {
                    byLine.put(component.line(), component);
                }
            }
        }
        for (IndexModel.Component component : byLine.values()) {
            IndexModel.Component previous = byName.put(component.beanName(), component);
            if (previous != null && previous != component) {
                diagnostics.error(component.locationOf(product.isEmpty() ? component.products.first() : product).resolve(),
                        "bean name \"" + component.beanName() + "\" is used by both " + previous.binaryName + " and "
                                + component.binaryName + ": one bean would silently replace the other;"
                                + " give one of them a distinct name, e.g. @Named(\"...\")");
            }
        }
        return byName;
    }

    private void checkImportNames(String product, Map<String, IndexModel.Component> componentNames) {
        Map<String, IndexModel.Import> byLine = new TreeMap<>();
        for (IndexModel.Import imported : model.imports()) {
            if (visibleIn(imported.product, product)) {
                byLine.putIfAbsent(imported.line(), imported);
            }
        }
        Map<String, IndexModel.Import> byName = new TreeMap<>();
        for (IndexModel.Import imported : byLine.values()) {
            String name = imported.explicitName;
            if (name.isEmpty()) {
                name = BeanNames.defaultImportName(imported.simpleName);
                if (byName.containsKey(name)) {
                    // The runtime falls back to the class name when the short name is taken.
                    name = imported.binaryName;
                }
            }
            IndexModel.Import previous = byName.put(name, imported);
            if (previous != null && !previous.binaryName.equals(imported.binaryName)) {
                diagnostics.error(imported.location.resolve(), "imported services " + previous.binaryName + " and "
                        + imported.binaryName + " both get bean name \"" + name + "\": one would silently replace"
                        + " the other; give them distinct names with @ComponentImport(\"...\")");
            }
            IndexModel.Component component = componentNames.get(name);
            if (component != null) {
                diagnostics.error(imported.location.resolve(), "imported service " + imported.binaryName + " gets bean name \""
                        + name + "\", which component " + component.binaryName + " already has: name the import"
                        + " with @ComponentImport(\"...\") or the component with @Named(\"...\")");
            }
        }
    }
}
