package com.sqltables.confluence.bundle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks a plugin jar for the mistakes that only show when Confluence loads it: a key that differs
 * between manifest and descriptor, a host package imported without a version range or not at all, a
 * host class packed into the jar, a Spring Scanner index that names missing or unannotated classes,
 * descriptor entries pointing at nothing, Active Objects entities left out of the {@code <ao>} module,
 * missing texts. Each {@code check...} method returns its problems, empty when all is well.
 */
final class BundleChecker {

    static final String DESCRIPTOR = "atlassian-plugin.xml";
    static final String SPRING_CONTEXT = "META-INF/spring/plugin-context.xml";
    static final String INDEX_DIRECTORY = "META-INF/plugin-components/";
    static final String SCANNER_NAMESPACE = "http://www.atlassian.com/schema/atlassian-scanner/2";

    /** Class file version of Java 11, the oldest JVM of Confluence 8.5. */
    static final int JAVA_11 = 55;
    /** Oracle and SQL Server limit names to 30 characters; Active Objects refuses longer ones. */
    static final int MAX_AO_NAME = 30;
    /** "AO_" + six hex digits + "_". */
    static final int AO_PREFIX_LENGTH = 10;
    static final int MAX_AO_ENTITIES = 200;

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*}");

    private final BundleContents bundle;
    private final String expectedKey;
    private final String expectedAoNamespace;

    BundleChecker(BundleContents bundle, String expectedKey, String expectedAoNamespace) {
        this.bundle = bundle;
        this.expectedKey = expectedKey;
        this.expectedAoNamespace = expectedAoNamespace;
    }

    List<String> checkAll() {
        List<String> problems = new ArrayList<>(bundle.readProblems());
        problems.addAll(checkIdentity());
        problems.addAll(checkClassVersions());
        problems.addAll(checkImportRanges());
        problems.addAll(checkImportsCoverReferences());
        problems.addAll(checkNoHostClasses());
        problems.addAll(checkSpringContext());
        problems.addAll(checkComponentIndex());
        problems.addAll(checkDescriptorClasses());
        problems.addAll(checkActiveObjects());
        problems.addAll(checkI18n());
        return problems;
    }

    /** Bundle-SymbolicName = Atlassian-Plugin-Key = descriptor key = the expected key; a Spring-powered P2 bundle. */
    List<String> checkIdentity() {
        List<String> problems = new ArrayList<>();
        String symbolicName = bundle.header("Bundle-SymbolicName");
        if (symbolicName != null) {
            symbolicName = symbolicName.split(";")[0].trim();
        }
        requireEqual(problems, "Bundle-SymbolicName", symbolicName);
        requireEqual(problems, "Atlassian-Plugin-Key", bundle.header("Atlassian-Plugin-Key"));
        if (!"2".equals(bundle.header("Bundle-ManifestVersion"))) {
            problems.add("Bundle-ManifestVersion is " + bundle.header("Bundle-ManifestVersion") + ", expected 2");
        }
        if (bundle.header("Bundle-Version") == null) {
            problems.add("the manifest has no Bundle-Version");
        }
        String springContext = bundle.header("Spring-Context");
        if (springContext == null || springContext.isBlank()) {
            problems.add("the manifest has no Spring-Context header: Confluence would not create the plugin's beans");
        }
        String exports = bundle.header("Export-Package");
        if (exports != null && !exports.isBlank()) {
            problems.add("the bundle exports packages (" + exports + "): other plugins could link against our classes");
        }
        String capabilities = bundle.header("Require-Capability");
        if (capabilities != null && capabilities.contains("osgi.ee")) {
            problems.add("Require-Capability asks for an osgi.ee execution environment (" + capabilities
                    + "); bundles built by Atlassian's SDK carry none");
        }
        byte[] raw = bundle.resource(DESCRIPTOR);
        if (raw == null) {
            problems.add(DESCRIPTOR + " is missing from the jar");
            return problems;
        }
        Matcher placeholder = PLACEHOLDER.matcher(new String(raw, StandardCharsets.UTF_8));
        Set<String> unresolved = new LinkedHashSet<>();
        while (placeholder.find()) {
            unresolved.add(placeholder.group());
        }
        if (!unresolved.isEmpty()) {
            problems.add(DESCRIPTOR + " was not filtered, it still contains " + unresolved);
        }
        Element root = descriptorRoot(problems);
        if (root != null) {
            requireEqual(problems, DESCRIPTOR + " key", root.getAttribute("key"));
            if (!"2".equals(root.getAttribute("plugins-version"))) {
                problems.add(DESCRIPTOR + " must say plugins-version=\"2\" (an OSGi plugin)");
            }
        }
        return problems;
    }

    /** Confluence 8.5 runs on Java 11: no class may need a newer JVM. */
    List<String> checkClassVersions() {
        List<String> problems = new ArrayList<>();
        for (ClassFile c : bundle.allClasses().values()) {
            if (c.majorVersion() > JAVA_11) {
                problems.add(c.className() + " is compiled for Java " + (c.majorVersion() - 44)
                        + "; Confluence 8.5 runs on Java 11");
            }
        }
        return problems;
    }

    /** Every imported package that the JVM does not provide carries a bounded range admitting Confluence 8.5 to 9.x. */
    List<String> checkImportRanges() {
        List<String> problems = new ArrayList<>();
        for (OsgiHeader.Clause clause : OsgiHeader.parse(bundle.header("Import-Package"))) {
            String pkg = clause.name();
            if (HostPackages.isJdkPackage(pkg)) {
                continue;
            }
            String version = clause.attribute("version");
            if (version == null) {
                problems.add("Import-Package " + pkg + " has no version range: add one to bundle.import.package in plugin/pom.xml");
                continue;
            }
            VersionRange range;
            try {
                range = VersionRange.parse(version);
            } catch (IllegalArgumentException e) {
                problems.add("Import-Package " + pkg + " has an unreadable version \"" + version + "\": " + e.getMessage());
                continue;
            }
            if (!range.isBounded()) {
                problems.add("Import-Package " + pkg + " version \"" + version
                        + "\" has no upper bound: it must be a range such as [1.0,2)");
                continue;
            }
            HostPackages.Expectation expectation = HostPackages.expectationFor(pkg);
            if (expectation == null) {
                continue;
            }
            for (String admitted : expectation.mustAdmit) {
                if (!range.includes(admitted)) {
                    problems.add("Import-Package " + pkg + " range " + version + " refuses " + admitted
                            + " (" + expectation.evidence + ")");
                }
            }
            for (String refused : expectation.mustRefuse) {
                if (range.includes(refused)) {
                    problems.add("Import-Package " + pkg + " range " + version + " admits " + refused
                            + " (" + expectation.evidence + ")");
                }
            }
        }
        return problems;
    }

    /** Every package a class of the bundle needs, other than java.* and its own, is imported. */
    List<String> checkImportsCoverReferences() {
        Set<String> imported = importedPackages();
        Set<String> own = bundlePackages();
        Map<String, String> missing = new TreeMap<>();
        for (ClassFile c : bundle.allClasses().values()) {
            for (String type : c.referencedTypes()) {
                String pkg = ClassFile.packageOf(type);
                if (pkg.isEmpty() || pkg.startsWith("java.") || own.contains(pkg) || imported.contains(pkg)) {
                    continue;
                }
                missing.putIfAbsent(pkg, c.className() + " uses " + type.replace('/', '.'));
            }
        }
        List<String> problems = new ArrayList<>();
        missing.forEach((pkg, example) -> problems.add("package " + pkg
                + " is neither in the jar nor in Import-Package (" + example + ")"));
        return problems;
    }

    /** Host APIs must come from Confluence: a copy inside the jar causes LinkageErrors (or is refused). */
    List<String> checkNoHostClasses() {
        List<String> problems = new ArrayList<>();
        for (String name : bundle.allClasses().keySet()) {
            for (String prefix : HostPackages.HOST_CLASS_PREFIXES) {
                if (name.startsWith(prefix)) {
                    problems.add(name.replace('/', '.') + " is a host class packed into the jar: use provided scope");
                    break;
                }
            }
        }
        return problems;
    }

    /** plugin-context.xml exists and asks the Spring Scanner runtime to read the index. */
    List<String> checkSpringContext() {
        List<String> problems = new ArrayList<>();
        byte[] raw = bundle.resource(SPRING_CONTEXT);
        if (raw == null) {
            problems.add(SPRING_CONTEXT + " is missing: no component would be created");
            return problems;
        }
        try {
            Document doc = parseXml(raw);
            if (doc.getElementsByTagNameNS(SCANNER_NAMESPACE, "scan-indexes").getLength() == 0) {
                problems.add(SPRING_CONTEXT + " has no <atlassian-scanner:scan-indexes/> (namespace " + SCANNER_NAMESPACE + ")");
            }
        } catch (IOException e) {
            problems.add(SPRING_CONTEXT + " is not well-formed XML: " + e.getMessage());
        }
        return problems;
    }

    /**
     * The Spring Scanner index names only concrete, annotated classes of the jar and host types the
     * bundle imports; and every annotated class of the jar is in it.
     */
    List<String> checkComponentIndex() {
        List<String> problems = new ArrayList<>();
        Map<String, String> components = componentBeans(problems);
        Set<String> indexed = new LinkedHashSet<>(components.values());
        for (String className : indexed) {
            String internal = className.replace('.', '/');
            ClassFile c = bundle.allClasses().get(internal);
            if (c == null) {
                problems.add("the component index names " + className + ", which is not in the jar");
                continue;
            }
            if (c.isInterface() || c.isAbstract()) {
                problems.add("the component index names " + className + ", which cannot be instantiated (abstract or interface)");
            }
            // A library class (embedded jar) becomes a component through @ClasspathComponent, unannotated.
            if (bundle.ownClasses().containsKey(internal) && !isComponent(c)) {
                problems.add("the component index names " + className + ", which has no @Named (or Spring @Component)");
            }
        }
        for (ClassFile c : bundle.ownClasses().values()) {
            if (isComponent(c) && !indexed.contains(c.className())) {
                problems.add(c.className() + " is annotated as a component but missing from the component index");
            }
        }
        Set<String> imported = importedPackages();
        for (String line : indexLines("imports", problems)) {
            String type = line.split("#")[0].trim();
            if (!bundle.containsClass(type) && !imported.contains(ClassFile.packageOf(type.replace('.', '/')))) {
                problems.add("the imports index names " + type + " but Import-Package lacks its package: the Scanner runtime could not load it");
            }
        }
        for (String line : indexLines("exports", problems)) {
            String[] parts = line.split("#");
            if (!indexed.contains(parts[0].trim())) {
                problems.add("the exports index names " + parts[0].trim() + ", which is not an indexed component");
            }
        }
        return problems;
    }

    /** Every class the descriptor names is in the jar (or, for host classes, imported); job beans exist. */
    List<String> checkDescriptorClasses() {
        List<String> problems = new ArrayList<>();
        Element root = descriptorRoot(problems);
        if (root == null) {
            return problems;
        }
        Set<String> imported = importedPackages();
        for (Element e : elements(root)) {
            String tag = e.getTagName();
            if (tag.equals("component") || tag.equals("component-import")) {
                problems.add(DESCRIPTOR + " declares <" + tag + ">, which Confluence refuses in a plugin with"
                        + " Atlassian-Plugin-Key: use @Named and @ComponentImport");
            }
            String className = e.getAttribute("class");
            if (!className.isEmpty() && !bundle.containsClass(className)
                    && !imported.contains(ClassFile.packageOf(className.replace('.', '/')))) {
                problems.add(DESCRIPTOR + " <" + tag + " class=\"" + className + "\"> names a class that is neither"
                        + " in the jar nor in an imported package");
            }
            if (tag.equals("entity") || tag.equals("upgradeTask")) {
                String listed = e.getTextContent().trim();
                if (!bundle.ownClasses().containsKey(listed.replace('.', '/'))) {
                    problems.add(DESCRIPTOR + " <" + tag + ">" + listed + "</" + tag + "> is not a class of the jar");
                }
            }
        }
        Map<String, String> beans = componentBeans(new ArrayList<>());
        for (Element jobConfig : elements(root, "job-config")) {
            for (Element job : elements(jobConfig, "job")) {
                String bean = job.getAttribute("key");
                if (!beans.containsKey(bean)) {
                    problems.add(DESCRIPTOR + " <job-config key=\"" + jobConfig.getAttribute("key") + "\"> runs bean \""
                            + bean + "\", which the component index does not define (beans: " + beans.keySet() + ")");
                }
            }
        }
        return problems;
    }

    /** One {@code <ao>} module with the fixed namespace, listing exactly the entity interfaces of the jar. */
    List<String> checkActiveObjects() {
        List<String> problems = new ArrayList<>();
        Element root = descriptorRoot(problems);
        if (root == null) {
            return problems;
        }
        Map<String, Boolean> memo = new HashMap<>();
        Set<String> entities = new LinkedHashSet<>();
        Set<String> bases = new LinkedHashSet<>();
        for (ClassFile c : bundle.ownClasses().values()) {
            if (isEntity(c.name(), memo)) {
                entities.add(c.className());
                for (String parent : c.interfaces()) {
                    if (isEntity(parent, memo)) {
                        bases.add(parent.replace('/', '.'));
                    }
                }
            }
        }
        List<Element> modules = elements(root, "ao");
        if (modules.size() > 1) {
            problems.add(DESCRIPTOR + " has " + modules.size() + " <ao> modules; Active Objects allows one per plugin");
        }
        if (modules.isEmpty()) {
            if (!entities.isEmpty()) {
                problems.add(DESCRIPTOR + " has no <ao> module but the jar has entities " + entities);
            }
            return problems;
        }
        Element ao = modules.get(0);
        if (!expectedAoNamespace.equals(ao.getAttribute("namespace"))) {
            problems.add("<ao namespace=\"" + ao.getAttribute("namespace") + "\"> must be \"" + expectedAoNamespace
                    + "\": the namespace names the tables");
        }
        Set<String> listed = new LinkedHashSet<>();
        for (Element entity : elements(ao, "entity")) {
            String name = entity.getTextContent().trim();
            if (!listed.add(name)) {
                problems.add("<ao> lists " + name + " twice");
            }
            if (bundle.ownClasses().containsKey(name.replace('.', '/')) && !entities.contains(name)) {
                problems.add("<ao> lists " + name + ", which is not an interface extending net.java.ao.RawEntity");
            }
        }
        if (listed.size() > MAX_AO_ENTITIES) {
            problems.add("<ao> lists " + listed.size() + " entities; Active Objects allows " + MAX_AO_ENTITIES);
        }
        for (String entity : entities) {
            if (!listed.contains(entity) && !bases.contains(entity)) {
                problems.add(entity + " extends net.java.ao.RawEntity but is not listed in <ao> (add <entity>" + entity + "</entity>)");
            }
        }
        for (String entity : listed) {
            ClassFile c = bundle.ownClasses().get(entity.replace('.', '/'));
            if (c == null) {
                continue;
            }
            String declared = c.classAnnotationString("net/java/ao/schema/Table", "value");
            String table = declared != null ? declared : tableName(c.name());
            if (AO_PREFIX_LENGTH + table.length() > MAX_AO_NAME) {
                problems.add(entity + " makes table AO_xxxxxx_" + table + ", longer than " + MAX_AO_NAME
                        + " characters: shorten the name or its @Table");
            }
        }
        return problems;
    }

    /** Every i18n resource exists; every text key the descriptor uses, and every macro parameter's label and description, is defined. */
    List<String> checkI18n() {
        List<String> problems = new ArrayList<>();
        Element root = descriptorRoot(problems);
        if (root == null) {
            return problems;
        }
        Properties texts = new Properties();
        for (Element resource : elements(root, "resource")) {
            if (!"i18n".equals(resource.getAttribute("type"))) {
                continue;
            }
            String path = resource.getAttribute("location").replace('.', '/') + ".properties";
            byte[] raw = bundle.resource(path);
            if (raw == null) {
                problems.add(DESCRIPTOR + " <resource type=\"i18n\" location=\"" + resource.getAttribute("location")
                        + "\"> needs " + path + ", which is not in the jar");
                continue;
            }
            try (InputStreamReader reader = new InputStreamReader(new ByteArrayInputStream(raw), StandardCharsets.ISO_8859_1)) {
                texts.load(reader);
            } catch (IOException | IllegalArgumentException e) {
                problems.add(path + " cannot be read: " + e.getMessage());
            }
        }
        Set<String> needed = new LinkedHashSet<>();
        for (Element e : elements(root)) {
            String tag = e.getTagName();
            if ((tag.equals("label") || tag.equals("description") || tag.equals("tooltip")) && !e.getAttribute("key").isEmpty()) {
                needed.add(e.getAttribute("key"));
            }
            for (String attribute : new String[] {"i18n-name-key", "name-key"}) {
                if (!e.getAttribute(attribute).isEmpty()) {
                    needed.add(e.getAttribute(attribute));
                }
            }
        }
        String pluginKey = root.getAttribute("key");
        for (Element macro : elements(root, "xhtml-macro")) {
            String prefix = pluginKey + "." + macro.getAttribute("name");
            needed.add(prefix + ".label");
            needed.add(prefix + ".desc");
            for (Element parameter : elements(macro, "parameter")) {
                needed.add(prefix + ".param." + parameter.getAttribute("name") + ".label");
                needed.add(prefix + ".param." + parameter.getAttribute("name") + ".desc");
            }
        }
        for (String key : needed) {
            if (!texts.containsKey(key)) {
                problems.add("i18n key " + key + " is used by " + DESCRIPTOR + " but defined in no i18n resource");
            }
        }
        return problems;
    }

    // ------------------------------------------------------------------ helpers

    private void requireEqual(List<String> problems, String what, String actual) {
        if (!expectedKey.equals(actual)) {
            problems.add(what + " is " + (actual == null ? "missing" : "\"" + actual + "\"") + ", expected \"" + expectedKey + "\"");
        }
    }

    private Set<String> importedPackages() {
        Set<String> imported = new LinkedHashSet<>();
        for (OsgiHeader.Clause clause : OsgiHeader.parse(bundle.header("Import-Package"))) {
            imported.add(clause.name());
        }
        return imported;
    }

    private Set<String> bundlePackages() {
        Set<String> packages = new LinkedHashSet<>();
        for (String name : bundle.allClasses().keySet()) {
            packages.add(ClassFile.packageOf(name));
        }
        return packages;
    }

    private static boolean isComponent(ClassFile c) {
        for (String annotation : c.classAnnotations()) {
            if (HostPackages.COMPONENT_ANNOTATIONS.contains(annotation)) {
                return true;
            }
        }
        return false;
    }

    private boolean isEntity(String internalName, Map<String, Boolean> memo) {
        Boolean known = memo.get(internalName);
        if (known != null) {
            return known;
        }
        memo.put(internalName, false); // cycles cannot occur in valid class files; this guards bad input
        ClassFile c = bundle.ownClasses().get(internalName);
        boolean entity = false;
        if (c != null && c.isInterface()) {
            for (String parent : c.interfaces()) {
                if (HostPackages.AO_ENTITY_ROOTS.contains(parent) || isEntity(parent, memo)) {
                    entity = true;
                    break;
                }
            }
        }
        memo.put(internalName, entity);
        return entity;
    }

    /** Active Objects' default table name: the simple name in UPPER_UNDERSCORE. */
    static String tableName(String internalName) {
        String simple = internalName.substring(Math.max(internalName.lastIndexOf('/'), internalName.lastIndexOf('$')) + 1);
        return simple.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").toUpperCase();
    }

    /** Bean name to class name, from the component index files (product variants included). */
    private Map<String, String> componentBeans(List<String> problems) {
        Map<String, String> beans = new LinkedHashMap<>();
        for (String line : indexLines("component", problems)) {
            String[] parts = line.split("#", 2);
            String className = parts[0].trim();
            String bean = parts.length > 1 && !parts[1].isBlank() ? parts[1].trim() : defaultBeanName(className);
            String previous = beans.put(bean, className);
            if (previous != null && !previous.equals(className)) {
                problems.add("the component index gives bean name \"" + bean + "\" to both " + previous + " and " + className);
            }
        }
        return beans;
    }

    /** What Spring calls a bean without an explicit name: the simple class name, decapitalised. */
    static String defaultBeanName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
        if (simple.length() > 1 && Character.isUpperCase(simple.charAt(0)) && Character.isUpperCase(simple.charAt(1))) {
            return simple;
        }
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /** Lines of META-INF/plugin-components/{kind} and its product variants ({kind}-confluence, ...). */
    private List<String> indexLines(String kind, List<String> problems) {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, byte[]> resource : bundle.resources().entrySet()) {
            String path = resource.getKey();
            if (!path.startsWith(INDEX_DIRECTORY)) {
                continue;
            }
            String file = path.substring(INDEX_DIRECTORY.length());
            if (!file.equals(kind) && !file.startsWith(kind + "-")) {
                continue;
            }
            for (String line : new String(resource.getValue(), StandardCharsets.UTF_8).split("\\R")) {
                if (!line.isBlank()) {
                    lines.add(line.trim());
                }
            }
        }
        return lines;
    }

    private Element descriptorRoot(List<String> problems) {
        byte[] raw = bundle.resource(DESCRIPTOR);
        if (raw == null) {
            return null;
        }
        try {
            Element root = parseXml(raw).getDocumentElement();
            if (!root.getTagName().equals("atlassian-plugin")) {
                problems.add(DESCRIPTOR + " has root <" + root.getTagName() + ">, expected <atlassian-plugin>");
                return null;
            }
            return root;
        } catch (IOException e) {
            problems.add(DESCRIPTOR + " is not well-formed XML: " + e.getMessage());
            return null;
        }
    }

    private static Document parseXml(byte[] raw) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(raw));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** Every element below {@code parent} (in document order), or only those with the given tag. */
    private static List<Element> elements(Element parent, String... tag) {
        List<Element> result = new ArrayList<>();
        NodeList all = parent.getElementsByTagName(tag.length == 0 ? "*" : tag[0]);
        for (int i = 0; i < all.getLength(); i++) {
            result.add((Element) all.item(i));
        }
        return result;
    }
}
