package com.sqltables.scannerindex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * The conditions under which Spring, as driven by Spring Scanner's runtime, can create a bean from a
 * class named in the {@code component} index: a public, concrete, top-level or static nested class
 * with one constructor Spring can pick without guessing.
 */
final class ComponentClassRules {

    private final Diagnostics diagnostics;

    ComponentClassRules(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Checks a component class, reporting every violation on {@code reportOn} (the class itself, or
     * the parameter or field that names a class-path component).
     *
     * @return whether the class can be instantiated by the runtime
     */
    boolean check(TypeElement type, Element reportOn, String annotation) {
        String what = ScannerAnnotations.simpleName(annotation) + " class " + type.getQualifiedName();
        if (type.getKind() != ElementKind.CLASS) {
            diagnostics.error(reportOn, what + " must be a class, not " + kindName(type.getKind())
                    + ": Spring Scanner would register a bean that Spring cannot instantiate");
            return false;
        }
        boolean valid = true;
        if (type.getModifiers().contains(Modifier.ABSTRACT)) {
            diagnostics.error(reportOn, what + " is abstract: Spring cannot instantiate it;"
                    + " annotate the concrete subclass instead");
            valid = false;
        }
        if (!type.getModifiers().contains(Modifier.PUBLIC)) {
            diagnostics.error(reportOn, what + " must be public");
            valid = false;
        }
        if (type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS) {
            diagnostics.error(reportOn, what + " is a local class: Spring cannot instantiate it");
            valid = false;
        } else if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
            diagnostics.error(reportOn, what + " is an inner class: make it static, because Spring"
                    + " cannot supply the enclosing instance");
            valid = false;
        }
        return checkConstructors(type, reportOn, what) && valid;
    }

    private boolean checkConstructors(TypeElement type, Element reportOn, String what) {
        List<ExecutableElement> constructors = ElementFilter.constructorsIn(type.getEnclosedElements());
        List<ExecutableElement> marked = new ArrayList<>();
        boolean hasNoArgConstructor = false;
        for (ExecutableElement constructor : constructors) {
            if (isInjectionPoint(constructor)) {
                marked.add(constructor);
            }
            hasNoArgConstructor |= constructor.getParameters().isEmpty();
        }
        if (marked.size() > 1) {
            diagnostics.error(reportOn, what + " has " + marked.size() + " constructors marked @Inject or"
                    + " @Autowired: Spring needs exactly one");
            return false;
        }
        // Spring 5 takes the marked constructor, else the only one, else the no-argument one.
        if (marked.size() == 1 || constructors.size() == 1 || hasNoArgConstructor) {
            return true;
        }
        diagnostics.error(reportOn, what + " has no usable constructor: it has " + constructors.size()
                + " constructors, none marked @Inject and none without parameters");
        return false;
    }

    private static boolean isInjectionPoint(ExecutableElement constructor) {
        for (AnnotationMirror mirror : constructor.getAnnotationMirrors()) {
            String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
            if (ScannerAnnotations.INJECT.equals(name) || ScannerAnnotations.SPRING_AUTOWIRED.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String kindName(ElementKind kind) {
        return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
