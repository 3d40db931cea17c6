package com.sqltables.scannerindex;

import java.util.List;

import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Where an annotation was found, in a form that survives processing rounds. javac keeps class
 * elements from round to round but creates new member and parameter elements each round, and it
 * cannot place a diagnostic on a stale one; so members are found again, by position, when reported.
 */
final class ElementLocation {

    private final TypeElement owner;
    private final ElementKind memberKind;
    private final String memberName;
    private final int memberOrdinal;
    private final int parameterIndex;

    private ElementLocation(TypeElement owner, ElementKind memberKind, String memberName, int memberOrdinal,
            int parameterIndex) {
        this.owner = owner;
        this.memberKind = memberKind;
        this.memberName = memberName;
        this.memberOrdinal = memberOrdinal;
        this.parameterIndex = parameterIndex;
    }

    static ElementLocation of(Element element) {
        if (element instanceof TypeElement) {
            return new ElementLocation((TypeElement) element, null, null, 0, -1);
        }
        Element member = element;
        int parameterIndex = -1;
        if (element.getKind() == ElementKind.PARAMETER && element.getEnclosingElement() instanceof ExecutableElement) {
            member = element.getEnclosingElement();
            parameterIndex = ((ExecutableElement) member).getParameters().indexOf(element);
        }
        if (!(member.getEnclosingElement() instanceof TypeElement)) {
            return new ElementLocation(null, null, null, 0, -1);
        }
        TypeElement owner = (TypeElement) member.getEnclosingElement();
        int ordinal = 0;
        for (Element sibling : owner.getEnclosedElements()) {
            if (sibling.equals(member)) {
                break;
            }
            if (sameMember(sibling, member.getKind(), member.getSimpleName().toString())) {
                ordinal++;
            }
        }
        return new ElementLocation(owner, member.getKind(), member.getSimpleName().toString(), ordinal,
                parameterIndex);
    }

    /** The element as of the current round, or its class when the member cannot be found again. */
    Element resolve() {
        if (owner == null || memberKind == null) {
            return owner;
        }
        int ordinal = 0;
        for (Element sibling : owner.getEnclosedElements()) {
            if (!sameMember(sibling, memberKind, memberName)) {
                continue;
            }
            if (ordinal++ == memberOrdinal) {
                if (parameterIndex < 0) {
                    return sibling;
                }
                List<? extends Element> parameters = ((ExecutableElement) sibling).getParameters();
                return parameterIndex < parameters.size() ? parameters.get(parameterIndex) : sibling;
            }
        }
        return owner;
    }

    private static boolean sameMember(Element candidate, ElementKind kind, String name) {
        return candidate.getKind() == kind && candidate.getSimpleName().contentEquals(name);
    }
}
