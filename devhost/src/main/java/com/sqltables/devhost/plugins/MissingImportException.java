package com.sqltables.devhost.plugins;

/**
 * A plugin class asked for a class that OSGi would not let it see: its package is neither inside the bundle
 * nor wired by {@code Import-Package}. The JVM reports it as {@link NoClassDefFoundError} with this as cause.
 */
public final class MissingImportException extends ClassNotFoundException {
    private static final long serialVersionUID = 1L;

    private final String className;
    private final String packageName;
    private final String bundleName;

    MissingImportException(String className, String packageName, String bundleName, boolean hostHasIt) {
        super(message(className, packageName, bundleName, hostHasIt));
        this.className = className;
        this.packageName = packageName;
        this.bundleName = bundleName;
    }

    private static String message(String className, String packageName, String bundleName, boolean hostHasIt) {
        if (hostHasIt) {
            return className + " not found by " + bundleName + ": package " + packageName
                    + " is provided by the host but missing from the bundle's Import-Package header"
                    + " (add \"" + packageName + "\" to Import-Package, as Confluence's OSGi container requires)";
        }
        return className + " not found by " + bundleName + ": package " + packageName
                + " is neither inside the bundle (Bundle-ClassPath) nor imported (Import-Package)";
    }

    public String className() {
        return className;
    }

    public String packageName() {
        return packageName;
    }

    public String bundleName() {
        return bundleName;
    }
}
