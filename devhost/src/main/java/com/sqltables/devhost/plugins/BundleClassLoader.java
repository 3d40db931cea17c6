package com.sqltables.devhost.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads a plugin bundle's classes the way an OSGi framework does, so that a mistake in the manifest fails
 * here as it would in Confluence:
 * <ol>
 * <li>{@code java.*} and the packages Confluence boot-delegates ({@code sun.*}, {@code com.sun.*}, {@code jdk.*})
 *     come from the host;</li>
 * <li>packages wired by {@code Import-Package} come from the host, even when the bundle also contains them;</li>
 * <li>everything else comes from the bundle's {@code Bundle-ClassPath} (the jar and its embedded jars);</li>
 * <li>then {@code DynamicImport-Package}; anything left is invisible ({@link MissingImportException}).</li>
 * </ol>
 */
final class BundleClassLoader extends ClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final List<String> BOOT_DELEGATED = List.of("sun.", "com.sun.", "jdk.");

    /** One {@code Bundle-ClassPath} entry: a jar and the directory inside it that acts as class path root. */
    static final class ClassPathEntry {
        private final JarFile jar;
        private final String root;
        private final String description;

        ClassPathEntry(JarFile jar, String root, String description) {
            this.jar = jar;
            this.root = root;
            this.description = description;
        }

        JarEntry entry(String name) {
            return jar.getJarEntry(root + name);
        }

        URL url(String name) {
            try {
                return new URL("jar:" + new java.io.File(jar.getName()).toURI() + "!/" + root + name);
            } catch (MalformedURLException e) {
                throw new IllegalStateException("Cannot form a URL for " + name + " in " + description, e);
            }
        }

        @Override
        public String toString() {
            return description;
        }
    }

    private final String bundleName;
    private final List<ClassPathEntry> classPath;
    private final Set<String> importedPackages;
    private final List<String> dynamicImports;
    private final HostPackages hostPackages;
    private final ClassLoader host;
    private final Set<String> bundlePackages = new HashSet<>();

    BundleClassLoader(String bundleName, List<ClassPathEntry> classPath, Set<String> importedPackages,
                      List<String> dynamicImports, HostPackages hostPackages, ClassLoader host) {
        super("bundle:" + bundleName, null);
        this.bundleName = bundleName;
        this.classPath = List.copyOf(classPath);
        this.importedPackages = Set.copyOf(importedPackages);
        this.dynamicImports = List.copyOf(dynamicImports);
        this.hostPackages = hostPackages;
        this.host = host;
        for (ClassPathEntry entry : classPath) {
            for (Enumeration<JarEntry> e = entry.jar.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(entry.root) && name.endsWith(".class")) {
                    String relative = name.substring(entry.root.length());
                    int slash = relative.lastIndexOf('/');
                    bundlePackages.add(slash < 0 ? "" : relative.substring(0, slash).replace('/', '.'));
                }
            }
        }
    }

    String bundleName() {
        return bundleName;
    }

    /** @return whether the bundle itself contains classes of this package */
    boolean containsPackage(String packageName) {
        return bundlePackages.contains(packageName);
    }

    /** @return whether the package is wired to the host by Import-Package */
    boolean importsPackage(String packageName) {
        return importedPackages.contains(packageName);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = locate(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> locate(String name) throws ClassNotFoundException {
        String packageName = packageOf(name);
        if (packageName.startsWith("java.") || bootDelegated(packageName)) {
            return host.loadClass(name);
        }
        if (importedPackages.contains(packageName)) {
            try {
                return host.loadClass(name);
            } catch (ClassNotFoundException e) {
                throw new ClassNotFoundException(name + " not found by " + bundleName + ": package " + packageName
                        + " is imported, but the host's " + packageName + " has no such class", e);
            }
        }
        Class<?> own = defineFromBundle(name, packageName);
        if (own != null) {
            return own;
        }
        if (dynamicallyImported(packageName)) {
            return host.loadClass(name);
        }
        throw new MissingImportException(name, packageName, bundleName, hostPackages.refusal(packageName).isEmpty());
    }

    private Class<?> defineFromBundle(String name, String packageName) throws ClassNotFoundException {
        String resource = name.replace('.', '/') + ".class";
        for (ClassPathEntry entry : classPath) {
            JarEntry jarEntry = entry.entry(resource);
            if (jarEntry == null) {
                continue;
            }
            byte[] bytes;
            try (InputStream in = entry.jar.getInputStream(jarEntry)) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new ClassNotFoundException(name + ": cannot read it from " + entry, e);
            }
            if (!packageName.isEmpty() && getDefinedPackage(packageName) == null) {
                try {
                    definePackage(packageName, null, null, null, null, null, null, null);
                } catch (IllegalArgumentException raced) {
                    // Another thread defined it first: fine.
                }
            }
            CodeSource source = new CodeSource(entry.url(""), (Certificate[]) null);
            return defineClass(name, bytes, 0, bytes.length, new ProtectionDomain(source, null, this, null));
        }
        return null;
    }

    private boolean dynamicallyImported(String packageName) {
        for (String pattern : dynamicImports) {
            boolean matches = pattern.equals("*")
                    || pattern.equals(packageName)
                    || (pattern.endsWith(".*") && packageName.startsWith(pattern.substring(0, pattern.length() - 1)));
            if (matches && hostPackages.refusal(packageName).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public URL getResource(String name) {
        String packageName = resourcePackage(name);
        if (packageName.startsWith("java.") || bootDelegated(packageName)) {
            return host.getResource(name);
        }
        if (importedPackages.contains(packageName)) {
            return host.getResource(name);
        }
        URL own = findResource(name);
        if (own != null) {
            return own;
        }
        return dynamicallyImported(packageName) ? host.getResource(name) : null;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        String packageName = resourcePackage(name);
        if (packageName.startsWith("java.") || bootDelegated(packageName)) {
            return host.getResources(name);
        }
        if (importedPackages.contains(packageName)) {
            return host.getResources(name);
        }
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        if (urls.isEmpty() && dynamicallyImported(packageName)) {
            return host.getResources(name);
        }
        return Collections.enumeration(urls);
    }

    @Override
    protected URL findResource(String name) {
        String entryName = name.startsWith("/") ? name.substring(1) : name;
        for (ClassPathEntry entry : classPath) {
            if (entry.entry(entryName) != null) {
                return entry.url(entryName);
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        String entryName = name.startsWith("/") ? name.substring(1) : name;
        List<URL> urls = new ArrayList<>();
        for (ClassPathEntry entry : classPath) {
            if (entry.entry(entryName) != null) {
                urls.add(entry.url(entryName));
            }
        }
        return Collections.enumeration(urls);
    }

    /** Reads a resource from the bundle itself (never the host), e.g. a web-resource file. */
    InputStream openBundleEntry(String name) {
        String entryName = name.startsWith("/") ? name.substring(1) : name;
        for (ClassPathEntry entry : classPath) {
            JarEntry jarEntry = entry.entry(entryName);
            if (jarEntry != null && !jarEntry.isDirectory()) {
                try {
                    return entry.jar.getInputStream(jarEntry);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    void close() {
        for (ClassPathEntry entry : classPath) {
            try {
                entry.jar.close();
            } catch (IOException e) {
                // Closing on shutdown: nothing useful to do.
            }
        }
    }

    private static boolean bootDelegated(String packageName) {
        String dotted = packageName + ".";
        for (String prefix : BOOT_DELEGATED) {
            if (dotted.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String resourcePackage(String resourceName) {
        String name = resourceName.startsWith("/") ? resourceName.substring(1) : resourceName;
        int slash = name.lastIndexOf('/');
        return slash < 0 ? "" : name.substring(0, slash).replace('/', '.');
    }

    @Override
    public String toString() {
        return "BundleClassLoader[" + bundleName + "]";
    }
}
