package com.sqltables.devhost.plugins;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipFile;

/**
 * The plugin jar seen as an OSGi bundle: its manifest checked as Confluence checks a transformerless plugin,
 * its {@code Import-Package} wired against what the host exports, and its class loader.
 */
final class PluginBundle implements AutoCloseable {
    private final Path jarPath;
    private final JarFile jar;
    private final String symbolicName;
    private final String version;
    private final Path extractDir;
    private final BundleClassLoader classLoader;

    private PluginBundle(Path jarPath, JarFile jar, String symbolicName, String version, Path extractDir,
                         BundleClassLoader classLoader) {
        this.jarPath = jarPath;
        this.jar = jar;
        this.symbolicName = symbolicName;
        this.version = version;
        this.extractDir = extractDir;
        this.classLoader = classLoader;
    }

    /**
     * Opens and resolves the bundle.
     *
     * @param workDir directory for embedded jars (emptied on {@link #close()})
     */
    static PluginBundle open(Path jarPath, Path workDir, HostPackages hostPackages, ClassLoader host)
            throws PluginLoadException {
        if (!Files.isRegularFile(jarPath)) {
            throw new PluginLoadException("Plugin jar " + jarPath + " does not exist (build the plugin first)");
        }
        JarFile jar;
        try {
            jar = new JarFile(jarPath.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
        } catch (IOException e) {
            throw new PluginLoadException("Plugin jar " + jarPath + " cannot be read as a jar: " + e.getMessage(), e);
        }
        Path extractDir = null;
        try {
            Manifest manifest = jar.getManifest();
            if (manifest == null) {
                throw new PluginLoadException(jarPath.getFileName() + " has no META-INF/MANIFEST.MF: it is not an OSGi bundle");
            }
            Attributes main = manifest.getMainAttributes();
            List<String> problems = new ArrayList<>();
            String symbolicName = firstPath(main.getValue("Bundle-SymbolicName"));
            String pluginKey = trimToNull(main.getValue("Atlassian-Plugin-Key"));
            if (symbolicName == null) {
                problems.add("MANIFEST.MF has no Bundle-SymbolicName");
            }
            if (pluginKey == null) {
                problems.add("MANIFEST.MF has no Atlassian-Plugin-Key: Confluence would treat the jar as a plugin to"
                        + " transform and generate its own manifest; set Atlassian-Plugin-Key to the plugin key");
            } else if (symbolicName != null && !pluginKey.equals(symbolicName)) {
                problems.add("MANIFEST.MF Atlassian-Plugin-Key '" + pluginKey + "' differs from Bundle-SymbolicName '"
                        + symbolicName + "': they must be equal (and equal the key in atlassian-plugin.xml)");
            }
            if (trimToNull(main.getValue("Spring-Context")) == null) {
                problems.add("MANIFEST.MF has no Spring-Context header: Confluence would create no Spring context,"
                        + " so no component of the Spring Scanner index would exist (add Spring-Context: *)");
            }
            String bundleVersion = Optional.ofNullable(trimToNull(main.getValue("Bundle-Version"))).orElse("0.0.0");
            if (!problems.isEmpty()) {
                throw new PluginLoadException(String.join("\n", problems));
            }
            Set<String> imports = resolveImports(main.getValue("Import-Package"), hostPackages, problems);
            List<String> dynamicImports = new ArrayList<>();
            for (OsgiHeader.Clause clause : parseHeader("DynamicImport-Package", main.getValue("DynamicImport-Package"))) {
                dynamicImports.addAll(clause.paths());
            }
            Files.createDirectories(workDir);
            extractDir = Files.createTempDirectory(workDir, symbolicName + "-");
            List<BundleClassLoader.ClassPathEntry> classPath = classPath(jar, jarPath, main.getValue("Bundle-ClassPath"),
                    extractDir, problems);
            if (!problems.isEmpty()) {
                throw new PluginLoadException(String.join("\n", problems));
            }
            BundleClassLoader loader = new BundleClassLoader(symbolicName, classPath, imports, dynamicImports,
                    hostPackages, host);
            return new PluginBundle(jarPath, jar, symbolicName, bundleVersion, extractDir, loader);
        } catch (PluginLoadException | RuntimeException e) {
            closeQuietly(jar);
            deleteRecursively(extractDir);
            throw e;
        } catch (IOException e) {
            closeQuietly(jar);
            deleteRecursively(extractDir);
            throw new PluginLoadException("Cannot unpack " + jarPath + ": " + e.getMessage(), e);
        }
    }

    private static Set<String> resolveImports(String header, HostPackages hostPackages, List<String> problems)
            throws PluginLoadException {
        Set<String> wired = new LinkedHashSet<>();
        for (OsgiHeader.Clause clause : parseHeader("Import-Package", header)) {
            boolean optional = "optional".equals(clause.directive("resolution"));
            OsgiVersion.Range range;
            try {
                range = OsgiVersion.Range.parse(clause.attribute("version"));
            } catch (IllegalArgumentException e) {
                problems.add("Import-Package " + clause.paths() + ": " + e.getMessage());
                continue;
            }
            for (String packageName : clause.paths()) {
                if (packageName.contains("*")) {
                    problems.add("Import-Package '" + packageName + "' contains a wildcard: OSGi allows wildcards only in"
                            + " DynamicImport-Package (bnd expands them at build time)");
                    continue;
                }
                Optional<String> refusal = hostPackages.refusal(packageName);
                Optional<OsgiVersion> exported = hostPackages.version(packageName);
                String failure = null;
                if (refusal.isPresent()) {
                    failure = "Import-Package " + packageName + " cannot be resolved: " + refusal.get();
                } else if (exported.isPresent() && !range.includes(exported.get())) {
                    failure = "Import-Package " + packageName + ";version=\"" + range + "\" cannot be resolved: the host"
                            + " exports " + packageName + " " + exported.get() + ", outside the range";
                }
                if (failure == null) {
                    wired.add(packageName);
                } else if (!optional) {
                    problems.add(failure + " (Confluence would leave the bundle unresolved)");
                }
            }
        }
        return wired;
    }

    private static List<BundleClassLoader.ClassPathEntry> classPath(JarFile jar, Path jarPath, String header, Path extractDir,
                                                                  List<String> problems) throws IOException, PluginLoadException {
        List<BundleClassLoader.ClassPathEntry> entries = new ArrayList<>();
        List<OsgiHeader.Clause> clauses = parseHeader("Bundle-ClassPath", header);
        if (clauses.isEmpty()) {
            entries.add(new BundleClassLoader.ClassPathEntry(jar, "", jarPath.getFileName().toString()));
            return entries;
        }
        int index = 0;
        for (OsgiHeader.Clause clause : clauses) {
            for (String path : clause.paths()) {
                String name = path.startsWith("/") ? path.substring(1) : path;
                if (name.equals(".") || name.isEmpty()) {
                    entries.add(new BundleClassLoader.ClassPathEntry(jar, "", jarPath.getFileName().toString()));
                    continue;
                }
                JarEntry entry = jar.getJarEntry(name);
                if (entry == null) {
                    entry = jar.getJarEntry(name + "/");
                }
                if (entry == null) {
                    // OSGi skips a missing Bundle-ClassPath entry; a missing embedded jar is still a mistake worth naming.
                    problems.add("Bundle-ClassPath names " + name + ", which is not in the jar");
                    continue;
                }
                if (entry.isDirectory()) {
                    entries.add(new BundleClassLoader.ClassPathEntry(jar, name.endsWith("/") ? name : name + "/",
                            jarPath.getFileName() + "!/" + name));
                    continue;
                }
                Path target = extractDir.resolve((index++) + "-" + Path.of(name).getFileName());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
                JarFile embedded;
                try {
                    embedded = new JarFile(target.toFile(), true, ZipFile.OPEN_READ, Runtime.version());
                } catch (IOException e) {
                    problems.add("Bundle-ClassPath entry " + name + " is not a readable jar: " + e.getMessage());
                    continue;
                }
                entries.add(new BundleClassLoader.ClassPathEntry(embedded, "", jarPath.getFileName() + "!/" + name));
            }
        }
        return entries;
    }

    private static List<OsgiHeader.Clause> parseHeader(String name, String value) throws PluginLoadException {
        try {
            return OsgiHeader.parse(value);
        } catch (IllegalArgumentException e) {
            throw new PluginLoadException("MANIFEST.MF " + name + " cannot be parsed: " + e.getMessage(), e);
        }
    }

    private static String firstPath(String header) {
        if (trimToNull(header) == null) {
            return null;
        }
        List<OsgiHeader.Clause> clauses = OsgiHeader.parse(header);
        return clauses.isEmpty() ? null : clauses.get(0).paths().get(0);
    }

    private static String trimToNull(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    Path jarPath() {
        return jarPath;
    }

    JarFile jar() {
        return jar;
    }

    String symbolicName() {
        return symbolicName;
    }

    String version() {
        return version;
    }

    BundleClassLoader classLoader() {
        return classLoader;
    }

    /** @return the entry's bytes from the jar itself (not the bundle class path), or null when absent */
    InputStream openJarEntry(String name) throws IOException {
        JarEntry entry = jar.getJarEntry(name);
        return entry == null || entry.isDirectory() ? null : jar.getInputStream(entry);
    }

    @Override
    public void close() {
        classLoader.close();
        closeQuietly(jar);
        deleteRecursively(extractDir);
    }

    private static void closeQuietly(JarFile jar) {
        try {
            jar.close();
        } catch (IOException e) {
            // Nothing left to do with a jar we are discarding.
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<Path>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                    Files.delete(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // A leftover temp directory is harmless; the next start uses a fresh one.
        }
    }
}
