package com.sqltables.scannerindex;

import java.util.HashSet;
import java.util.Set;

import javax.annotation.processing.Messager;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/** Reports problems on the element that causes them, once each, and remembers whether any was an error. */
final class Diagnostics {

    private static final String PREFIX = "[Spring Scanner index] ";

    private final Messager messager;
    private final Set<String> reported = new HashSet<>();
    private boolean errors;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    void error(Element element, String message) {
        report(Diagnostic.Kind.ERROR, element, message);
    }

    void warning(Element element, String message) {
        report(Diagnostic.Kind.WARNING, element, message);
    }

    boolean hasErrors() {
        return errors;
    }

    private void report(Diagnostic.Kind kind, Element element, String message) {
        // The same clash is found once per product view; say it once.
        if (!reported.add(kind + "\n" + message)) {
            return;
        }
        if (kind == Diagnostic.Kind.ERROR) {
            errors = true;
        }
        if (element == null) {
            messager.printMessage(kind, PREFIX + message);
        } else {
            messager.printMessage(kind, PREFIX + message, element);
        }
    }
}
