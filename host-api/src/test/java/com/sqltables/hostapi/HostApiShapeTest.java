package com.sqltables.hostapi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.atlassian.confluence.macro.Macro;
import com.atlassian.plugin.spring.scanner.ProductFilter;
import com.atlassian.plugin.spring.scanner.annotation.OnlyInProduct;
import com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Guards the compile-only Atlassian signatures against accidental change. A wrong kind (class vs
 * interface, final vs not), a wrong exception supertype or a wrong annotation retention compiles
 * fine here and only fails inside Confluence ({@code IncompatibleClassChangeError}, a checked
 * exception that is not caught, an annotation the Scanner runtime cannot see). Every expectation
 * below was read off the real types (see {@code host-api/SIGNATURES.md}).
 */
public class HostApiShapeTest {

    private enum Kind { INTERFACE, ANNOTATION, ENUM, FINAL_CLASS, ABSTRACT_CLASS, CLASS }

    /** Packages whose signatures another table owns (Active Objects and SAL transactions). */
    private static final List<String> OTHER_OWNERS =
            Arrays.asList("com.atlassian.activeobjects.", "com.atlassian.sal.api.transaction.");

    private static final Map<String, Kind> KINDS = new LinkedHashMap<>();

    static {
        // Confluence
        kind("com.atlassian.confluence.macro.Macro", Kind.INTERFACE);
        kind("com.atlassian.confluence.macro.Macro$BodyType", Kind.ENUM);
        kind("com.atlassian.confluence.macro.Macro$OutputType", Kind.ENUM);
        kind("com.atlassian.confluence.macro.MacroExecutionException", Kind.CLASS);
        kind("com.atlassian.confluence.content.render.xhtml.ConversionContext", Kind.INTERFACE);
        kind("com.atlassian.confluence.core.ContentEntityObject", Kind.ABSTRACT_CLASS);
        kind("com.atlassian.confluence.user.UserAccessor", Kind.INTERFACE);
        kind("com.atlassian.confluence.user.ConfluenceUser", Kind.INTERFACE);
        kind("com.atlassian.confluence.web.context.HttpContext", Kind.INTERFACE);
        // Scheduler
        kind("com.atlassian.scheduler.SchedulerService", Kind.INTERFACE);
        kind("com.atlassian.scheduler.SchedulerHistoryService", Kind.INTERFACE);
        kind("com.atlassian.scheduler.JobRunner", Kind.INTERFACE);
        kind("com.atlassian.scheduler.JobRunnerRequest", Kind.INTERFACE);
        kind("com.atlassian.scheduler.JobRunnerResponse", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.SchedulerServiceException", Kind.CLASS);
        kind("com.atlassian.scheduler.SchedulerRuntimeException", Kind.CLASS);
        kind("com.atlassian.scheduler.config.JobConfig", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.config.JobId", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.config.JobRunnerKey", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.config.RunMode", Kind.ENUM);
        kind("com.atlassian.scheduler.config.Schedule", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.config.Schedule$Type", Kind.ENUM);
        kind("com.atlassian.scheduler.config.CronScheduleInfo", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.config.IntervalScheduleInfo", Kind.FINAL_CLASS);
        kind("com.atlassian.scheduler.status.JobDetails", Kind.INTERFACE);
        kind("com.atlassian.scheduler.status.RunDetails", Kind.INTERFACE);
        kind("com.atlassian.scheduler.status.RunOutcome", Kind.ENUM);
        // Mail
        kind("com.atlassian.mail.Email", Kind.CLASS);
        kind("com.atlassian.mail.MailException", Kind.CLASS);
        kind("com.atlassian.mail.server.MailServer", Kind.INTERFACE);
        kind("com.atlassian.mail.server.SMTPMailServer", Kind.INTERFACE);
        kind("com.atlassian.mail.server.MailServerManager", Kind.INTERFACE);
        // SAL
        kind("com.atlassian.sal.api.ApplicationProperties", Kind.INTERFACE);
        kind("com.atlassian.sal.api.UrlMode", Kind.ENUM);
        kind("com.atlassian.sal.api.license.LicenseHandler", Kind.INTERFACE);
        kind("com.atlassian.sal.api.user.UserManager", Kind.INTERFACE);
        kind("com.atlassian.sal.api.user.UserKey", Kind.FINAL_CLASS);
        kind("com.atlassian.sal.api.user.UserProfile", Kind.INTERFACE);
        kind("com.atlassian.sal.api.user.UserRole", Kind.ENUM);
        kind("com.atlassian.sal.api.pluginsettings.PluginSettings", Kind.INTERFACE);
        kind("com.atlassian.sal.api.pluginsettings.PluginSettingsFactory", Kind.INTERFACE);
        kind("com.atlassian.sal.api.websudo.WebSudoManager", Kind.INTERFACE);
        kind("com.atlassian.sal.api.websudo.WebSudoSessionException", Kind.CLASS);
        kind("com.atlassian.sal.api.xsrf.XsrfTokenAccessor", Kind.INTERFACE);
        kind("com.atlassian.sal.api.xsrf.XsrfTokenValidator", Kind.INTERFACE);
        kind("com.atlassian.plugin.web.Condition", Kind.INTERFACE);
        kind("com.atlassian.sal.api.auth.LoginUriProvider", Kind.INTERFACE);
        kind("com.atlassian.sal.api.message.I18nResolver", Kind.INTERFACE);
        // Templates and web resources
        kind("com.atlassian.templaterenderer.TemplateRenderer", Kind.INTERFACE);
        kind("com.atlassian.templaterenderer.RenderingException", Kind.CLASS);
        kind("com.atlassian.webresource.api.assembler.PageBuilderService", Kind.INTERFACE);
        kind("com.atlassian.webresource.api.assembler.WebResourceAssembler", Kind.INTERFACE);
        kind("com.atlassian.webresource.api.assembler.RequiredResources", Kind.INTERFACE);
        // Spring Scanner
        kind("com.atlassian.plugin.spring.scanner.ProductFilter", Kind.ENUM);
        kind("com.atlassian.plugin.spring.scanner.annotation.OnlyInProduct", Kind.ANNOTATION);
        kind("com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport", Kind.ANNOTATION);
        kind("com.atlassian.plugin.spring.scanner.annotation.imports.ConfluenceImport", Kind.ANNOTATION);
        kind("com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService", Kind.ANNOTATION);
        kind("com.atlassian.plugin.spring.scanner.annotation.export.ServiceProperty", Kind.ANNOTATION);
        kind("com.atlassian.plugin.spring.scanner.annotation.component.ConfluenceComponent", Kind.ANNOTATION);
    }

    private static void kind(String className, Kind kind) {
        KINDS.put(className, kind);
    }

    @Test
    public void everyDeclaredType_hasTheKindOfTheRealType() {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Kind> expected : KINDS.entrySet()) {
            Kind actual = kindOf(load(expected.getKey()));
            if (actual != expected.getValue()) {
                wrong.add(expected.getKey() + " is " + actual + ", the real type is " + expected.getValue());
            }
        }
        assertTrue("Kinds differ from the real types:\n" + String.join("\n", wrong), wrong.isEmpty());
    }

    @Test
    public void everyTypeInTheModule_isRecordedInThisTest() throws IOException {
        List<String> unrecorded = classesInModule().stream()
                .filter(name -> !KINDS.containsKey(name))
                .filter(name -> OTHER_OWNERS.stream().noneMatch(name::startsWith))
                .collect(Collectors.toList());
        assertTrue("Types without a recorded kind (add them to KINDS, declared-members.txt and SIGNATURES.md): "
                + unrecorded, unrecorded.isEmpty());
    }

    @Test
    public void everyTypeInTheModule_isAnAtlassianType_andRecordedOnesArePublic() throws IOException {
        for (String name : classesInModule()) {
            assertTrue(name + " must be an Atlassian type, not ours", name.startsWith("com.atlassian."));
            if (KINDS.containsKey(name)) {
                assertTrue(name + " must be public", Modifier.isPublic(load(name).getModifiers()));
            }
        }
    }

    @Test
    public void exceptions_extendTheSameSupertypesAsTheRealOnes() {
        Map<String, Class<?>> supertypes = new LinkedHashMap<>();
        supertypes.put("com.atlassian.confluence.macro.MacroExecutionException", Exception.class);
        supertypes.put("com.atlassian.scheduler.SchedulerServiceException", Exception.class);
        supertypes.put("com.atlassian.scheduler.SchedulerRuntimeException", RuntimeException.class);
        supertypes.put("com.atlassian.mail.MailException", Exception.class);
        supertypes.put("com.atlassian.sal.api.websudo.WebSudoSessionException", RuntimeException.class);
        supertypes.put("com.atlassian.templaterenderer.RenderingException", RuntimeException.class);
        for (Map.Entry<String, Class<?>> expected : supertypes.entrySet()) {
            assertEquals(expected.getKey(), expected.getValue(), load(expected.getKey()).getSuperclass());
        }
    }

    @Test
    public void exceptions_haveExactlyTheConstructorsOfTheRealOnes() {
        Map<String, Set<String>> constructors = new LinkedHashMap<>();
        constructors.put("com.atlassian.confluence.macro.MacroExecutionException",
                set("()", "(String)", "(String,Throwable)", "(Throwable)"));
        constructors.put("com.atlassian.scheduler.SchedulerServiceException", set("(String)", "(String,Throwable)"));
        constructors.put("com.atlassian.scheduler.SchedulerRuntimeException", set("(String)", "(String,Throwable)"));
        constructors.put("com.atlassian.mail.MailException",
                set("()", "(String)", "(Throwable)", "(String,Throwable)"));
        constructors.put("com.atlassian.sal.api.websudo.WebSudoSessionException",
                set("()", "(String)", "(String,Throwable)"));
        constructors.put("com.atlassian.templaterenderer.RenderingException",
                set("(String)", "(Throwable)", "(String,Throwable)"));
        for (Map.Entry<String, Set<String>> expected : constructors.entrySet()) {
            Set<String> actual = Arrays.stream(load(expected.getKey()).getConstructors())
                    .map(constructor -> Arrays.stream(constructor.getParameterTypes())
                            .map(Class::getSimpleName)
                            .collect(Collectors.joining(",", "(", ")")))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected.getKey(), expected.getValue(), actual);
        }
    }

    @Test
    public void scannerAnnotations_haveTheRealRetentionAndTargets() {
        assertAnnotation(ComponentImport.class,
                EnumSet.of(ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD));
        assertAnnotation(ConfluenceImport.class, EnumSet.of(ElementType.PARAMETER, ElementType.FIELD));
        assertAnnotation(load("com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService"),
                EnumSet.of(ElementType.TYPE, ElementType.FIELD));
        assertAnnotation(ConfluenceComponent.class,
                EnumSet.of(ElementType.TYPE, ElementType.PARAMETER, ElementType.FIELD));
        assertAnnotation(OnlyInProduct.class, EnumSet.of(ElementType.ANNOTATION_TYPE));
    }

    @Test
    public void serviceProperty_hasNoRetentionOrTarget_likeTheRealOne() {
        Class<?> serviceProperty = load("com.atlassian.plugin.spring.scanner.annotation.export.ServiceProperty");
        assertNull(serviceProperty.getAnnotation(Retention.class));
        assertNull(serviceProperty.getAnnotation(Target.class));
    }

    @Test
    public void confluenceVariants_carryTheirMetaAnnotations() {
        assertNotNull("ConfluenceImport must be a ComponentImport",
                ConfluenceImport.class.getAnnotation(ComponentImport.class));
        assertEquals(ProductFilter.CONFLUENCE, ConfluenceImport.class.getAnnotation(OnlyInProduct.class).value());
        assertEquals(ProductFilter.CONFLUENCE, ConfluenceComponent.class.getAnnotation(OnlyInProduct.class).value());
    }

    @Test
    public void enums_haveTheConstantsOfTheRealOnes() {
        Map<String, List<String>> constants = new LinkedHashMap<>();
        constants.put("com.atlassian.confluence.macro.Macro$BodyType", list("PLAIN_TEXT", "RICH_TEXT", "NONE"));
        constants.put("com.atlassian.confluence.macro.Macro$OutputType", list("INLINE", "BLOCK"));
        constants.put("com.atlassian.scheduler.config.RunMode", list("RUN_ONCE_PER_CLUSTER", "RUN_LOCALLY"));
        constants.put("com.atlassian.scheduler.config.Schedule$Type", list("CRON_EXPRESSION", "INTERVAL"));
        constants.put("com.atlassian.scheduler.status.RunOutcome", list("SUCCESS", "UNAVAILABLE", "ABORTED", "FAILED"));
        constants.put("com.atlassian.sal.api.UrlMode",
                list("CANONICAL", "ABSOLUTE", "RELATIVE", "RELATIVE_CANONICAL", "AUTO"));
        constants.put("com.atlassian.sal.api.user.UserRole", list("USER", "ADMIN", "SYSADMIN"));
        constants.put("com.atlassian.plugin.spring.scanner.ProductFilter",
                list("ALL", "JIRA", "CONFLUENCE", "BAMBOO", "BITBUCKET", "STASH", "CROWD", "FECRU", "REFAPP"));
        for (Map.Entry<String, List<String>> expected : constants.entrySet()) {
            List<String> actual = Arrays.stream(load(expected.getKey()).getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name())
                    .collect(Collectors.toList());
            assertEquals(expected.getKey(), expected.getValue(), actual);
        }
    }

    @Test
    public void smtpServer_isAMailServer_andPortIsAString() throws NoSuchMethodException {
        Class<?> smtp = load("com.atlassian.mail.server.SMTPMailServer");
        assertTrue(load("com.atlassian.mail.server.MailServer").isAssignableFrom(smtp));
        assertEquals(String.class, smtp.getMethod("getPort").getReturnType());
    }

    /**
     * Every public or protected member of every recorded type, as {@code toGenericString()} prints
     * it, must equal the reviewed listing in {@code declared-members.txt}: a changed return type,
     * parameter, generic or throws clause fails here.
     */
    @Test
    public void declaredMembers_matchTheReviewedListing() throws IOException {
        Set<String> expected = new TreeSet<>(readListing());
        Set<String> actual = new TreeSet<>();
        for (String name : KINDS.keySet()) {
            actual.addAll(describeMembers(load(name)));
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(actual);
        Set<String> unexpected = new TreeSet<>(actual);
        unexpected.removeAll(expected);
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            fail("Declared members differ from declared-members.txt (re-check against the real API first).\n"
                    + "Missing:\n  " + String.join("\n  ", missing) + "\nUnexpected:\n  "
                    + String.join("\n  ", unexpected));
        }
    }

    private static List<String> describeMembers(Class<?> type) {
        List<Member> members = new ArrayList<>();
        members.addAll(Arrays.asList(type.getDeclaredConstructors()));
        members.addAll(Arrays.asList(type.getDeclaredMethods()));
        members.addAll(Arrays.asList(type.getDeclaredFields()));
        List<String> lines = new ArrayList<>();
        for (Member member : members) {
            int modifiers = member.getModifiers();
            if (member.isSynthetic() || !(Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers))) {
                continue;
            }
            if (type.isEnum() && isImplicitEnumMember(member)) {
                continue; // constants are checked by enums_haveTheConstantsOfTheRealOnes
            }
            // The declaring class is already the line's prefix: drop it from the member's own name.
            lines.add(type.getName() + " | " + genericString(member).replace(" " + type.getName() + ".", " "));
        }
        return lines;
    }

    private static boolean isImplicitEnumMember(Member member) {
        return member instanceof Field && ((Field) member).isEnumConstant()
                || member instanceof Method && (member.getName().equals("values") || member.getName().equals("valueOf"));
    }

    private static String genericString(Member member) {
        if (member instanceof Method) {
            return ((Method) member).toGenericString();
        }
        if (member instanceof Constructor) {
            return ((Constructor<?>) member).toGenericString();
        }
        return ((Field) member).toGenericString();
    }

    private static List<String> readListing() throws IOException {
        try (InputStream in = HostApiShapeTest.class.getResourceAsStream("declared-members.txt")) {
            assertNotNull("declared-members.txt is missing", in);
            return Arrays.stream(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"))
                    .map(String::trim)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toList());
        }
    }

    private static void assertAnnotation(Class<?> annotation, Set<ElementType> targets) {
        Retention retention = annotation.getAnnotation(Retention.class);
        assertNotNull(annotation.getName() + " needs @Retention", retention);
        assertEquals(annotation.getName(), RetentionPolicy.RUNTIME, retention.value());
        Target target = annotation.getAnnotation(Target.class);
        assertNotNull(annotation.getName() + " needs @Target", target);
        assertEquals(annotation.getName(), targets,
                target.value().length == 0 ? EnumSet.noneOf(ElementType.class) : EnumSet.copyOf(Arrays.asList(target.value())));
    }

    private static Kind kindOf(Class<?> type) {
        if (type.isAnnotation()) {
            return Kind.ANNOTATION;
        }
        if (type.isInterface()) {
            return Kind.INTERFACE;
        }
        if (type.isEnum()) {
            return Kind.ENUM;
        }
        if (Modifier.isFinal(type.getModifiers())) {
            return Kind.FINAL_CLASS;
        }
        return Modifier.isAbstract(type.getModifiers()) ? Kind.ABSTRACT_CLASS : Kind.CLASS;
    }

    private static List<String> classesInModule() throws IOException {
        Path root;
        try {
            root = Paths.get(Macro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".class"))
                    .map(file -> root.relativize(file).toString())
                    .map(relative -> relative.substring(0, relative.length() - ".class".length())
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .filter(name -> !name.endsWith("package-info"))
                    .sorted()
                    .collect(Collectors.toList());
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, HostApiShapeTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError("Recorded type is missing from host-api: " + name, e);
        }
    }

    private static Set<String> set(String... values) {
        return new TreeSet<>(Arrays.asList(values));
    }

    private static List<String> list(String... values) {
        return Arrays.asList(values);
    }
}
