package com.sqltables.devhost.plugins;

/** Turns a throwable into the one line a developer needs, preferring the OSGi visibility explanation. */
final class Failures {
    private Failures() {
    }

    static String describe(Throwable failure) {
        return describe(failure, null);
    }

    /**
     * @param loader the bundle's loader, used to explain a {@link NoClassDefFoundError} the JVM re-threw without
     *               its original cause (it caches resolution failures)
     */
    static String describe(Throwable failure, ClassLoader loader) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof MissingImportException) {
                return t.getMessage();
            }
        }
        if (failure == null) {
            return "unknown failure";
        }
        if (failure instanceof NoClassDefFoundError) {
            if (loader != null && failure.getMessage() != null) {
                String className = failure.getMessage().replace('/', '.');
                try {
                    Class.forName(className, false, loader);
                } catch (MissingImportException e) {
                    return e.getMessage();
                } catch (ClassNotFoundException | LinkageError e) {
                    // Fall through to the generic description.
                }
            }
            if (failure.getCause() != null) {
                return "NoClassDefFoundError: " + failure.getMessage() + " (" + failure.getCause().getMessage() + ")";
            }
        }
        return failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
    }
}
