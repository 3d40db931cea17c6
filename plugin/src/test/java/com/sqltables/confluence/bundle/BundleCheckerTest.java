package com.sqltables.confluence.bundle;

import static com.sqltables.confluence.bundle.TestJar.FIXTURE;
import static com.sqltables.confluence.bundle.TestJar.KEY;
import static com.sqltables.confluence.bundle.TestJar.VALID_IMPORTS;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Proves that every check of {@link BundleChecker} fails on a jar broken in the way it guards against,
 * and passes the same jar unbroken. PluginBundleIT applies the checks to the real plugin jar.
 */
public class BundleCheckerTest {

    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    @Test
    public void validJar_passesEveryCheck() throws IOException {
        assertEquals(Collections.emptyList(), check(TestJar.valid()).checkAll());
    }

    // ------------------------------------------------------------------ identity

    @Test
    public void identity_symbolicNameDiffersFromKey_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Bundle-SymbolicName", "com.sqltables.other;singleton:=true");
        assertReports(check(jar).checkIdentity(), "Bundle-SymbolicName is \"com.sqltables.other\", expected \"" + KEY + "\"");
    }

    @Test
    public void identity_symbolicNameWithDirective_isAccepted() throws IOException {
        TestJar jar = TestJar.valid().header("Bundle-SymbolicName", KEY + ";singleton:=true");
        assertEquals(Collections.emptyList(), check(jar).checkIdentity());
    }

    @Test
    public void identity_pluginKeyHeaderMissing_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Atlassian-Plugin-Key", null);
        assertReports(check(jar).checkIdentity(), "Atlassian-Plugin-Key is missing");
    }

    @Test
    public void identity_descriptorKeyDiffers_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("key=\"" + KEY + "\" name", "key=\"com.other\" name");
        assertReports(check(jar).checkIdentity(), "atlassian-plugin.xml key is \"com.other\"");
    }

    @Test
    public void identity_unfilteredDescriptor_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("key=\"" + KEY + "\" name", "key=\"${atlassian.plugin.key}\" name");
        assertReports(check(jar).checkIdentity(), "was not filtered, it still contains [${atlassian.plugin.key}]");
    }

    @Test
    public void identity_descriptorMissing_isReported() throws IOException {
        TestJar jar = TestJar.valid().remove(BundleChecker.DESCRIPTOR);
        assertReports(check(jar).checkIdentity(), "atlassian-plugin.xml is missing from the jar");
    }

    @Test
    public void identity_pluginsVersion1_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("plugins-version=\"2\"", "plugins-version=\"1\"");
        assertReports(check(jar).checkIdentity(), "must say plugins-version=\"2\"");
    }

    @Test
    public void identity_noSpringContextHeader_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Spring-Context", null);
        assertReports(check(jar).checkIdentity(), "no Spring-Context header");
    }

    @Test
    public void identity_exportedPackage_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Export-Package", "com.sqltables.confluence.bundle.fixture");
        assertReports(check(jar).checkIdentity(), "the bundle exports packages");
    }

    @Test
    public void identity_executionEnvironmentRequirement_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Require-Capability", "osgi.ee;filter:=\"(&(osgi.ee=JavaSE)(version=11))\"");
        assertReports(check(jar).checkIdentity(), "Require-Capability asks for an osgi.ee");
    }

    @Test
    public void identity_wrongManifestVersion_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Bundle-ManifestVersion", "1");
        assertReports(check(jar).checkIdentity(), "Bundle-ManifestVersion is 1, expected 2");
    }

    // ------------------------------------------------------------------ class versions

    @Test
    public void classVersions_java17Class_isReported() throws IOException {
        TestJar jar = TestJar.valid().classFrom(FIXTURE + "FixtureMacro", 61);
        assertReports(check(jar).checkClassVersions(), FIXTURE + "FixtureMacro is compiled for Java 17");
    }

    // ------------------------------------------------------------------ import ranges

    @Test
    public void importRanges_hostImportWithoutVersion_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS.replace("org.slf4j;version=\"[1.7,3)\"", "org.slf4j"));
        assertReports(check(jar).checkImportRanges(), "Import-Package org.slf4j has no version range");
    }

    @Test
    public void importRanges_bareVersion_isReportedAsUnbounded() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS.replace("[1.7,3)", "1.7"));
        assertReports(check(jar).checkImportRanges(), "Import-Package org.slf4j version \"1.7\" has no upper bound");
    }

    @Test
    public void importRanges_unreadableVersion_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS.replace("[1.7,3)", "[one,two)"));
        assertReports(check(jar).checkImportRanges(), "Import-Package org.slf4j has an unreadable version");
    }

    @Test
    public void importRanges_rangeRefusingWhatConfluenceShips_isReported() throws IOException {
        // slf4j 2 on the compile path makes bnd write [2.0,3): Confluence 8.5 exports 1.7.36.
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS.replace("[1.7,3)", "[2.0,3)"));
        assertReports(check(jar).checkImportRanges(), "Import-Package org.slf4j range [2.0,3) refuses 1.7.36");
    }

    @Test
    public void importRanges_confluenceRangeAdmitting10_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package",
                VALID_IMPORTS + ",com.atlassian.confluence.macro;version=\"[8.5,11)\"");
        assertReports(check(jar).checkImportRanges(), "Import-Package com.atlassian.confluence.macro range [8.5,11) admits 10.0.0");
    }

    @Test
    public void importRanges_jdkPackageWithoutVersion_isAccepted() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS + ",javax.sql,javax.naming,org.w3c.dom");
        assertEquals(Collections.emptyList(), check(jar).checkImportRanges());
    }

    @Test
    public void importRanges_optionalImportWithoutVersion_isStillReported() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS + ",com.codahale.metrics;resolution:=optional");
        assertReports(check(jar).checkImportRanges(), "Import-Package com.codahale.metrics has no version range");
    }

    // ------------------------------------------------------------------ imports cover references

    @Test
    public void importsCoverReferences_missingHostPackage_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS.replace(",org.slf4j;version=\"[1.7,3)\"", ""));
        assertReports(check(jar).checkImportsCoverReferences(),
                "package org.slf4j is neither in the jar nor in Import-Package (" + FIXTURE + "FixtureComponent uses org.slf4j.");
    }

    @Test
    public void importsCoverReferences_jdkPackageOtherThanJava_mustBeImportedToo() throws IOException {
        // Only java.* reaches every bundle; javax.sql comes through the system bundle's exports.
        TestJar jar = TestJar.valid().classFrom(BundleCheckerTest.class.getName() + "$UsesDataSource", BundleChecker.JAVA_11);
        assertReports(check(jar).checkImportsCoverReferences(), "package javax.sql is neither in the jar nor in Import-Package");
    }

    @Test
    public void importsCoverReferences_annotationOnlyReference_counts() throws IOException {
        // @Named is only an annotation of FixtureComponent, yet Spring reads it at run time.
        TestJar jar = TestJar.valid().header("Import-Package", VALID_IMPORTS.replace("javax.inject;version=\"[0.0,2)\",", ""));
        assertReports(check(jar).checkImportsCoverReferences(), "package javax.inject is neither in the jar nor in Import-Package");
    }

    // ------------------------------------------------------------------ host classes

    @Test
    public void noHostClasses_hostClassInJar_isReported() throws IOException {
        TestJar jar = TestJar.valid().hostClass("com.atlassian.sal.api.transaction.TransactionTemplate");
        assertReports(check(jar).checkNoHostClasses(), "com.atlassian.sal.api.transaction.TransactionTemplate is a host class packed into the jar");
    }

    @Test
    public void noHostClasses_hostClassInEmbeddedJar_isReported() throws IOException {
        byte[] library = new TestJar().hostClass("javax.inject.Named").toBytes();
        TestJar jar = TestJar.valid().bytes("META-INF/lib/library.jar", library)
                .header("Bundle-ClassPath", ".,META-INF/lib/library.jar");
        assertReports(check(jar).checkNoHostClasses(), "javax.inject.Named is a host class packed into the jar");
    }

    @Test
    public void bundleClassPath_missingEmbeddedJar_isReported() throws IOException {
        TestJar jar = TestJar.valid().header("Bundle-ClassPath", ".,META-INF/lib/missing.jar");
        assertReports(check(jar).checkAll(), "Bundle-ClassPath names META-INF/lib/missing.jar, which is not in the jar");
    }

    @Test
    public void importsCoverReferences_embeddedLibraryReferences_count() throws IOException {
        byte[] library = new TestJar().classFrom(BundleCheckerTest.class.getName() + "$UsesDataSource", BundleChecker.JAVA_11).toBytes();
        TestJar jar = TestJar.valid().bytes("META-INF/lib/library.jar", library)
                .header("Bundle-ClassPath", ".,META-INF/lib/library.jar");
        assertReports(check(jar).checkImportsCoverReferences(), "package javax.sql is neither in the jar nor in Import-Package");
    }

    // ------------------------------------------------------------------ Spring context

    @Test
    public void springContext_missing_isReported() throws IOException {
        TestJar jar = TestJar.valid().remove(BundleChecker.SPRING_CONTEXT);
        assertReports(check(jar).checkSpringContext(), "META-INF/spring/plugin-context.xml is missing");
    }

    @Test
    public void springContext_withoutScanIndexes_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.SPRING_CONTEXT,
                "<beans xmlns=\"http://www.springframework.org/schema/beans\"/>");
        assertReports(check(jar).checkSpringContext(), "has no <atlassian-scanner:scan-indexes/>");
    }

    @Test
    public void springContext_scannerVersion1Namespace_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.SPRING_CONTEXT, TestJar.VALID_SPRING_CONTEXT
                .replace(BundleChecker.SCANNER_NAMESPACE, "http://www.atlassian.com/schema/atlassian-scanner"));
        assertReports(check(jar).checkSpringContext(), "has no <atlassian-scanner:scan-indexes/>");
    }

    @Test
    public void springContext_malformed_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.SPRING_CONTEXT, "<beans>");
        assertReports(check(jar).checkSpringContext(), "is not well-formed XML");
    }

    // ------------------------------------------------------------------ component index

    @Test
    public void componentIndex_namesMissingClass_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.INDEX_DIRECTORY + "component",
                FIXTURE + "FixtureComponent\n" + FIXTURE + "Gone\n");
        assertReports(check(jar).checkComponentIndex(), "the component index names " + FIXTURE + "Gone, which is not in the jar");
    }

    @Test
    public void componentIndex_namesUnannotatedClass_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.INDEX_DIRECTORY + "component",
                FIXTURE + "FixtureComponent\n" + FIXTURE + "FixtureMacro#macro\n");
        assertReports(check(jar).checkComponentIndex(), FIXTURE + "FixtureMacro, which has no @Named");
    }

    @Test
    public void componentIndex_namesInterface_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.INDEX_DIRECTORY + "component",
                FIXTURE + "FixtureComponent\n" + FIXTURE + "FixtureEntity\n");
        assertReports(check(jar).checkComponentIndex(), FIXTURE + "FixtureEntity, which cannot be instantiated");
    }

    @Test
    public void componentIndex_annotatedClassMissingFromIndex_isReported() throws IOException {
        TestJar jar = TestJar.valid().fixture("FixtureUnindexedComponent");
        assertReports(check(jar).checkComponentIndex(),
                FIXTURE + "FixtureUnindexedComponent is annotated as a component but missing from the component index");
    }

    @Test
    public void componentIndex_productVariantFile_isRead() throws IOException {
        TestJar jar = TestJar.valid().fixture("FixtureUnindexedComponent")
                .text(BundleChecker.INDEX_DIRECTORY + "component-confluence", FIXTURE + "FixtureUnindexedComponent\n");
        assertEquals(Collections.emptyList(), check(jar).checkComponentIndex());
    }

    @Test
    public void componentIndex_unannotatedLibraryClass_isAccepted() throws IOException {
        // @ClasspathComponent makes a class of an embedded library a bean without annotating it.
        byte[] library = new TestJar().fixture("FixtureMacro").toBytes();
        TestJar jar = TestJar.valid().remove(FIXTURE.replace('.', '/') + "FixtureMacro.class")
                .bytes("META-INF/lib/library.jar", library).header("Bundle-ClassPath", ".,META-INF/lib/library.jar")
                .text(BundleChecker.INDEX_DIRECTORY + "component", FIXTURE + "FixtureComponent\n" + FIXTURE + "FixtureMacro\n");
        assertEquals(Collections.emptyList(), check(jar).checkComponentIndex());
    }

    @Test
    public void componentIndex_importOfUnimportedPackage_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.INDEX_DIRECTORY + "imports",
                "com.atlassian.sal.api.transaction.TransactionTemplate\ncom.atlassian.mail.server.MailServerManager#mail\n");
        assertReports(check(jar).checkComponentIndex(),
                "the imports index names com.atlassian.mail.server.MailServerManager but Import-Package lacks its package");
    }

    @Test
    public void componentIndex_exportOfNonComponent_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.INDEX_DIRECTORY + "exports", FIXTURE + "FixtureMacro#java.lang.Runnable\n");
        assertReports(check(jar).checkComponentIndex(), "the exports index names " + FIXTURE + "FixtureMacro, which is not an indexed component");
    }

    @Test
    public void componentIndex_sameBeanNameTwice_isReported() throws IOException {
        TestJar jar = TestJar.valid().fixture("FixtureUnindexedComponent").text(BundleChecker.INDEX_DIRECTORY + "component",
                FIXTURE + "FixtureComponent#shared\n" + FIXTURE + "FixtureUnindexedComponent#shared\n");
        assertReports(check(jar).checkComponentIndex(), "gives bean name \"shared\" to both");
    }

    // ------------------------------------------------------------------ descriptor classes

    @Test
    public void descriptorClasses_moduleClassMissing_isReported() throws IOException {
        TestJar jar = TestJar.valid().remove(FIXTURE.replace('.', '/') + "FixtureMacro.class");
        assertReports(check(jar).checkDescriptorClasses(), "<xhtml-macro class=\"" + FIXTURE + "FixtureMacro\"> names a class that is neither");
    }

    @Test
    public void descriptorClasses_hostClassOfImportedPackage_isAccepted() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("</xhtml-macro>",
                "</xhtml-macro><web-item key=\"w\"><condition class=\"com.atlassian.sal.api.transaction.TransactionTemplate\"/></web-item>");
        assertEquals(Collections.emptyList(), check(jar).checkDescriptorClasses());
    }

    @Test
    public void descriptorClasses_hostClassOfUnimportedPackage_isReported() throws IOException {
        // bnd cannot see classes named only in XML: their packages must be imported by hand.
        TestJar jar = TestJar.valid().replaceInDescriptor("</xhtml-macro>",
                "</xhtml-macro><web-item key=\"w\"><condition class=\"com.atlassian.confluence.plugin.descriptor.web.conditions.SystemAdministratorCondition\"/></web-item>");
        assertReports(check(jar).checkDescriptorClasses(), "<condition class=\"com.atlassian.confluence.plugin.descriptor.web.conditions.SystemAdministratorCondition\">");
    }

    @Test
    public void descriptorClasses_upgradeTaskMissing_isReported() throws IOException {
        TestJar jar = TestJar.valid().remove(FIXTURE.replace('.', '/') + "FixtureUpgradeTask.class");
        assertReports(check(jar).checkDescriptorClasses(), "<upgradeTask>" + FIXTURE + "FixtureUpgradeTask</upgradeTask> is not a class of the jar");
    }

    @Test
    public void descriptorClasses_entityMissing_isReported() throws IOException {
        TestJar jar = TestJar.valid().remove(FIXTURE.replace('.', '/') + "FixtureEntity.class");
        assertReports(check(jar).checkDescriptorClasses(), "<entity>" + FIXTURE + "FixtureEntity</entity> is not a class of the jar");
    }

    @Test
    public void descriptorClasses_jobBeanUnknown_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("<job key=\"fixtureComponent\"", "<job key=\"usageReportJob\"");
        assertReports(check(jar).checkDescriptorClasses(), "runs bean \"usageReportJob\", which the component index does not define");
    }

    @Test
    public void descriptorClasses_jobBeanWithExplicitName_isAccepted() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("<job key=\"fixtureComponent\"", "<job key=\"usageReportJob\"")
                .text(BundleChecker.INDEX_DIRECTORY + "component", FIXTURE + "FixtureComponent#usageReportJob\n");
        assertEquals(Collections.emptyList(), check(jar).checkDescriptorClasses());
    }

    @Test
    public void descriptorClasses_componentElement_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("</xhtml-macro>",
                "</xhtml-macro><component-import key=\"tx\" interface=\"com.atlassian.sal.api.transaction.TransactionTemplate\"/>");
        assertReports(check(jar).checkDescriptorClasses(), "declares <component-import>");
    }

    // ------------------------------------------------------------------ Active Objects

    @Test
    public void activeObjects_entityMissingFromAoModule_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("<entity>" + FIXTURE + "FixtureChildEntity</entity>", "");
        assertReports(check(jar).checkActiveObjects(),
                FIXTURE + "FixtureChildEntity extends net.java.ao.RawEntity but is not listed in <ao>");
    }

    @Test
    public void activeObjects_baseInterfaceOfListedEntity_needNotBeListed() throws IOException {
        // The valid jar holds FixtureBaseEntity without listing it.
        assertEquals(Collections.emptyList(), check(TestJar.valid()).checkActiveObjects());
    }

    @Test
    public void activeObjects_nonEntityListed_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("</ao>", "<entity>" + FIXTURE + "FixtureMacro</entity></ao>");
        assertReports(check(jar).checkActiveObjects(), "<ao> lists " + FIXTURE + "FixtureMacro, which is not an interface extending");
    }

    @Test
    public void activeObjects_entityListedTwice_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("</ao>", "<entity>" + FIXTURE + "FixtureEntity</entity></ao>");
        assertReports(check(jar).checkActiveObjects(), "<ao> lists " + FIXTURE + "FixtureEntity twice");
    }

    @Test
    public void activeObjects_wrongNamespace_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("namespace=\"" + KEY + "\"", "namespace=\"com.other\"");
        assertReports(check(jar).checkActiveObjects(), "<ao namespace=\"com.other\"> must be \"" + KEY + "\"");
    }

    @Test
    public void activeObjects_tableNameOver30Characters_isReported() throws IOException {
        TestJar jar = TestJar.valid().fixture("FixtureVeryLongNamedQueryHistoryEntity")
                .replaceInDescriptor("</ao>", "<entity>" + FIXTURE + "FixtureVeryLongNamedQueryHistoryEntity</entity></ao>");
        assertReports(check(jar).checkActiveObjects(), "makes table AO_xxxxxx_FIXTURE_VERY_LONG_NAMED_QUERY_HISTORY_ENTITY, longer than 30");
    }

    @Test
    public void activeObjects_tableAnnotationNameOver30Characters_isReported() throws IOException {
        TestJar jar = TestJar.valid().fixture("FixtureLongTableEntity")
                .replaceInDescriptor("</ao>", "<entity>" + FIXTURE + "FixtureLongTableEntity</entity></ao>");
        assertReports(check(jar).checkActiveObjects(), "makes table AO_xxxxxx_QUERY_EXECUTION_HISTORY_ROW, longer than 30");
    }

    @Test
    public void activeObjects_twoModules_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor("</ao>", "</ao><ao key=\"second\" namespace=\"" + KEY + "\"/>");
        assertReports(check(jar).checkActiveObjects(), "has 2 <ao> modules");
    }

    @Test
    public void activeObjects_entitiesWithoutModule_isReported() throws IOException {
        TestJar jar = TestJar.valid().text(BundleChecker.DESCRIPTOR,
                "<atlassian-plugin key=\"" + KEY + "\" name=\"Test\" plugins-version=\"2\"/>");
        assertReports(check(jar).checkActiveObjects(), "has no <ao> module but the jar has entities");
    }

    @Test
    public void tableName_followsActiveObjectsUnderscoreConvention() {
        assertEquals("DATASOURCE", BundleChecker.tableName("com/x/Datasource"));
        assertEquals("SAVED_QUERY", BundleChecker.tableName("com/x/SavedQuery"));
        assertEquals("SQL_TABLE_USAGE", BundleChecker.tableName("com/x/SQLTableUsage"));
        assertEquals("USAGE_COUNT", BundleChecker.tableName("com/x/Outer$UsageCount"));
    }

    // ------------------------------------------------------------------ i18n

    @Test
    public void i18n_resourceMissing_isReported() throws IOException {
        TestJar jar = TestJar.valid().remove("i18n/test.properties");
        assertReports(check(jar).checkI18n(), "needs i18n/test.properties, which is not in the jar");
    }

    @Test
    public void i18n_macroParameterWithoutDescription_isReported() throws IOException {
        TestJar jar = TestJar.valid().text("i18n/test.properties",
                TestJar.VALID_TEXTS.replace(KEY + ".fixture.param.query.desc=The query to run\n", ""));
        assertReports(check(jar).checkI18n(), "i18n key " + KEY + ".fixture.param.query.desc is used by");
    }

    @Test
    public void i18n_descriptionKeyUndefined_isReported() throws IOException {
        TestJar jar = TestJar.valid().replaceInDescriptor(KEY + ".ao.description", KEY + ".ao.undefined");
        assertReports(check(jar).checkI18n(), "i18n key " + KEY + ".ao.undefined is used by");
    }

    @Test
    public void defaultBeanName_followsSpring() {
        assertEquals("usageReportJob", BundleChecker.defaultBeanName("com.x.UsageReportJob"));
        assertEquals("SQLRunner", BundleChecker.defaultBeanName("com.x.SQLRunner"));
    }

    // ------------------------------------------------------------------ helpers

    /** Referenced by class-path tests: uses javax.sql, a JDK package outside java.*. */
    static final class UsesDataSource {
        javax.sql.DataSource dataSource;
    }

    private BundleChecker check(TestJar jar) throws IOException {
        return jar.checker(temp.getRoot().toPath());
    }

    private static void assertReports(List<String> problems, String expected) {
        assertTrue("expected a problem containing \"" + expected + "\" but got " + problems,
                problems.stream().anyMatch(p -> p.contains(expected)));
    }
}
