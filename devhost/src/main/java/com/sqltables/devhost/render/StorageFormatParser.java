package com.sqltables.devhost.render;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Parses Confluence storage format: an XHTML fragment (no single root) using the {@code ac:}, {@code ri:} and
 * {@code at:} namespaces without declaring them, and HTML entities such as {@code &nbsp;}. Like Confluence,
 * the fragment is wrapped in a root element that declares the namespaces and the entities, then parsed
 * with a real, hardened XML parser (no external entities, no DTD loading).
 */
public final class StorageFormatParser {
    /** Namespace of {@code ac:} elements and attributes. */
    public static final String AC_NS = "http://atlassian.com/content";
    /** Namespace of {@code ri:} resource identifiers. */
    public static final String RI_NS = "http://atlassian.com/resource/identifier";
    /** Namespace of {@code at:} template elements. */
    public static final String AT_NS = "http://atlassian.com/template";

    private static final String ROOT = "ac:confluence";
    /** Everything before the fragment, on one line, so that the parser's row numbers match the fragment's. */
    private static final String PREFIX = "<!DOCTYPE " + ROOT + " [" + entityDeclarations() + "]><" + ROOT
            + " xmlns:ac=\"" + AC_NS + "\" xmlns:ri=\"" + RI_NS + "\" xmlns:at=\"" + AT_NS + "\">";
    private static final String SUFFIX = "</" + ROOT + ">";

    private static final DocumentBuilderFactory FACTORY = factory();

    /**
     * @return the root element wrapping the fragment's nodes
     * @throws InvalidStorageFormatException when the fragment is not well-formed XML
     */
    public Element parse(String storage) throws InvalidStorageFormatException {
        String fragment = storage == null ? "" : storage;
        try {
            DocumentBuilder builder;
            synchronized (FACTORY) {
                builder = FACTORY.newDocumentBuilder();
            }
            builder.setErrorHandler(THROWING);
            // Never resolve anything outside the document, whatever the fragment says.
            builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            Document document = builder.parse(new InputSource(new StringReader(PREFIX + fragment + SUFFIX)));
            return document.getDocumentElement();
        } catch (SAXParseException e) {
            throw new InvalidStorageFormatException(describe(e), e);
        } catch (SAXException e) {
            throw new InvalidStorageFormatException(e.getMessage(), e);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be configured", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(SAXParseException e) {
        int line = e.getLineNumber();
        int column = e.getColumnNumber();
        if (line == 1 && column > PREFIX.length()) {
            column -= PREFIX.length();
        }
        String message = e.getMessage();
        // The wrapper is ours: speak of the content, not of our root element.
        if (message != null) {
            message = message.replace("\"" + ROOT + "\"", "the page content");
        }
        return message + " [row,col]: [" + line + "," + Math.max(column, 1) + "]";
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override public void warning(SAXParseException e) {
        }

        @Override public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setExpandEntityReferences(true);
        f.setXIncludeAware(false);
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("XML parser cannot be hardened", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f;
    }

    private static String entityDeclarations() {
        Properties entities = new Properties();
        try (InputStream in = StorageFormatParser.class.getResourceAsStream("xhtml-entities.properties")) {
            if (in == null) {
                throw new IllegalStateException("xhtml-entities.properties is missing from the dev host jar");
            }
            entities.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(entities).forEach((name, codePoint) ->
                sb.append("<!ENTITY ").append(name).append(" \"&#").append(codePoint).append(";\">"));
        return sb.toString();
    }
}
