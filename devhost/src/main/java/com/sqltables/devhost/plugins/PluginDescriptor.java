package com.sqltables.devhost.plugins;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code atlassian-plugin.xml}, parsed into the module types the dev host supports. */
final class PluginDescriptor {
    static final String FILE = "atlassian-plugin.xml";

    record Condition(String className, boolean invert, Map<String, String> params, String type, List<Condition> children) {
        boolean composite() {
            return className == null;
        }
    }

    record Label(String key, String text) {
    }

    record Macro(String key, String name, String className) {
    }

    record Servlet(String key, String name, String className, List<String> urlPatterns, Map<String, String> initParams) {
    }

    record WebSection(String key, String location, int weight, Label label, Condition condition) {
    }

    record WebItem(String key, String section, int weight, Label label, String link, Condition condition) {
    }

    record Resource(String type, String name, String location) {
    }

    record WebResource(String key, List<Resource> resources, List<String> contexts, List<String> dependencies) {
    }

    record JobConfig(String key, String name, String jobKey, boolean perClusterJob, String cronExpression, int jitterSecs,
                     Long repeatInterval, int repeatCount, boolean managed, boolean editable, boolean keepingHistory,
                     boolean canRunAdhoc, boolean canDisable, boolean disabledByDefault) {
    }

    record Ao(String key, String namespace, List<String> entities, List<String> upgradeTasks) {
    }

    /** A module of a type the dev host does not emulate. */
    record Other(String type, String key) {
    }

    private final String key;
    private final String name;
    private final String version;
    private final Map<String, String> pluginInfoParams;
    private final List<String> i18nLocations = new ArrayList<>();
    private final List<Macro> macros = new ArrayList<>();
    private final List<Servlet> servlets = new ArrayList<>();
    private final List<WebSection> webSections = new ArrayList<>();
    private final List<WebItem> webItems = new ArrayList<>();
    private final List<WebResource> webResources = new ArrayList<>();
    private final List<JobConfig> jobConfigs = new ArrayList<>();
    private final List<Ao> aoModules = new ArrayList<>();
    private final List<Other> others = new ArrayList<>();

    private PluginDescriptor(String key, String name, String version, Map<String, String> pluginInfoParams) {
        this.key = key;
        this.name = name;
        this.version = version;
        this.pluginInfoParams = pluginInfoParams;
    }

    /**
     * @throws PluginLoadException when the XML is malformed or a module lacks what Confluence requires
     */
    static PluginDescriptor parse(InputStream xml) throws PluginLoadException {
        Document document;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(xml);
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new PluginLoadException(FILE + " is not well-formed XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"atlassian-plugin".equals(root.getTagName())) {
            throw new PluginLoadException(FILE + ": root element is <" + root.getTagName() + ">, expected <atlassian-plugin>");
        }
        String key = required(root, "key", "<atlassian-plugin>");
        if (key.contains("${")) {
            throw new PluginLoadException(FILE + ": plugin key '" + key + "' is an unfiltered Maven property: enable resource"
                    + " filtering for atlassian-plugin.xml");
        }
        String pluginsVersion = root.getAttribute("plugins-version");
        if (!"2".equals(pluginsVersion)) {
            throw new PluginLoadException(FILE + ": plugins-version=\"" + pluginsVersion + "\"; an OSGi plugin needs plugins-version=\"2\"");
        }
        Map<String, String> info = new LinkedHashMap<>();
        String version = null;
        Element pluginInfo = child(root, "plugin-info");
        if (pluginInfo != null) {
            Element versionElement = child(pluginInfo, "version");
            version = versionElement == null ? null : versionElement.getTextContent().trim();
            for (Element param : children(pluginInfo, "param")) {
                info.put(param.getAttribute("name"), param.getTextContent().trim());
            }
        }
        PluginDescriptor descriptor = new PluginDescriptor(key, root.getAttribute("name"), version, info);
        for (Element module : children(root, null)) {
            descriptor.addModule(module);
        }
        return descriptor;
    }

