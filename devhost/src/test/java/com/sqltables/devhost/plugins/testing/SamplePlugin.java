package com.sqltables.devhost.plugins.testing;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a small plugin jar inside a test, as the real build would: sources compiled for Java 11 against the
 * host API, a manifest, {@code atlassian-plugin.xml} and hand-written Spring Scanner index files.
 */
public final class SamplePlugin {
    /** Host packages most samples import; tests leave one out to provoke the missing-import failure. */
    public static final List<String> DEFAULT_IMPORTS = List.of(
            "com.atlassian.activeobjects.external",
            "com.atlassian.confluence.content.render.xhtml",
            "com.atlassian.confluence.core",
            "com.atlassian.confluence.macro",
            "com.atlassian.confluence.user",
            "com.atlassian.mail",
            "com.atlassian.mail.server",
            "com.atlassian.plugin.spring.scanner.annotation.imports",
            "com.atlassian.sal.api",
            "com.atlassian.sal.api.message",
            "com.atlassian.sal.api.pluginsettings",
            "com.atlassian.sal.api.transaction",
            "com.atlassian.sal.api.user",
            "com.atlassian.sal.api.websudo",
            "com.atlassian.sal.api.xsrf",
            "com.atlassian.scheduler",
            "com.atlassian.scheduler.config",
            "com.atlassian.templaterenderer",
            "com.atlassian.webresource.api.assembler",
            "javax.inject",
            "javax.servlet",
            "javax.servlet.http",
            "net.java.ao",
            "net.java.ao.schema",
            "org.springframework.beans.factory");

    private final String key;
    private final Map<String, String> sources = new LinkedHashMap<>();
    private final Map<String, byte[]> resources = new LinkedHashMap<>();
    private final Map<String, List<String>> index = new LinkedHashMap<>();
    private final Map<String, String> manifest = new LinkedHashMap<>();
    private final Map<String, SamplePlugin> embedded = new LinkedHashMap<>();
    private final Set<String> imports = new LinkedHashSet<>(DEFAULT_IMPORTS);
    private String descriptor;

    private SamplePlugin(String key) {
        this.key = key;
        manifest.put("Bundle-ManifestVersion", "2");
        manifest.put("Bundle-SymbolicName", key);
        manifest.put("Atlassian-Plugin-Key", key);
        manifest.put("Bundle-Version", "1.0.0");
        manifest.put("Spring-Context", "*");
    }

    public static SamplePlugin withKey(String key) {
        return new SamplePlugin(key);
    }

    /** A library jar (no descriptor, no OSGi headers) to embed via Bundle-ClassPath. */
    public static SamplePlugin library() {
        SamplePlugin library = new SamplePlugin("library");
        library.manifest.clear();
        return library;
    }

    public SamplePlugin source(String className, String code) {
        sources.put(className, code);
        return this;
    }

