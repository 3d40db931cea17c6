package com.sqltables.confluence.bundle;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Verifies the packaged plugin jar (target/&lt;finalName&gt;.jar) the way Confluence will meet it.
 * Runs in {@code mvn verify} (failsafe), after the jar is built; BundleCheckerTest proves each check
 * can fail.
 */
public class PluginBundleIT {

    /** Fixed forever: it names the tables (AO_ + hash of the namespace). */
    private static final String AO_NAMESPACE = "com.sqltables.confluence";

    private static BundleContents bundle;
    private static BundleChecker checker;
    private static String pluginKey;

    @BeforeClass
    public static void readJar() throws Exception {
        Path jar = Paths.get(requiredProperty("sqltables.bundle.jar"));
        assertTrue("the plugin jar " + jar + " does not exist: run mvn verify, not the IT alone", Files.isRegularFile(jar));
        pluginKey = requiredProperty("sqltables.plugin.key");
        bundle = BundleContents.read(jar);
        checker = new BundleChecker(bundle, pluginKey, AO_NAMESPACE);
    }

    @Test
    public void pluginKey_isTheOneConfluenceKnowsUsBy() {
        assertEquals("com.sqltables.confluence", pluginKey);
    }

    @Test
    public void jar_isReadable() {
        assertNoProblems(bundle.readProblems());
    }

    @Test
    public void manifestAndDescriptor_carryTheSameKey() {
        assertNoProblems(checker.checkIdentity());
    }

    @Test
    public void classes_runOnJava11() {
        assertNoProblems(checker.checkClassVersions());
    }

    @Test
    public void hostImports_haveRangesAdmittingConfluence85To9() {
        assertNoProblems(checker.checkImportRanges());
    }

    @Test
    public void everyReferencedPackage_isInTheJarOrImported() {
        assertNoProblems(checker.checkImportsCoverReferences());
    }

    @Test
    public void jar_containsNoHostClasses() {
        assertNoProblems(checker.checkNoHostClasses());
    }

    @Test
    public void springContext_scansTheIndex() {
        assertNoProblems(checker.checkSpringContext());
    }

    @Test
    public void componentIndex_matchesTheAnnotatedClasses() {
        assertNoProblems(checker.checkComponentIndex());
    }

    @Test
    public void descriptor_namesOnlyExistingClasses() {
        assertNoProblems(checker.checkDescriptorClasses());
    }

    @Test
    public void aoModule_listsEveryEntity() {
        assertNoProblems(checker.checkActiveObjects());
    }

    @Test
    public void descriptorTexts_areAllDefined() {
        assertNoProblems(checker.checkI18n());
    }

    private static void assertNoProblems(List<String> problems) {
        assertEquals("problems in " + System.getProperty("sqltables.bundle.jar") + ":\n  " + String.join("\n  ", problems),
                Collections.emptyList(), problems);
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set: failsafe sets it (plugin/pom.xml)");
        }
        return value;
    }
}
