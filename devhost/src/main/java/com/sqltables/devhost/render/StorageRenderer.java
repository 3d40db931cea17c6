package com.sqltables.devhost.render;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import org.owasp.encoder.Encode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Converts storage format to view HTML, as Confluence does when a page is displayed: every
 * {@code <ac:structured-macro>} runs through its plugin's {@link Macro#execute} (output inserted as it is,
 * macros escape their own output), links and images become HTML, and all other markup passes an
 * allow-list. A macro that throws becomes an error box; the page always renders.
 */
public final class StorageRenderer {
    private static final Logger LOG = LoggerFactory.getLogger(StorageRenderer.class);
    /** Deeper nesting than any editor produces; guards the recursive walk. */
    private static final int MAX_DEPTH = 200;
    private static final Map<String, String> EMOTICONS = Map.ofEntries(
            Map.entry("smile", "\uD83D\uDE42"), Map.entry("sad", "\uD83D\uDE41"), Map.entry("cheeky", "\uD83D\uDE1B"),
            Map.entry("laugh", "\uD83D\uDE03"), Map.entry("wink", "\uD83D\uDE09"), Map.entry("thumbs-up", "\uD83D\uDC4D"),
            Map.entry("thumbs-down", "\uD83D\uDC4E"), Map.entry("information", "\u2139\uFE0F"),
            Map.entry("tick", "\u2705"), Map.entry("cross", "\u274C"), Map.entry("warning", "\u26A0\uFE0F"),
            Map.entry("plus", "\u2795"), Map.entry("minus", "\u2796"), Map.entry("question", "\u2753"),
            Map.entry("light-on", "\uD83D\uDCA1"), Map.entry("light-off", "\uD83D\uDCA1"),
            Map.entry("yellow-star", "\u2B50"), Map.entry("heart", "\u2764\uFE0F"));

    private final StorageFormatParser parser = new StorageFormatParser();
    private final MacroRegistry macros;
    private final String contextPath;

    /**
     * @param contextPath prefix of links to pages, e.g. {@code /confluence}
     */
    public StorageRenderer(MacroRegistry macros, String contextPath) {
        this.macros = macros;
        this.contextPath = contextPath;
    }

    /** Checks that the storage format is well-formed. */
    public void validate(String storage) throws InvalidStorageFormatException {
        parser.parse(storage);
    }

    /** Renders storage format to view HTML. */
    public String render(String storage, RenderContext context) throws InvalidStorageFormatException {
        Element root = parser.parse(storage);
        StringBuilder out = new StringBuilder(storage == null ? 16 : storage.length() + 64);
        children(root, out, context, 0);
        return out.toString();
    }

