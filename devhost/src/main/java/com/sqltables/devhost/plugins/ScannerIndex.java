package com.sqltables.devhost.plugins;

import java.beans.Introspector;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Spring Scanner index in {@code META-INF/plugin-components/}: what the Scanner runtime inside Confluence
 * reads instead of scanning classes. Like the runtime, it reads each file plus its {@code -confluence} variant
 * and de-duplicates lines; a line is a class name, optionally {@code #beanName}.
 */
final class ScannerIndex {
    static final String DIRECTORY = "META-INF/plugin-components/";
    private static final String PRODUCT = "confluence";

    /** A {@code component} or {@code imports} line. */
    record Entry(String className, String beanName, String file) {
        /** The bean name the runtime uses: the explicit one, else the decapitalised simple class name. */
        String effectiveBeanName() {
            if (beanName != null) {
                return beanName;
            }
            int dot = className.lastIndexOf('.');
            String simple = className.substring(dot + 1);
            int dollar = simple.lastIndexOf('$');
            return Introspector.decapitalize(dollar >= 0 ? simple.substring(dollar + 1) : simple);
        }
    }

    /** An {@code exports} line: implementation class and the interfaces it is exported as. */
    record Export(String className, List<String> interfaces, String file) {
    }

    private final List<Entry> components;
    private final Set<String> primaryComponents;
    private final List<Entry> imports;
    private final List<Export> exports;

    private ScannerIndex(List<Entry> components, Set<String> primaryComponents, List<Entry> imports, List<Export> exports) {
        this.components = components;
        this.primaryComponents = primaryComponents;
        this.imports = imports;
        this.exports = exports;
    }

    interface EntrySource {
        /** @return the jar entry's content, or null when absent */
        InputStream open(String name) throws IOException;
    }

    static ScannerIndex read(EntrySource jar) throws PluginLoadException {
        List<Entry> components = new ArrayList<>();
        for (Line line : lines(jar, "component")) {
            components.add(entry(line));
        }
        Set<String> primary = new TreeSet<>();
        for (Line line : lines(jar, "primary-component")) {
            primary.add(line.text);
        }
        List<Entry> imports = new ArrayList<>();
        for (Line line : lines(jar, "imports")) {
            imports.add(entry(line));
        }
        List<Export> exports = new ArrayList<>();
        for (Line line : lines(jar, "exports")) {
            String[] parts = line.text.split("#", 2);
            if (parts.length < 2 || parts[1].trim().isEmpty()) {
                throw new PluginLoadException(line.file + ": line '" + line.text + "' names no interface (expected Impl#Iface1,Iface2)");
            }
            List<String> interfaces = new ArrayList<>();
            for (String iface : parts[1].split(",")) {
                if (!iface.trim().isEmpty()) {
                    interfaces.add(iface.trim());
                }
            }
            exports.add(new Export(parts[0].trim(), interfaces, line.file));
        }
        return new ScannerIndex(components, primary, imports, exports);
    }

    private record Line(String text, String file) {
    }

    /** Reads a file and its product variant; sorted and de-duplicated, as the runtime collects them in a TreeSet. */
    private static List<Line> lines(EntrySource jar, String file) throws PluginLoadException {
        TreeSet<String> seen = new TreeSet<>();
        List<Line> result = new ArrayList<>();
        for (String name : Arrays.asList(DIRECTORY + file, DIRECTORY + file + "-" + PRODUCT)) {
            try (InputStream in = jar.open(name)) {
                if (in == null) {
                    continue;
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String text;
                while ((text = reader.readLine()) != null) {
                    String trimmed = text.trim();
                    if (!trimmed.isEmpty() && seen.add(trimmed)) {
                        result.add(new Line(trimmed, name));
                    }
                }
            } catch (IOException e) {
                throw new PluginLoadException("Cannot read " + name + ": " + e.getMessage(), e);
            }
        }
        result.sort((a, b) -> a.text.compareTo(b.text));
        return result;
    }

    private static Entry entry(Line line) {
        String[] parts = line.text.split("#", 2);
        String beanName = parts.length > 1 && !parts[1].trim().isEmpty() ? parts[1].trim() : null;
        return new Entry(parts[0].trim(), beanName, line.file);
    }

    List<Entry> components() {
        return components;
    }

    boolean isPrimary(Entry component) {
        String line = component.className() + (component.beanName() == null ? "" : "#" + component.beanName());
        return primaryComponents.contains(line);
    }

    List<Entry> imports() {
        return imports;
    }

    List<Export> exports() {
        return exports;
    }
}
