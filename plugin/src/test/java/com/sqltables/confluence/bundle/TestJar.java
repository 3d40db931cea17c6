package com.sqltables.confluence.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds small plugin jars, valid or deliberately broken, for BundleCheckerTest. */
final class TestJar {

    static final String KEY = "com.sqltables.test";
    static final String FIXTURE = "com.sqltables.confluence.bundle.fixture.";

    static final String VALID_IMPORTS = "com.atlassian.sal.api.transaction;version=\"[4.0,8)\","
            + "javax.inject;version=\"[0.0,2)\","
            + "net.java.ao;version=\"[0.0,8)\","
            + "org.slf4j;version=\"[1.7,3)\"";

    static final String VALID_DESCRIPTOR = "<atlassian-plugin key=\"" + KEY + "\" name=\"Test\" plugins-version=\"2\">\n"
            + "  <plugin-info><description>Test</description><version>1.0</version></plugin-info>\n"
            + "  <resource type=\"i18n\" name=\"i18n\" location=\"i18n/test\"/>\n"
            + "  <ao key=\"ao-module\" namespace=\"" + KEY + "\">\n"
            + "    <description key=\"" + KEY + ".ao.description\"/>\n"
            + "    <entity>" + FIXTURE + "FixtureEntity</entity>\n"
            + "    <entity>" + FIXTURE + "FixtureChildEntity</entity>\n"
            + "    <upgradeTask>" + FIXTURE + "FixtureUpgradeTask</upgradeTask>\n"
            + "  </ao>\n"
            + "  <xhtml-macro name=\"fixture\" key=\"fixture-macro\" class=\"" + FIXTURE + "FixtureMacro\">\n"
            + "    <parameters><parameter name=\"query\" type=\"string\"/></parameters>\n"
            + "  </xhtml-macro>\n"
            + "  <job-config name=\"Fixture job\" key=\"fixture-job\">\n"
            + "    <job key=\"fixtureComponent\" perClusterJob=\"true\"/>\n"
            + "    <schedule cron-expression=\"0 0 3 1 * ?\"/>\n"
            + "  </job-config>\n"
            + "</atlassian-plugin>\n";

    static final String VALID_TEXTS = KEY + ".ao.description=Tables\n"
            + KEY + ".fixture.label=Fixture\n"
            + KEY + ".fixture.desc=A fixture macro\n"
            + KEY + ".fixture.param.query.label=Query\n"
            + KEY + ".fixture.param.query.desc=The query to run\n";

    static final String VALID_SPRING_CONTEXT = "<beans xmlns=\"http://www.springframework.org/schema/beans\""
            + " xmlns:atlassian-scanner=\"" + BundleChecker.SCANNER_NAMESPACE + "\">"
            + "<atlassian-scanner:scan-indexes/></beans>";

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** A jar that passes every check: the baseline each broken variant departs from. */
    static TestJar valid() throws IOException {
        return new TestJar()
                .header("Bundle-ManifestVersion", "2")
                .header("Bundle-SymbolicName", KEY)
                .header("Bundle-Version", "1.0.0")
                .header("Atlassian-Plugin-Key", KEY)
                .header("Spring-Context", "*")
                .header("Import-Package", VALID_IMPORTS)
                .text(BundleChecker.DESCRIPTOR, VALID_DESCRIPTOR)
                .text("i18n/test.properties", VALID_TEXTS)
                .text(BundleChecker.SPRING_CONTEXT, VALID_SPRING_CONTEXT)
                .text(BundleChecker.INDEX_DIRECTORY + "component", FIXTURE + "FixtureComponent\n")
                .text(BundleChecker.INDEX_DIRECTORY + "imports", "com.atlassian.sal.api.transaction.TransactionTemplate\n")
                .fixture("FixtureComponent")
                .fixture("FixtureEntity")
                .fixture("FixtureBaseEntity")
                .fixture("FixtureChildEntity")
                .fixture("FixtureMacro")
                .fixture("FixtureUpgradeTask");
    }

    TestJar header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    TestJar text(String path, String content) {
        entries.put(path, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    TestJar bytes(String path, byte[] content) {
        entries.put(path, content);
        return this;
    }

    TestJar remove(String path) {
        entries.remove(path);
        return this;
    }

    /** Adds a fixture class, marked as compiled for Java 11 like the plugin's own classes. */
    TestJar fixture(String simpleName) throws IOException {
        return classFrom(FIXTURE + simpleName, BundleChecker.JAVA_11);
    }

    /** Adds any class of the test class path with the given class file major version. */
    TestJar classFrom(String className, int majorVersion) throws IOException {
        String path = className.replace('.', '/') + ".class";
        return bytes(path, withMajorVersion(classBytes(className), majorVersion));
    }

    /** Adds a class of the test class path (a host API type, say) unchanged. */
    TestJar hostClass(String className) throws IOException {
        return bytes(className.replace('.', '/') + ".class", classBytes(className));
    }

    String descriptorReplacing(String from, String to) {
        String descriptor = new String(entries.get(BundleChecker.DESCRIPTOR), StandardCharsets.UTF_8);
        if (!descriptor.contains(from)) {
            throw new IllegalArgumentException("the descriptor does not contain " + from);
        }
        return descriptor.replace(from, to);
    }

    TestJar replaceInDescriptor(String from, String to) {
        return text(BundleChecker.DESCRIPTOR, descriptorReplacing(from, to));
    }

    byte[] toBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out);
        return out.toByteArray();
    }

    Path writeTo(Path directory) throws IOException {
        Path jar = Files.createTempFile(directory, "bundle", ".jar");
        try (OutputStream out = Files.newOutputStream(jar)) {
            write(out);
        }
        return jar;
    }

    BundleChecker checker(Path directory) throws IOException {
        return new BundleChecker(BundleContents.read(writeTo(directory)), KEY, KEY);
    }

    private void write(OutputStream target) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        try (JarOutputStream jar = new JarOutputStream(target, manifest)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(entry.getKey()));
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
    }

    static byte[] classBytes(String className) throws IOException {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = TestJar.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is not on the test class path");
            }
            return in.readAllBytes();
        }
    }

    /** Bytes 6-7 of a class file hold its major version (JVMS 4.1). */
    static byte[] withMajorVersion(byte[] classFile, int major) {
        byte[] copy = classFile.clone();
        copy[6] = (byte) (major >> 8);
        copy[7] = (byte) major;
        return copy;
    }
}
