package com.sqltables.confluence.ao;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The {@code <ao>} module the host reads must describe exactly the model the stores use. */
public class AoModuleDescriptorTest {
    @Test
    public void aoModule_hasTheFixedNamespace_andListsEveryEntityInOrder() throws Exception {
        Element ao = aoModule();
        assertEquals(AoSchema.NAMESPACE, ao.getAttribute("namespace"));
        List<String> listed = new ArrayList<>();
        NodeList entities = ao.getElementsByTagName("entity");
        for (int i = 0; i < entities.getLength(); i++) {
            listed.add(entities.item(i).getTextContent().trim());
        }
        assertEquals(AoSchema.ENTITIES.stream().map(Class::getName).collect(Collectors.toList()), listed);
    }

    private static Element aoModule() throws Exception {
        try (InputStream in = AoModuleDescriptorTest.class.getResourceAsStream("/atlassian-plugin.xml")) {
            assertNotNull("atlassian-plugin.xml is on the class path", in);
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document document = factory.newDocumentBuilder().parse(in);
            NodeList modules = document.getElementsByTagName("ao");
            assertEquals("exactly one <ao> module", 1, modules.getLength());
            return (Element) modules.item(0);
        }
    }
}
