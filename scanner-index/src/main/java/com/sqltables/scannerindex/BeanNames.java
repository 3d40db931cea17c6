package com.sqltables.scannerindex;

/**
 * Bean names exactly as Spring Scanner's runtime derives them, so that name clashes can be found at
 * compile time instead of as a silently replaced bean in Confluence.
 */
final class BeanNames {

    private BeanNames() {
    }

    /**
     * Default name of a component bean: the runtime takes Spring's {@code ClassUtils.getShortName}
     * of the binary class name (package dropped, {@code $} turned into {@code .}) and decapitalises
     * it, so {@code a.b.Outer$Inner} becomes {@code outer.Inner}.
     */
    static String defaultComponentName(String binaryName) {
        String shortName = binaryName.substring(binaryName.lastIndexOf('.') + 1).replace('$', '.');
        return decapitalize(shortName);
    }

    /** Default name of an imported service bean: the decapitalised simple name of its type. */
    static String defaultImportName(String simpleName) {
        return decapitalize(simpleName);
    }

    /**
     * The rule of {@code java.beans.Introspector.decapitalize}, restated because the
     * {@code java.desktop} module is not otherwise needed: names starting with two capitals
     * ({@code URLProvider}) stay as they are.
     */
    static String decapitalize(String name) {
        if (name.isEmpty()) {
            return name;
        }
        if (name.length() > 1 && Character.isUpperCase(name.charAt(0)) && Character.isUpperCase(name.charAt(1))) {
            return name;
        }
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * Why an explicit bean name cannot be written to an index line, or {@code null} when it can.
     * The runtime splits each line at {@code #}, reads it line by line, and keeps surrounding
     * blanks, so any of those would give a different bean name than the one written in the code.
     */
    static String problemWith(String explicitName) {
        if (explicitName.isEmpty()) {
            return null;
        }
        if (explicitName.trim().isEmpty()) {
            return "is blank";
        }
        if (explicitName.indexOf('#') >= 0) {
            return "contains '#', which separates the class from the bean name in the index";
        }
        if (explicitName.indexOf('\n') >= 0 || explicitName.indexOf('\r') >= 0) {
            return "contains a line break";
        }
        if (!explicitName.equals(explicitName.trim())) {
            return "starts or ends with whitespace";
        }
        return null;
    }
}