    public SamplePlugin resource(String path, String content) {
        resources.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public SamplePlugin descriptor(String xml) {
        this.descriptor = xml;
        return this;
    }

    /** Adds lines to {@code META-INF/plugin-components/<file>}. */
    public SamplePlugin index(String file, String... lines) {
        index.computeIfAbsent(file, f -> new ArrayList<>()).addAll(List.of(lines));
        return this;
    }

    /** Replaces {@code META-INF/plugin-components/<file>}; no lines removes the file. */
    public SamplePlugin setIndex(String file, String... lines) {
        if (lines.length == 0) {
            index.remove(file);
        } else {
            index.put(file, new ArrayList<>(List.of(lines)));
        }
        return this;
    }

    public SamplePlugin manifestHeader(String name, String value) {
        if (value == null) {
            manifest.remove(name);
        } else {
            manifest.put(name, value);
        }
        return this;
    }

    public SamplePlugin withoutImport(String packageName) {
        if (!imports.remove(packageName)) {
            throw new IllegalArgumentException(packageName + " is not a default import");
        }
        return this;
    }

    public SamplePlugin withImport(String clause) {
        imports.add(clause);
        return this;
    }

    /** Embeds a library jar at {@code path} and lists it in Bundle-ClassPath. */
    public SamplePlugin embed(String path, SamplePlugin library) {
        embedded.put(path, library);
        return this;
    }

    /** Compiles and writes the jar into {@code dir}. */
    public Path build(Path dir) {
        try {
            Files.createDirectories(dir);
            Path jar = Files.createTempFile(dir, key + "-", ".jar");
            Files.write(jar, jarBytes(List.of()));
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] jarBytes(List<byte[]> extraClassPath) throws IOException {
        Map<String, byte[]> classes = compile();
        Manifest mf = new Manifest();
        Attributes main = mf.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.forEach((name, value) -> main.putValue(name, value));
        if (!manifest.isEmpty() && !imports.isEmpty() && !manifest.containsKey("Import-Package")) {
            main.putValue("Import-Package", String.join(",", imports));
        }
        if (!embedded.isEmpty() && !manifest.containsKey("Bundle-ClassPath")) {
            main.putValue("Bundle-ClassPath", "." + embedded.keySet().stream().map(p -> "," + p).collect(Collectors.joining()));
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream out = new JarOutputStream(bytes, mf)) {
            Set<String> directories = new LinkedHashSet<>();
            Map<String, byte[]> entries = new LinkedHashMap<>(classes);
            if (descriptor != null) {
                entries.put("atlassian-plugin.xml", descriptor.getBytes(StandardCharsets.UTF_8));
            }
            index.forEach((file, lines) -> entries.put("META-INF/plugin-components/" + file,
                    (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
            entries.putAll(resources);
            for (Map.Entry<String, SamplePlugin> library : embedded.entrySet()) {
                entries.put(library.getKey(), library.getValue().jarBytes(List.of()));
            }
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                String name = entry.getKey();
                for (int slash = name.indexOf('/'); slash > 0; slash = name.indexOf('/', slash + 1)) {
                    String directory = name.substring(0, slash + 1);
                    if (directories.add(directory)) {
                        out.putNextEntry(new JarEntry(directory));
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry(name));
                out.write(entry.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private Map<String, byte[]> compile() throws IOException {
        Map<String, byte[]> output = new LinkedHashMap<>();
        if (sources.isEmpty()) {
            return output;
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<JavaFileObject> units = new ArrayList<>();
        sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
                URI.create("string:///" + name.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return code;
            }
        }));
        Path classesDir = Files.createTempDirectory("sample-classes");
        List<Path> scratch = new ArrayList<>(List.of(classesDir));
        try {
            return compile(compiler, diagnostics, units, classesDir, scratch);
        } finally {
            // Hundreds of sample plugins are compiled per test run: leave nothing behind in /tmp.
            for (Path dir : scratch) {
                deleteTree(dir);
            }
        }
    }

    private Map<String, byte[]> compile(JavaCompiler compiler, DiagnosticCollector<JavaFileObject> diagnostics,
                                        List<JavaFileObject> units, Path classesDir, List<Path> scratch)
            throws IOException {
        Map<String, byte[]> output = new LinkedHashMap<>();
        // Embedded libraries are compiled first so plugin sources can use them.
        StringBuilder classPath = new StringBuilder(System.getProperty("java.class.path"));
        for (SamplePlugin library : embedded.values()) {
            Path libraryDir = Files.createTempDirectory("sample-library");
            scratch.add(libraryDir);
            for (Map.Entry<String, byte[]> entry : library.compile().entrySet()) {
                Path file = libraryDir.resolve(entry.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, entry.getValue());
            }
            classPath.append(java.io.File.pathSeparator).append(libraryDir);
        }
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            List<String> options = List.of("--release", "11", "-proc:none", "-classpath", classPath.toString(),
                    "-d", classesDir.toString(), "-Xlint:none");
            boolean ok = compiler.getTask(null, files, diagnostics, options, null, units).call();
            if (!ok) {
                StringBuilder message = new StringBuilder("Sample plugin does not compile:");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    message.append('\n').append(d.getSource() == null ? "" : d.getSource().getName()).append(':')
                            .append(d.getLineNumber()).append(' ').append(d.getMessage(null));
                }
                throw new IllegalStateException(message.toString());
            }
        }
        try (Stream<Path> walk = Files.walk(classesDir)) {
            for (Path file : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                output.put(classesDir.relativize(file).toString().replace(java.io.File.separatorChar, '/'), Files.readAllBytes(file));
            }
        }
        return output;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Writes bytes produced by a caller (e.g. a hand-made jar) to a file in {@code dir}. */
    public static Path write(Path dir, String name, byte[] content) {
        try {
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                out.write(content);
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
