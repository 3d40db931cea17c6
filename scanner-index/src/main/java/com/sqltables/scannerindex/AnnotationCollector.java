package com.sqltables.scannerindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Turns one annotated element into index entries, checking what can be checked on the spot. */
final class AnnotationCollector {

    private final IndexModel model;
    private final Diagnostics diagnostics;
    private final ComponentClassRules componentRules;
    private final Elements elements;
    private final Types types;

    AnnotationCollector(IndexModel model, Diagnostics diagnostics, Elements elements, Types types) {
        this.model = model;
        this.diagnostics = diagnostics;
        this.componentRules = new ComponentClassRules(diagnostics);
        this.elements = elements;
        this.types = types;
    }

    /** Records what {@code annotation} on {@code element} contributes to the index, if anything. */
    void collect(String annotation, Element element) {
        AnnotationMirror mirror = findMirror(element, annotation);
        if (mirror == null) {
            return;
        }
        String componentProduct = ScannerAnnotations.componentProduct(annotation);
        String importProduct = ScannerAnnotations.importProduct(annotation);
        if (componentProduct != null) {
            collectComponent(annotation, componentProduct, element, mirror);
        } else if (importProduct != null) {
            collectImport(annotation, importProduct, element, mirror);
        } else if (ScannerAnnotations.EXPORT_AS_SERVICE.equals(annotation)) {
            collectExport(annotation, IndexModel.EXPORTS_FILE, element, mirror);
        } else if (ScannerAnnotations.EXPORT_AS_DEV_SERVICE.equals(annotation)) {
            collectExport(annotation, IndexModel.DEV_EXPORTS_FILE, element, mirror);
        } else if (ScannerAnnotations.UNINDEXED_STEREOTYPES.contains(annotation)) {
            rejectUnindexedStereotype(annotation, element);
        } else if (ScannerAnnotations.PROFILE.equals(annotation)) {
            diagnostics.error(element, "@Profile is not supported by this index processor: profiled index"
                    + " files are only read when <atlassian-scanner:scan-indexes> names the profile");
        }
    }

    private void collectComponent(String annotation, String product, Element element, AnnotationMirror mirror) {
        TypeElement type;
        if (element.getKind().isClass() || element.getKind().isInterface()) {
            type = (TypeElement) element;
        } else if (element.getKind() == ElementKind.PARAMETER || element.getKind() == ElementKind.FIELD) {
            if (ScannerAnnotations.NAMED.equals(annotation)) {
                // On a parameter or field, @Named is an injection qualifier, not a component.
                return;
            }
            type = declaredTypeOf(element, annotation);
            if (type == null) {
                return;
            }
        } else {
            return;
        }
        String name = stringValue(mirror);
        String problem = BeanNames.problemWith(name);
        if (problem != null) {
            diagnostics.error(element, "bean name \"" + name + "\" in " + ScannerAnnotations.simpleName(annotation)
                    + " " + problem);
            return;
        }
        if (!componentRules.check(type, element, annotation)) {
            return;
        }
        String binaryName = elements.getBinaryName(type).toString();
        IndexModel.Component component = model.component(binaryName, ElementLocation.of(element));
        if (!name.isEmpty()) {
            if (!component.explicitName().isEmpty() && !component.explicitName().equals(name)) {
                diagnostics.error(element, type.getQualifiedName() + " is given two bean names, \""
                        + component.explicitName() + "\" and \"" + name + "\": the runtime would create two beans");
                return;
            }
            component.setExplicitName(name);
        }
        component.addProduct(product, ElementLocation.of(element));
    }

    private void collectImport(String annotation, String product, Element element, AnnotationMirror mirror) {
        if (element.getKind() == ElementKind.PARAMETER) {
            Element executable = element.getEnclosingElement();
            if (executable.getKind() != ElementKind.CONSTRUCTOR) {
                diagnostics.error(element, ScannerAnnotations.simpleName(annotation) + " on parameter "
                        + element.getSimpleName() + " of " + describe(executable) + " has no effect: Spring Scanner"
                        + " imports services for constructor parameters and fields only");
                return;
            }
            TypeElement owner = (TypeElement) executable.getEnclosingElement();
            model.addParameterImport(new IndexModel.ParameterImport(ElementLocation.of(element),
                    element.getSimpleName().toString(), elements.getBinaryName(owner).toString(), annotation));
        } else if (element.getKind() != ElementKind.FIELD) {
            return;
        }
        TypeElement type = declaredTypeOf(element, annotation);
        if (type == null) {
            return;
        }
        String name = stringValue(mirror);
        String problem = BeanNames.problemWith(name);
        if (problem != null) {
            diagnostics.error(element, "bean name \"" + name + "\" in " + ScannerAnnotations.simpleName(annotation)
                    + " " + problem);
            return;
        }
        if (type.getKind() != ElementKind.INTERFACE) {
            diagnostics.warning(element, ScannerAnnotations.simpleName(annotation) + " of " + type.getQualifiedName()
                    + ", which is not an interface: OSGi services are proxied by interface, and Atlassian"
                    + " recommends importing interfaces only");
        }
        model.addImport(new IndexModel.Import(elements.getBinaryName(type).toString(),
                type.getSimpleName().toString(), name, product, ElementLocation.of(element)));
    }