    private void addModule(Element module) throws PluginLoadException {
        String type = module.getTagName();
        String moduleKey = module.getAttribute("key");
        switch (type) {
            case "plugin-info":
                return;
            case "resource":
                if ("i18n".equals(module.getAttribute("type"))) {
                    i18nLocations.add(required(module, "location", "<resource type=\"i18n\">"));
                }
                return;
            case "xhtml-macro":
                macros.add(new Macro(requiredKey(module), required(module, "name", describe(module)),
                        required(module, "class", describe(module))));
                return;
            case "servlet": {
                List<String> patterns = new ArrayList<>();
                for (Element pattern : children(module, "url-pattern")) {
                    patterns.add(pattern.getTextContent().trim());
                }
                if (patterns.isEmpty()) {
                    throw new PluginLoadException(FILE + ": " + describe(module) + " has no <url-pattern>");
                }
                Map<String, String> initParams = new LinkedHashMap<>();
                for (Element param : children(module, "init-param")) {
                    Element paramName = child(param, "param-name");
                    Element paramValue = child(param, "param-value");
                    if (paramName == null) {
                        throw new PluginLoadException(FILE + ": " + describe(module) + " has an <init-param> without <param-name>");
                    }
                    initParams.put(paramName.getTextContent().trim(), paramValue == null ? "" : paramValue.getTextContent().trim());
                }
                servlets.add(new Servlet(requiredKey(module), module.getAttribute("name"), required(module, "class", describe(module)),
                        patterns, initParams));
                return;
            }
            case "web-section":
                webSections.add(new WebSection(requiredKey(module), required(module, "location", describe(module)),
                        weight(module), label(module), condition(module)));
                return;
            case "web-item": {
                Element link = child(module, "link");
                webItems.add(new WebItem(requiredKey(module), required(module, "section", describe(module)), weight(module),
                        label(module), link == null ? null : link.getTextContent().trim(), condition(module)));
                return;
            }
            case "web-resource": {
                List<Resource> resources = new ArrayList<>();
                for (Element resource : children(module, "resource")) {
                    resources.add(new Resource(resource.getAttribute("type"), required(resource, "name", "<resource> of " + describe(module)),
                            required(resource, "location", "<resource> of " + describe(module))));
                }
                List<String> contexts = new ArrayList<>();
                for (Element context : children(module, "context")) {
                    contexts.add(context.getTextContent().trim());
                }
                List<String> dependencies = new ArrayList<>();
                for (Element dependency : children(module, "dependency")) {
                    dependencies.add(dependency.getTextContent().trim());
                }
                webResources.add(new WebResource(requiredKey(module), resources, contexts, dependencies));
                return;
            }
            case "job-config":
                jobConfigs.add(jobConfig(module));
                return;
            case "ao": {
                List<String> entities = new ArrayList<>();
                for (Element entity : children(module, "entity")) {
                    entities.add(entity.getTextContent().trim());
                }
                List<String> upgradeTasks = new ArrayList<>();
                for (Element task : children(module, "upgradeTask")) {
                    upgradeTasks.add(task.getTextContent().trim());
                }
                if (!aoModules.isEmpty()) {
                    throw new PluginLoadException(FILE + ": more than one <ao> module; the AO plugin allows one per plugin");
                }
                String namespace = module.getAttribute("namespace");
                aoModules.add(new Ao(requiredKey(module), namespace.isEmpty() ? null : namespace, entities, upgradeTasks));
                return;
            }
            default:
                others.add(new Other(type, moduleKey));
        }
    }

    private static JobConfig jobConfig(Element module) throws PluginLoadException {
        // Rules as Confluence's job-config module descriptor applies them (FACTS §5).
        Element job = child(module, "job");
        if (job == null || job.getAttribute("key").isEmpty()) {
            throw new PluginLoadException(FILE + ": " + describe(module) + " needs <job key=\"beanName\"/>");
        }
        Element schedule = child(module, "schedule");
        if (schedule == null) {
            throw new PluginLoadException(FILE + ": " + describe(module) + " needs a <schedule/>");
        }
        String cron = schedule.hasAttribute("cron-expression") ? schedule.getAttribute("cron-expression") : null;
        Long repeatInterval = null;
        int repeatCount = -1;
        int jitter = -1;
        try {
            if (cron != null) {
                jitter = Integer.parseInt(attributeOr(schedule, "jitterSecs", "-1"));
            } else if (schedule.hasAttribute("repeat-interval")) {
                repeatInterval = Long.parseLong(schedule.getAttribute("repeat-interval"));
                repeatCount = Integer.parseInt(attributeOr(schedule, "repeat-count", "-1"));
            } else {
                throw new PluginLoadException(FILE + ": " + describe(module) + " <schedule> needs cron-expression or repeat-interval");
            }
        } catch (NumberFormatException e) {
            throw new PluginLoadException(FILE + ": " + describe(module) + " <schedule> has a malformed number: " + e.getMessage(), e);
        }
        Element managed = child(module, "managed");
        return new JobConfig(requiredKey(module), module.getAttribute("name"), job.getAttribute("key"),
                Boolean.parseBoolean(job.getAttribute("perClusterJob")), cron, jitter, repeatInterval, repeatCount,
                managed != null,
                managed != null && Boolean.parseBoolean(managed.getAttribute("editable")),
                managed != null && Boolean.parseBoolean(managed.getAttribute("keepingHistory")),
                managed != null && Boolean.parseBoolean(managed.getAttribute("canRunAdhoc")),
                managed != null && Boolean.parseBoolean(managed.getAttribute("canDisable")),
                managed != null && Boolean.parseBoolean(managed.getAttribute("disabledByDefault")));
    }