    private void children(Node parent, StringBuilder out, RenderContext context, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            node(n, out, context, depth + 1);
        }
    }

    private void node(Node n, StringBuilder out, RenderContext context, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        switch (n.getNodeType()) {
            case Node.TEXT_NODE:
            case Node.CDATA_SECTION_NODE:
                out.append(Encode.forHtmlContent(n.getNodeValue()));
                break;
            case Node.ENTITY_REFERENCE_NODE:
                children(n, out, context, depth);
                break;
            case Node.ELEMENT_NODE:
                element((Element) n, out, context, depth);
                break;
            default:
                // Comments and processing instructions are not shown.
                break;
        }
    }

    private void element(Element e, StringBuilder out, RenderContext context, int depth) {
        String ns = e.getNamespaceURI();
        if (StorageFormatParser.AC_NS.equals(ns)) {
            confluenceElement(e, out, context, depth);
        } else if (ns == null || "http://www.w3.org/1999/xhtml".equals(ns)) {
            htmlElement(e, out, context, depth);
        }
        // ri: outside links and images, at: (templates) and foreign namespaces render nothing.
    }

    private void htmlElement(Element e, StringBuilder out, RenderContext context, int depth) {
        String name = e.getLocalName();
        switch (HtmlAllowList.element(name)) {
            case DROP:
                return;
            case UNWRAP:
                children(e, out, context, depth);
                return;
            default:
                break;
        }
        String tag = name.toLowerCase(java.util.Locale.ROOT);
        out.append('<').append(tag);
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node a = attributes.item(i);
            if (a.getNamespaceURI() != null || a.getLocalName() == null) {
                continue;
            }
            String value = HtmlAllowList.attribute(tag, a.getLocalName(), a.getNodeValue());
            if (value != null) {
                out.append(' ').append(a.getLocalName().toLowerCase(java.util.Locale.ROOT)).append("=\"")
                        .append(Encode.forHtmlAttribute(value)).append('"');
            }
        }
        if (tag.equals("a") && e.hasAttribute("href")) {
            out.append(" rel=\"nofollow noopener\"");
        }
        if (HtmlAllowList.VOID_ELEMENTS.contains(tag)) {
            out.append(" />");
            return;
        }
        out.append('>');
        children(e, out, context, depth);
        out.append("</").append(tag).append('>');
    }

    private void confluenceElement(Element e, StringBuilder out, RenderContext context, int depth) {
        switch (e.getLocalName()) {
            case "structured-macro":
            case "macro":
                macro(e, out, context, depth);
                break;
            case "link":
                link(e, out, context, depth);
                break;
            case "image":
                image(e, out);
                break;
            case "emoticon":
                String emoticon = ac(e, "name");
                out.append("<span class=\"emoticon emoticon-").append(Encode.forHtmlAttribute(emoticon)).append("\">")
                        .append(Encode.forHtml(EMOTICONS.getOrDefault(emoticon, "(" + emoticon + ")")))
                        .append("</span>");
                break;
            case "task-list":
                out.append("<ul class=\"inline-task-list\">");
                children(e, out, context, depth);
                out.append("</ul>");
                break;
            case "task":
                boolean complete = "complete".equals(textOfChild(e, "task-status"));
                out.append("<li").append(complete ? " class=\"checked\"" : "").append('>')
                        .append(complete ? "\u2611 " : "\u2610 ");
                childElement(e, "task-body").ifPresent(body -> children(body, out, context, depth));
                out.append("</li>");
                break;
            case "layout":
                out.append("<div class=\"contentLayout2\">");
                children(e, out, context, depth);
                out.append("</div>");
                break;
            case "layout-section":
                out.append("<div class=\"columnLayout ").append(Encode.forHtmlAttribute(ac(e, "type"))).append("\">");
                children(e, out, context, depth);
                out.append("</div>");
                break;
            case "layout-cell":
                out.append("<div class=\"cell normal\"><div class=\"innerCell\">");
                children(e, out, context, depth);
                out.append("</div></div>");
                break;
            case "placeholder":
            case "parameter":
            case "plain-text-body":
            case "task-id":
            case "task-status":
                // Editor-only or consumed by their parent.
                break;
            default:
                // e.g. ac:inline-comment-marker, ac:task-body, ac:rich-text-body outside a macro: show the content.
                children(e, out, context, depth);
                break;
        }
    }

    private void macro(Element e, StringBuilder out, RenderContext context, int depth) {
        String name = ac(e, "name");
        Map<String, String> parameters = new LinkedHashMap<>();
        String plainBody = null;
        Element richBody = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE || !StorageFormatParser.AC_NS.equals(n.getNamespaceURI())) {
                continue;
            }
            Element child = (Element) n;
            switch (child.getLocalName()) {
                case "parameter":
                    parameters.put(ac(child, "name"), parameterValue(child));
                    break;
                case "default-parameter":
                    parameters.put("", child.getTextContent());
                    break;
                case "plain-text-body":
                    plainBody = child.getTextContent();
                    break;
                case "rich-text-body":
                    richBody = child;
                    break;
                default:
                    break;
            }
        }
        Optional<Macro> macro = macros.macro(name);
        if (macro.isEmpty()) {
            out.append(MacroBoxes.unknownMacro(name));
            return;
        }
        try {
            String body;
            Macro.BodyType bodyType = macro.get().getBodyType();
            if (bodyType == Macro.BodyType.NONE) {
                body = null;
            } else if (bodyType == Macro.BodyType.RICH_TEXT) {
                StringBuilder rendered = new StringBuilder();
                if (richBody != null) {
                    children(richBody, rendered, context, depth);
                }
                body = rendered.toString();
            } else {
                body = plainBody != null ? plainBody : richBody != null ? richBody.getTextContent() : "";
            }
            String output = macro.get().execute(parameters, body, context);
            out.append(output == null ? "" : output);
        } catch (MacroExecutionException ex) {
            LOG.debug("Macro {} failed on {}", name, context.getEntity(), ex);
            out.append(MacroBoxes.macroError(name, ex.getMessage()));
        } catch (RuntimeException | LinkageError ex) {
            // A bug in the plugin (or a class missing from the bundle): the developer needs the trace, the reader not.
            LOG.warn("Macro {} threw on {}", name, context.getEntity(), ex);
            out.append(MacroBoxes.macroError(name, ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
        }
    }

    /** A parameter's value: its text, or the identifying attribute of a resource identifier inside it. */
    private static String parameterValue(Element parameter) {
        for (Node n = parameter.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && StorageFormatParser.RI_NS.equals(n.getNamespaceURI())) {
                Element ri = (Element) n;
                for (String attribute : new String[] {"content-title", "userkey", "username", "space-key", "filename",
                        "value"}) {
                    if (ri.hasAttributeNS(StorageFormatParser.RI_NS, attribute)) {
                        return ri.getAttributeNS(StorageFormatParser.RI_NS, attribute);
                    }
                }
            }
        }
        return parameter.getTextContent();
    }

    private void link(Element e, StringBuilder out, RenderContext context, int depth) {
        String href = null;
        String defaultText = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() != Node.ELEMENT_NODE || !StorageFormatParser.RI_NS.equals(n.getNamespaceURI())) {
                continue;
            }
            Element ri = (Element) n;
            switch (ri.getLocalName()) {
                case "page":
                    String title = ri.getAttributeNS(StorageFormatParser.RI_NS, "content-title");
                    String space = ri.hasAttributeNS(StorageFormatParser.RI_NS, "space-key")
                            ? ri.getAttributeNS(StorageFormatParser.RI_NS, "space-key") : context.getSpaceKey();
                    href = contextPath + "/display/" + encode(space == null ? "" : space) + "/" + encode(title);
                    defaultText = title;
                    break;
                case "space":
                    String key = ri.getAttributeNS(StorageFormatParser.RI_NS, "space-key");
                    href = contextPath + "/display/" + encode(key);
                    defaultText = key;
                    break;
                case "url":
                    href = HtmlAllowList.safeUrl(ri.getAttributeNS(StorageFormatParser.RI_NS, "value"));
                    defaultText = ri.getAttributeNS(StorageFormatParser.RI_NS, "value");
                    break;
                case "attachment":
                    defaultText = ri.getAttributeNS(StorageFormatParser.RI_NS, "filename");
                    break;
                case "user":
                    defaultText = ri.hasAttributeNS(StorageFormatParser.RI_NS, "username")
                            ? ri.getAttributeNS(StorageFormatParser.RI_NS, "username")
                            : ri.getAttributeNS(StorageFormatParser.RI_NS, "userkey");
                    break;
                default:
                    break;
            }
        }
        String anchor = ac(e, "anchor");
        if (!anchor.isEmpty()) {
            href = (href == null ? "" : href) + "#" + encode(anchor);
        }
        out.append(href == null ? "<span class=\"confluence-link\">" : "<a href=\"" + Encode.forHtmlAttribute(href) + "\">");
        Optional<Element> plain = childElement(e, "plain-text-link-body");
        Optional<Element> rich = childElement(e, "link-body");
        if (plain.isPresent()) {
            out.append(Encode.forHtml(plain.get().getTextContent()));
        } else if (rich.isPresent()) {
            children(rich.get(), out, context, depth);
        } else {
            out.append(Encode.forHtml(defaultText == null ? anchor : defaultText));
        }
        out.append(href == null ? "</span>" : "</a>");
    }

    private static void image(Element e, StringBuilder out) {
        String src = null;
        String label = null;
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && StorageFormatParser.RI_NS.equals(n.getNamespaceURI())) {
                Element ri = (Element) n;
                if ("url".equals(ri.getLocalName())) {
                    src = HtmlAllowList.safeUrl(ri.getAttributeNS(StorageFormatParser.RI_NS, "value"));
                } else if ("attachment".equals(ri.getLocalName())) {
                    label = ri.getAttributeNS(StorageFormatParser.RI_NS, "filename");
                }
            }
        }
        if (src == null) {
            // The dev host keeps no attachments.
            out.append("<span class=\"confluence-embedded-file-missing\">")
                    .append(Encode.forHtml(label == null ? "image" : label)).append("</span>");
            return;
        }
        out.append("<img class=\"confluence-embedded-image\" src=\"").append(Encode.forHtmlAttribute(src)).append('"');
        for (String attribute : new String[] {"alt", "title", "width", "height"}) {
            String value = ac(e, attribute);
            if (!value.isEmpty()) {
                out.append(' ').append(attribute).append("=\"").append(Encode.forHtmlAttribute(value)).append('"');
            }
        }
        out.append(" />");
    }

    private static String ac(Element e, String attribute) {
        return e.getAttributeNS(StorageFormatParser.AC_NS, attribute);
    }

    private static Optional<Element> childElement(Element parent, String acName) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && StorageFormatParser.AC_NS.equals(n.getNamespaceURI())
                    && acName.equals(n.getLocalName())) {
                return Optional.of((Element) n);
            }
        }
        return Optional.empty();
    }

    private static String textOfChild(Element parent, String acName) {
        return childElement(parent, acName).map(Node::getTextContent).map(String::trim).orElse("");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
