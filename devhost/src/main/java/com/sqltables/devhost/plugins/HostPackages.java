package com.sqltables.devhost.plugins;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The packages the dev host exports to the plugin, as Confluence's OSGi container does through its system
 * bundle and its bundled plugins. Everything on the host's class path counts, except the dev host's own
 * machinery (web server, scheduler library, databases, test tools), which Confluence does not offer.
 * Versions are known for the Atlassian APIs whose versions Confluence 8.7 bundles (shared FACTS §2), so an
 * {@code Import-Package} version range that Confluence would refuse is refused here too.
 */
final class HostPackages {
    /** Package prefixes on the dev host's class path that a plugin inside Confluence could not import. */
    private static final List<String> NOT_EXPORTED = List.of(
            "com.sqltables.", "org.eclipse.jetty.", "org.quartz.", "org.terracotta.", "com.mchange.", "org.h2.",
            "org.postgresql.", "com.icegreen.", "com.zaxxer.hikari.", "io.zonky.", "org.junit.", "junit.",
            "org.hamcrest.", "org.mockito.", "net.bytebuddy.", "org.objenesis.", "org.openqa.");

    private final ClassLoader hostLoader;
    private final Map<String, String> versionsByPrefix;
    private volatile Set<String> scannedPackages;

    HostPackages(ClassLoader hostLoader, String confluenceVersion) {
        this.hostLoader = hostLoader;
        // Longest prefix wins; versions of the bundles inside a Confluence 8.7 install (FACTS §2).
        this.versionsByPrefix = Map.of(
                "com.atlassian.sal.api", "5.1.4",
                "com.atlassian.scheduler", "4.1.0",
                "com.atlassian.mail", "5.3.0",
                "com.atlassian.templaterenderer", "5.0.4",
                "com.atlassian.activeobjects.external", "5.2.1",
                "com.atlassian.plugin.spring.scanner", "3.0.4",
                "com.atlassian.confluence", confluenceVersion,
                "org.springframework", "5.3.39");
    }

    /** @return why the host cannot export the package, or empty when it does */
    Optional<String> refusal(String packageName) {
        String dotted = packageName + ".";
        for (String prefix : NOT_EXPORTED) {
            if (dotted.startsWith(prefix)) {
                return Optional.of("the dev host has " + packageName + " only for its own machinery; Confluence does not export it either");
            }
        }
        if (!exists(packageName)) {
            return Optional.of("no bundle in the host exports " + packageName);
        }
        return Optional.empty();
    }

    /** @return the exported version when known (Atlassian APIs), else empty: any range is accepted */
    Optional<OsgiVersion> version(String packageName) {
        String best = null;
        for (String prefix : versionsByPrefix.keySet()) {
            if ((packageName.equals(prefix) || packageName.startsWith(prefix + "."))
                    && (best == null || prefix.length() > best.length())) {
                best = prefix;
            }
        }
        return best == null ? Optional.empty() : Optional.of(OsgiVersion.parse(versionsByPrefix.get(best)));
    }

    private boolean exists(String packageName) {
        for (Module module : ModuleLayer.boot().modules()) {
            if (module.getPackages().contains(packageName)) {
                return true;
            }
        }
        String path = packageName.replace('.', '/');
        if (hostLoader.getResource(path + "/") != null || hostLoader.getResource(path) != null) {
            return true;
        }
        return scannedPackages().contains(packageName);
    }

    /** Jars without directory entries hide their packages from getResource: list their entries instead. */
    private Set<String> scannedPackages() {
        Set<String> packages = scannedPackages;
        if (packages == null) {
            packages = scanClassPath();
            scannedPackages = packages;
        }
        return packages;
    }

    private static Set<String> scanClassPath() {
        Set<String> packages = new HashSet<>();
        Set<Path> seen = new HashSet<>();
        Deque<Path> todo = new ArrayDeque<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                todo.add(Paths.get(entry).toAbsolutePath().normalize());
            }
        }
        while (!todo.isEmpty()) {
            Path path = todo.poll();
            if (!seen.add(path) || !Files.exists(path)) {
                continue;
            }
            if (Files.isDirectory(path)) {
                try (Stream<Path> files = Files.walk(path)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .map(f -> path.relativize(f.getParent() == null ? path : f.getParent()).toString())
                            .forEach(dir -> packages.add(dir.replace(File.separatorChar, '.')));
                } catch (IOException e) {
                    // An unreadable directory exports nothing.
                }
                continue;
            }
            try (JarFile jar = new JarFile(path.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    int slash = name.lastIndexOf('/');
                    if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                        packages.add(name.substring(0, slash).replace('/', '.'));
                    }
                }
                Manifest manifest = jar.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (classPath != null) {
                    // Surefire starts tests through a manifest-only jar whose Class-Path lists the real class path.
                    for (String reference : classPath.trim().split("\\s+")) {
                        try {
                            URI uri = path.toUri().resolve(reference);
                            todo.add(Paths.get(uri).toAbsolutePath().normalize());
                        } catch (IllegalArgumentException e) {
                            // Not a file reference: nothing to scan.
                        }
                    }
                }
            } catch (IOException e) {
                // Not a jar: exports nothing.
            }
        }
        return packages;
    }
}
