package com.sqltables.confluence.bundle;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What we know about the packages Confluence exports to plugins, with where each fact comes from.
 * Keep in step with docs/ARCHITECTURE.md ("Host package versions") and {@code bundle.import.package}
 * in plugin/pom.xml.
 */
final class HostPackages {

    /**
     * Versions an import range of a host package must admit (and, for Confluence itself, refuse).
     * The first entry whose prefix matches a package applies.
     */
    static final List<Expectation> EXPECTATIONS = Arrays.asList(
            // Confluence's own packages are exported at the version in the confluence jar's name
            // (atlassian-plugins ExportsBuilder + twdata PackageScanner). 10 is jakarta: not ours.
            new Expectation("com.atlassian.confluence", "Confluence 8.5 to 9.x; never 10 (jakarta)",
                    new String[] {"8.5.0", "8.7.2", "9.0.0", "9.99.0"}, new String[] {"8.4.9", "10.0.0"}),
            // Versions seen in a decompiled Confluence 8.7.2 (shared/FACTS.md §2, §3).
            new Expectation("com.atlassian.plugin.spring.scanner", "Spring Scanner 3.0.4 in Confluence 8.7.2",
                    new String[] {"3.0.4"}, new String[0]),
            new Expectation("com.atlassian.plugin", "atlassian-plugins 7.4.0 in Confluence 8.7.2",
                    new String[] {"7.4.0"}, new String[0]),
            new Expectation("com.atlassian.sal", "SAL 5.1.4 in Confluence 8.7.2",
                    new String[] {"5.1.4"}, new String[0]),
            new Expectation("com.atlassian.scheduler", "atlassian-scheduler 4.1.0 in Confluence 8.7.2",
                    new String[] {"4.1.0"}, new String[0]),
            new Expectation("com.atlassian.activeobjects", "Active Objects plugin 5.2.1 in Confluence 8.7.2",
                    new String[] {"5.2.1"}, new String[0]),
            new Expectation("com.atlassian.mail", "atlassian-mail 5.3.0 in Confluence 8.7.2",
                    new String[] {"5.3.0"}, new String[0]),
            new Expectation("com.atlassian.templaterenderer", "template renderer 5.0.4 in Confluence 8.7.2",
                    new String[] {"5.0.4"}, new String[0]),
            // Exported at the servlet container's version: Tomcat 9 in Confluence 8.x and 9.x.
            new Expectation("javax.servlet", "Servlet 4.0 (Tomcat 9)", new String[] {"4.0.0"}, new String[0]),
            // A public plugin's pom records slf4j-api 1.7.36 in Confluence 8.5.0 and Spring 5.3.30 in 8.7.1.
            new Expectation("org.slf4j", "slf4j 1.7.36 in Confluence 8.5.0", new String[] {"1.7.36"}, new String[0]),
            new Expectation("org.springframework", "Spring 5.3 in Confluence 8.5 to 9.x",
                    new String[] {"5.3.30"}, new String[0]),
            new Expectation("javax.mail", "javax.mail 1.6 in Confluence 8.5", new String[] {"1.6.0"}, new String[0]));

    /** Prefixes (as paths) of classes the host provides; such a class inside the plugin jar is a bug. */
    static final List<String> HOST_CLASS_PREFIXES = Collections.unmodifiableList(Arrays.asList(
            "com/atlassian/", "net/java/ao/", "javax/", "org/slf4j/", "org/springframework/", "org/osgi/"));

    /** Annotations that make a class a Spring Scanner component. */
    static final Set<String> COMPONENT_ANNOTATIONS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "javax/inject/Named",
            "org/springframework/stereotype/Component",
            "org/springframework/stereotype/Service",
            "org/springframework/stereotype/Repository",
            "com/atlassian/plugin/spring/scanner/annotation/component/ConfluenceComponent")));

    /** The interfaces every Active Objects entity extends. */
    static final Set<String> AO_ENTITY_ROOTS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList(
            "net/java/ao/RawEntity", "net/java/ao/Entity")));

    private HostPackages() {
    }

    /** A package of the JVM itself (java.*, javax.sql, javax.naming, org.w3c.dom, ...): no version range. */
    static boolean isJdkPackage(String packageName) {
        if (packageName.startsWith("java.")) {
            return true;
        }
        return ModuleLayer.boot().modules().stream().anyMatch(m -> m.getPackages().contains(packageName));
    }

    static Expectation expectationFor(String packageName) {
        for (Expectation e : EXPECTATIONS) {
            if (packageName.equals(e.prefix) || packageName.startsWith(e.prefix + ".")) {
                return e;
            }
        }
        return null;
    }

    static final class Expectation {
        final String prefix;
        final String evidence;
        final String[] mustAdmit;
        final String[] mustRefuse;

        Expectation(String prefix, String evidence, String[] mustAdmit, String[] mustRefuse) {
            this.prefix = prefix;
            this.evidence = evidence;
            this.mustAdmit = mustAdmit;
            this.mustRefuse = mustRefuse;
        }
    }
}
