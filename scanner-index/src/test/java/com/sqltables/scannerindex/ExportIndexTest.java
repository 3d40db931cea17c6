package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.sqltables.scannerindex.ScannerSources.DEV_EXPORTS;
import static com.sqltables.scannerindex.ScannerSources.EXPORTS;
import static com.sqltables.scannerindex.ScannerSources.compile;
import static com.sqltables.scannerindex.ScannerSources.indexFile;
import static com.sqltables.scannerindex.ScannerSources.source;

import java.util.Optional;

import javax.tools.JavaFileObject;

import org.junit.Test;

import com.google.testing.compile.Compilation;

public class ExportIndexTest {

    private static final JavaFileObject API = source("com.example.api.Api",
            "public final class Api {",
            "    public interface First {}",
            "    public interface Second {}",
            "    public interface Third<T> {}",
            "}");

    @Test
    public void exportWithInterfaces_listsThemInDeclaredOrder() {
        Compilation compilation = compile(API, source("com.example.Impl",
                "import com.example.api.Api;",
                "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService({Api.Second.class, Api.First.class})",
                "@javax.inject.Named",
                "public class Impl implements Api.First, Api.Second {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, EXPORTS)).hasValue(
                "com.example.Impl#com.example.api.Api$Second,com.example.api.Api$First\n");
    }

    @Test
    public void exportWithoutValue_listsTheDirectlyImplementedInterfaces() {
        Compilation compilation = compile(API,
                source("com.example.Base", "public class Base implements com.example.api.Api.Third<String> {}"),
                source("com.example.Impl",
                        "import com.example.api.Api;",
                        "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService",
                        "@javax.inject.Named",
                        "public class Impl extends Base implements Api.Second, Api.First {}"));

        assertThat(compilation).succeededWithoutWarnings();
        // Like the runtime's Class.getInterfaces(): the superclass's Third is not among them.
        assertThat(indexFile(compilation, EXPORTS)).hasValue(
                "com.example.Impl#com.example.api.Api$Second,com.example.api.Api$First\n");
    }

    @Test
    public void exportWithoutValueOfAClassWithoutInterfaces_listsTheClassAlone() {
        Compilation compilation = compile(source("com.example.Lonely",
                "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService",
                "@javax.inject.Named",
                "public class Lonely {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, EXPORTS)).hasValue("com.example.Lonely\n");
    }

    @Test
    public void exportOfAGenericInterface_listsItsErasure() {
        Compilation compilation = compile(API, source("com.example.Impl",
                "import com.example.api.Api;",
                "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsService(Api.Third.class)",
                "@javax.inject.Named",
                "public class Impl implements Api.Third<Integer> {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, EXPORTS)).hasValue("com.example.Impl#com.example.api.Api$Third\n");
    }

    @Test
    public void exportAsDevService_goesToTheDevExportsFile() {
        Compilation compilation = compile(API, source("com.example.Probe",
                "@com.atlassian.plugin.spring.scanner.annotation.export.ExportAsDevService(com.example.api.Api.First.class)",
                "@javax.inject.Named",
                "public class Probe implements com.example.api.Api.First {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, EXPORTS)).hasValue("");
        assertThat(indexFile(compilation, DEV_EXPORTS)).hasValue("com.example.Probe#com.example.api.Api$First\n");
    }

    @Test
    public void noExports_writesAnEmptyExportsFileAndNoDevExportsFile() {
        Compilation compilation = compile(source("com.example.Plain", "@javax.inject.Named public class Plain {}"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(indexFile(compilation, EXPORTS)).hasValue("");
        assertThat(indexFile(compilation, DEV_EXPORTS)).isEqualTo(Optional.empty());
    }
}
