package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.sqltables.scannerindex.ScannerSources.COMPONENT;
import static com.sqltables.scannerindex.ScannerSources.compile;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import javax.tools.JavaFileObject;

import org.junit.Test;

import com.google.testing.compile.Compilation;

/** Misuse that Spring Scanner's runtime would reject, or silently get wrong, fails the compilation. */
public class MisuseErrorTest {

    private static final JavaFileObject USER_MANAGER = source("com.atlassian.sal.api.user.UserManager",
            "public interface UserManager {}");

    @Test
    public void importOnConstructorParameterOfANonComponent_isAnError() {
        JavaFileObject macro = source("com.example.SqlMacro",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "public class SqlMacro {",
                "    public SqlMacro(@ComponentImport com.atlassian.sal.api.user.UserManager users) {}",
                "}");

        Compilation compilation = compile(USER_MANAGER, macro);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@ComponentImport on constructor parameter users of"
                + " com.example.SqlMacro, which is not a component").inFile(macro).onLineContaining("users)");
    }

    @Test
    public void importOnMethodParameter_isAnError() {
        JavaFileObject setter = source("com.example.Setter",
                "import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;",
                "@javax.inject.Named",
                "public class Setter {",
                "    @javax.inject.Inject",
                "    public void setUsers(@ComponentImport com.atlassian.sal.api.user.UserManager users) {}",
                "}");

        Compilation compilation = compile(USER_MANAGER, setter);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("constructor parameters and fields only")
                .inFile(setter).onLineContaining("setUsers");
    }

    @Test
    public void importOfAPrimitive_isAnError() {
        JavaFileObject holder = source("com.example.Holder",
                "public class Holder {",
                "    @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport int count;",
                "}");

        Compilation compilation = compile(holder);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("only a class or interface type can be indexed")
                .inFile(holder).onLineContaining("int count");
    }

    @Test
    public void abstractComponent_isAnError() {
        JavaFileObject base = source("com.example.Base", "@javax.inject.Named public abstract class Base {}");

        Compilation compilation = compile(base);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@Named class com.example.Base is abstract")
                .inFile(base).onLine(2);
    }

    @Test
    public void interfaceComponent_isAnError() {
        JavaFileObject api = source("com.example.Api", "@javax.inject.Named public interface Api {}");

        Compilation compilation = compile(api);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@Named class com.example.Api must be a class, not interface")
                .inFile(api).onLine(2);
    }

    @Test
    public void enumComponent_isAnError() {
        JavaFileObject mode = source("com.example.Mode",
                "@org.springframework.stereotype.Component public enum Mode { ON }");

        Compilation compilation = compile(mode);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("must be a class, not enum").inFile(mode).onLine(2);
    }

    @Test
    public void packagePrivateComponent_isAnError() {
        JavaFileObject hidden = source("com.example.Hidden", "@javax.inject.Named class Hidden {}");

        Compilation compilation = compile(hidden);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.example.Hidden must be public").inFile(hidden).onLine(2);
    }

    @Test
    public void innerNonStaticComponent_isAnError() {
        JavaFileObject outer = source("com.example.Outer",
                "public class Outer {",
                "    @javax.inject.Named public class Inner {}",
                "}");

        Compilation compilation = compile(outer);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.example.Outer.Inner is an inner class: make it static")
                .inFile(outer).onLineContaining("class Inner");
    }

    @Test
    public void componentWithSeveralConstructorsAndNoneChosen_isAnError() {
        JavaFileObject ambiguous = source("com.example.Ambiguous",
                "@javax.inject.Named",
                "public class Ambiguous {",
                "    public Ambiguous(String a) {}",
                "    public Ambiguous(Integer b) {}",
                "}");

        Compilation compilation = compile(ambiguous);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("has no usable constructor: it has 2 constructors,"
                + " none marked @Inject and none without parameters").inFile(ambiguous).onLineContaining("public class");
    }

    @Test
    public void componentWithTwoInjectConstructors_isAnError() {
        JavaFileObject doubled = source("com.example.Doubled",
                "@javax.inject.Named",
                "public class Doubled {",
                "    @javax.inject.Inject public Doubled(String a) {}",
                "    @org.springframework.beans.factory.annotation.Autowired public Doubled(Integer b) {}",
                "}");

        Compilation compilation = compile(doubled);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("has 2 constructors marked @Inject or @Autowired")
                .inFile(doubled).onLineContaining("public class");
    }

    @Test
    public void abstractClasspathComponent_isReportedOnTheParameter() {
        JavaFileObject user = source("com.example.User",
                "@javax.inject.Named",
                "public class User {",
                "    public User(@com.atlassian.plugin.spring.scanner.annotation.component.ClasspathComponent",
                "            com.example.lib.Shape shape) {}",
                "}");

        Compilation compilation = compile(source("com.example.lib.Shape", "public abstract class Shape {}"), user);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@ClasspathComponent class com.example.lib.Shape is abstract")
                .inFile(user).onLineContaining("Shape shape");
    }

    @Test
    public void serviceStereotypeAlone_isAnError() {
        JavaFileObject service = source("com.example.Svc",
                "@org.springframework.stereotype.Service public class Svc {}");

        Compilation compilation = compile(service);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@Service alone does not put com.example.Svc into the Spring"
                + " Scanner index").inFile(service).onLine(2);
    }

    @Test
    public void serviceStereotypeNextToNamed_isIndexedThroughNamed() {
        Compilation compilation = compile(source("com.example.Svc",
                "@org.springframework.stereotype.Service @javax.inject.Named public class Svc {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, COMPONENT)).hasValue("com.example.Svc\n");
    }

    @Test
    public void profile_isAnError() {
        JavaFileObject profiled = source("com.example.Profiled",
                "@com.atlassian.plugin.spring.scanner.annotation.Profile(\"dev\")",
                "@javax.inject.Named",
                "public class Profiled {}");

        Compilation compilation = compile(profiled);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("@Profile is not supported").inFile(profiled).onLineContaining("public class");
    }

    @Test
    public void exportOfANonComponent_isAnError() {
        JavaFileObject exported = source("com.example.Exported",
                "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService(Runnable.class)",
                "public class Exported implements Runnable { public void run() {} }");

        Compilation compilation = compile(exported);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.example.Exported is exported as an OSGi service but is not"
                + " a component").inFile(exported).onLineContaining("public class");
    }

    @Test
    public void exportUnderAnInterfaceTheClassDoesNotImplement_isAnError() {
        JavaFileObject exported = source("com.example.Exported",
                "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService(Runnable.class)",
                "@javax.inject.Named",
                "public class Exported {}");

        Compilation compilation = compile(exported);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("com.example.Exported does not implement java.lang.Runnable")
                .inFile(exported).onLineContaining("public class");
    }

    @Test
    public void exportOnAField_isAnError() {
        JavaFileObject holder = source("com.example.Holder",
                "@javax.inject.Named",
                "public class Holder {",
                "    @com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService Runnable task;",
                "}");

        Compilation compilation = compile(holder);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("only supported on the component class")
                .inFile(holder).onLineContaining("Runnable task");
    }

    @Test
    public void beanNameWithHash_isAnError() {
        JavaFileObject hashed = source("com.example.Hashed", "@javax.inject.Named(\"a#b\") public class Hashed {}");

        Compilation compilation = compile(hashed);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("bean name \"a#b\" in @Named contains '#'").inFile(hashed).onLine(2);
    }

    @Test
    public void blankImportName_isAnError() {
        JavaFileObject holder = source("com.example.Holder",
                "public class Holder {",
                "    @com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport(\" \") Runnable task;",
                "}");

        Compilation compilation = compile(holder);

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("bean name \" \" in @ComponentImport is blank")
                .inFile(holder).onLineContaining("Runnable task");
    }
}