    private void collectExport(String annotation, String file, Element element, AnnotationMirror mirror) {
        if (!element.getKind().isClass() && !element.getKind().isInterface()) {
            diagnostics.error(element, ScannerAnnotations.simpleName(annotation) + " is only supported on the"
                    + " component class by this index processor");
            return;
        }
        TypeElement type = (TypeElement) element;
        List<String> interfaces = new ArrayList<>();
        boolean valid = true;
        for (TypeMirror exported : classValues(mirror)) {
            TypeMirror erased = types.erasure(exported);
            if (erased.getKind() != TypeKind.DECLARED) {
                diagnostics.error(element, ScannerAnnotations.simpleName(annotation) + " names " + exported
                        + ", which is not a class or interface");
                valid = false;
                continue;
            }
            if (!types.isAssignable(types.erasure(type.asType()), erased)) {
                diagnostics.error(element, type.getQualifiedName() + " does not implement " + exported
                        + ": OSGi would refuse to register it under that name");
                valid = false;
                continue;
            }
            String binaryName = elements.getBinaryName((TypeElement) types.asElement(erased)).toString();
            if (!interfaces.contains(binaryName)) {
                interfaces.add(binaryName);
            }
        }
        if (!valid) {
            return;
        }
        if (interfaces.isEmpty()) {
            // What the runtime does for an entry without interfaces, written out so the index says it.
            for (TypeMirror direct : type.getInterfaces()) {
                interfaces.add(elements.getBinaryName((TypeElement) types.asElement(types.erasure(direct))).toString());
            }
        }
        model.addExport(new IndexModel.Export(elements.getBinaryName(type).toString(), interfaces, file,
                ElementLocation.of(element)));
    }

    private void rejectUnindexedStereotype(String annotation, Element element) {
        if (!element.getKind().isClass()) {
            return;
        }
        for (AnnotationMirror other : element.getAnnotationMirrors()) {
            if (ScannerAnnotations.componentProduct(qualifiedName(other)) != null) {
                return;
            }
        }
        diagnostics.error(element, ScannerAnnotations.simpleName(annotation) + " alone does not put "
                + ((TypeElement) element).getQualifiedName() + " into the Spring Scanner index, so it would not"
                + " become a bean: annotate it with @javax.inject.Named");
    }

    /** The class or interface of a field or parameter, or {@code null} after reporting why there is none. */
    private TypeElement declaredTypeOf(Element variable, String annotation) {
        TypeMirror erased = types.erasure(variable.asType());
        if (erased.getKind() != TypeKind.DECLARED) {
            diagnostics.error(variable, ScannerAnnotations.simpleName(annotation) + " on " + variable.getSimpleName()
                    + " of type " + variable.asType() + ": only a class or interface type can be indexed");
            return null;
        }
        return (TypeElement) ((DeclaredType) erased).asElement();
    }

    private static AnnotationMirror findMirror(Element element, String annotation) {
        for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
            if (annotation.equals(qualifiedName(mirror))) {
                return mirror;
            }
        }
        return null;
    }

    private static String qualifiedName(AnnotationMirror mirror) {
        return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
    }

    private static AnnotationValue value(AnnotationMirror mirror) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The {@code value} string of the annotation; every scanner annotation defaults it to "". */
    private static String stringValue(AnnotationMirror mirror) {
        AnnotationValue value = value(mirror);
        return value != null && value.getValue() instanceof String ? (String) value.getValue() : "";
    }

    private static List<TypeMirror> classValues(AnnotationMirror mirror) {
        List<TypeMirror> classes = new ArrayList<>();
        AnnotationValue value = value(mirror);
        if (value == null) {
            return classes;
        }
        Object raw = value.getValue();
        if (raw instanceof TypeMirror) {
            classes.add((TypeMirror) raw);
        } else if (raw instanceof List) {
            for (Object item : (List<?>) raw) {
                Object itemValue = ((AnnotationValue) item).getValue();
                if (itemValue instanceof TypeMirror) {
                    classes.add((TypeMirror) itemValue);
                }
            }
        }
        return classes;
    }

    private static String describe(Element executable) {
        return executable.getKind().name().toLowerCase(Locale.ROOT) + " "
                + executable.getEnclosingElement().getSimpleName() + "." + executable.getSimpleName();
    }
}
