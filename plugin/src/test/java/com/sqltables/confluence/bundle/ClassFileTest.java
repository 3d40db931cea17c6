package com.sqltables.confluence.bundle;

import static com.sqltables.confluence.bundle.TestJar.FIXTURE;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import org.junit.Test;

public class ClassFileTest {

    @Test
    public void parse_component_findsConstructorFieldAndAnnotationTypes() throws IOException {
        ClassFile c = parse("FixtureComponent");

        assertEquals("com/sqltables/confluence/bundle/fixture/FixtureComponent", c.name());
        assertFalse(c.isInterface());
        assertTrue(c.referencedTypes().containsAll(Arrays.asList(
                "com/atlassian/sal/api/transaction/TransactionTemplate",
                "org/slf4j/Logger",
                "org/slf4j/LoggerFactory",
                "javax/inject/Named")));
        assertEquals(Collections.singleton("javax/inject/Named"), c.classAnnotations());
    }

    @Test
    public void parse_ownName_isNotAReference() throws IOException {
        ClassFile c = parse("FixtureComponent");

        assertFalse(c.referencedTypes().contains(c.name()));
    }

    @Test
    public void parse_entity_isInterfaceWithItsSuperInterfaces() throws IOException {
        ClassFile c = parse("FixtureChildEntity");

        assertTrue(c.isInterface());
        assertTrue(c.isAbstract());
        assertEquals(Collections.singletonList("com/sqltables/confluence/bundle/fixture/FixtureBaseEntity"), c.interfaces());
    }

    @Test
    public void parse_genericSignatureAndClassRetainedAnnotation_areNotReferences() throws IOException {
        ClassFile c = parse("FixtureReferences");

        assertTrue(c.referencedTypes().contains("java/util/List"));
        assertFalse(c.referencedTypes().contains("org/slf4j/Marker"));
        assertFalse(c.referencedTypes().contains("com/sqltables/confluence/bundle/fixture/FixtureClassRetained"));
        assertEquals(Collections.emptySet(), c.classAnnotations());
    }

    @Test
    public void parse_classAnnotationString_isRead() throws IOException {
        ClassFile c = parse("FixtureLongTableEntity");

        assertEquals("QUERY_EXECUTION_HISTORY_ROW", c.classAnnotationString("net/java/ao/schema/Table", "value"));
        assertEquals(null, c.classAnnotationString("net/java/ao/schema/Table", "other"));
    }

    @Test
    public void parse_majorVersion_isRead() throws IOException {
        byte[] bytes = TestJar.withMajorVersion(TestJar.classBytes(FIXTURE + "FixtureMacro"), 55);

        assertEquals(55, ClassFile.parse(bytes).majorVersion());
    }

    @Test(expected = IOException.class)
    public void parse_notAClassFile_fails() throws IOException {
        ClassFile.parse(new byte[] {1, 2, 3, 4, 0, 0, 0, 55});
    }

    @Test
    public void packageOf_defaultPackage_isEmpty() {
        assertEquals("", ClassFile.packageOf("Foo"));
        assertEquals("com.x", ClassFile.packageOf("com/x/Foo"));
    }

    private static ClassFile parse(String fixture) throws IOException {
        return ClassFile.parse(TestJar.classBytes(FIXTURE + fixture));
    }
}
