package com.sqltables.confluence.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * A plugin jar as the OSGi framework sees it: the manifest, the resources, and the classes of every
 * entry of {@code Bundle-ClassPath} (the jar itself and any embedded library jars).
 */
final class BundleContents {

    private final Manifest manifest;
    private final Map<String, byte[]> resources;
    private final Map<String, ClassFile> ownClasses;
    private final Map<String, ClassFile> embeddedClasses;
    private final List<String> problems;

    private BundleContents(Manifest manifest, Map<String, byte[]> resources, Map<String, ClassFile> ownClasses,
            Map<String, ClassFile> embeddedClasses, List<String> problems) {
        this.manifest = manifest;
        this.resources = resources;
        this.ownClasses = ownClasses;
        this.embeddedClasses = embeddedClasses;
        this.problems = problems;
    }

    static BundleContents read(Path jar) throws IOException {
        Map<String, byte[]> resources = new LinkedHashMap<>();
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
            for (JarEntry entry : Collections.list(file.entries())) {
                if (!entry.isDirectory()) {
                    try (InputStream in = file.getInputStream(entry)) {
                        resources.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        if (manifest == null) {
            manifest = new Manifest();
        }
        List<String> problems = new ArrayList<>();
        Map<String, ClassFile> own = classesOf(resources, "the jar", problems);
        Map<String, ClassFile> embedded = new LinkedHashMap<>();
        for (OsgiHeader.Clause entry : OsgiHeader.parse(manifest.getMainAttributes().getValue("Bundle-ClassPath"))) {
            if (entry.name().equals(".")) {
                continue;
            }
            byte[] nested = resources.get(entry.name());
            if (nested == null) {
                problems.add("Bundle-ClassPath names " + entry.name() + ", which is not in the jar");
                continue;
            }
            embedded.putAll(classesOf(readJar(nested), entry.name(), problems));
        }
        return new BundleContents(manifest, resources, own, embedded, problems);
    }

    String header(String name) {
        return manifest.getMainAttributes().getValue(name);
    }

    Attributes mainAttributes() {
        return manifest.getMainAttributes();
    }

    /** Every non-directory entry of the jar, by path. */
    Map<String, byte[]> resources() {
        return resources;
    }

    byte[] resource(String path) {
        return resources.get(path);
    }

    /** Classes of the plugin itself (the jar's root), by internal name. */
    Map<String, ClassFile> ownClasses() {
        return ownClasses;
    }

    /** Classes of the plugin and of its embedded libraries, by internal name. */
    Map<String, ClassFile> allClasses() {
        Map<String, ClassFile> all = new LinkedHashMap<>(embeddedClasses);
        all.putAll(ownClasses);
        return all;
    }

    boolean containsClass(String className) {
        String internal = className.replace('.', '/');
        return ownClasses.containsKey(internal) || embeddedClasses.containsKey(internal);
    }

    /** Problems met while reading (unreadable classes, missing embedded jars). */
    List<String> readProblems() {
        return problems;
    }

    private static Map<String, byte[]> readJar(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(bytes))) {
            for (JarEntry entry = in.getNextJarEntry(); entry != null; entry = in.getNextJarEntry()) {
                if (!entry.isDirectory()) {
                    entries.put(entry.getName(), in.readAllBytes());
                }
            }
        }
        return entries;
    }

    private static Map<String, ClassFile> classesOf(Map<String, byte[]> entries, String where, List<String> problems) {
        Map<String, ClassFile> classes = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
            String path = entry.getKey();
            // Multi-release variants only run on newer JVMs and module descriptors are no classes.
            if (!path.endsWith(".class") || path.startsWith("META-INF/") || path.endsWith("module-info.class")) {
                continue;
            }
            try {
                ClassFile parsed = ClassFile.parse(entry.getValue());
                classes.put(parsed.name(), parsed);
            } catch (IOException | RuntimeException e) {
                problems.add("cannot read " + path + " in " + where + ": " + e.getMessage());
            }
        }
        return classes;
    }
}