    private static Label label(Element module) {
        Element label = child(module, "label");
        if (label != null) {
            String key = label.getAttribute("key");
            return new Label(key.isEmpty() ? null : key, label.getTextContent().trim());
        }
        String nameKey = module.getAttribute("i18n-name-key");
        return new Label(nameKey.isEmpty() ? null : nameKey, module.getAttribute("name"));
    }

    private static Condition condition(Element module) throws PluginLoadException {
        List<Condition> all = new ArrayList<>();
        for (Element element : children(module, null)) {
            if (element.getTagName().equals("condition") || element.getTagName().equals("conditions")) {
                all.add(conditionOf(element, module));
            }
        }
        if (all.isEmpty()) {
            return null;
        }
        return all.size() == 1 ? all.get(0) : new Condition(null, false, Map.of(), "AND", all);
    }

    private static Condition conditionOf(Element element, Element module) throws PluginLoadException {
        boolean invert = Boolean.parseBoolean(element.getAttribute("invert"));
        if (element.getTagName().equals("conditions")) {
            String type = element.getAttribute("type").isEmpty() ? "AND" : element.getAttribute("type").toUpperCase(java.util.Locale.ROOT);
            if (!type.equals("AND") && !type.equals("OR")) {
                throw new PluginLoadException(FILE + ": <conditions type=\"" + type + "\"> in " + describe(module) + ": type must be AND or OR");
            }
            List<Condition> children = new ArrayList<>();
            for (Element child : children(element, null)) {
                if (child.getTagName().equals("condition") || child.getTagName().equals("conditions")) {
                    children.add(conditionOf(child, module));
                }
            }
            return new Condition(null, invert, Map.of(), type, children);
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Element param : children(element, "param")) {
            params.put(param.getAttribute("name"), param.hasAttribute("value") ? param.getAttribute("value") : param.getTextContent().trim());
        }
        return new Condition(required(element, "class", "<condition> of " + describe(module)), invert, params, null, List.of());
    }

    private static int weight(Element module) throws PluginLoadException {
        String weight = module.getAttribute("weight");
        if (weight.isEmpty()) {
            return 1000;
        }
        try {
            return Integer.parseInt(weight.trim());
        } catch (NumberFormatException e) {
            throw new PluginLoadException(FILE + ": " + describe(module) + " has weight=\"" + weight + "\", not a number", e);
        }
    }

    private static String attributeOr(Element element, String name, String fallback) {
        return element.hasAttribute(name) ? element.getAttribute(name) : fallback;
    }

    private static String requiredKey(Element module) throws PluginLoadException {
        return required(module, "key", "<" + module.getTagName() + ">");
    }

    private static String required(Element element, String attribute, String where) throws PluginLoadException {
        String value = element.getAttribute(attribute).trim();
        if (value.isEmpty()) {
            throw new PluginLoadException(FILE + ": " + where + " has no " + attribute + " attribute");
        }
        return value;
    }

    private static String describe(Element module) {
        return "<" + module.getTagName() + " key=\"" + module.getAttribute("key") + "\">";
    }

    private static Element child(Element parent, String tag) {
        List<Element> list = children(parent, tag);
        return list.isEmpty() ? null : list.get(0);
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> result = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node instanceof Element && (tag == null || ((Element) node).getTagName().equals(tag))) {
                result.add((Element) node);
            }
        }
        return result;
    }

    String key() {
        return key;
    }

    String name() {
        return name;
    }

    String version() {
        return version;
    }

    Map<String, String> pluginInfoParams() {
        return pluginInfoParams;
    }

    List<String> i18nLocations() {
        return i18nLocations;
    }

    List<Macro> macros() {
        return macros;
    }

    List<Servlet> servlets() {
        return servlets;
    }

    List<WebSection> webSections() {
        return webSections;
    }

    List<WebItem> webItems() {
        return webItems;
    }

    List<WebResource> webResources() {
        return webResources;
    }

    List<JobConfig> jobConfigs() {
        return jobConfigs;
    }

    List<Ao> aoModules() {
        return aoModules;
    }

    List<Other> others() {
        return others;
    }
}
