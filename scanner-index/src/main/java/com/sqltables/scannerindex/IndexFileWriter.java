package com.sqltables.scannerindex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes the index files into the class output, one UTF-8 line per entry, each ended by a newline. */
final class IndexFileWriter {

    private final Filer filer;
    private final Diagnostics diagnostics;

    IndexFileWriter(Filer filer, Diagnostics diagnostics) {
        this.filer = filer;
        this.diagnostics = diagnostics;
    }

    void write(SortedMap<String, SortedSet<String>> files) {
        for (String path : IndexModel.allKnownPaths()) {
            // A product file this build no longer needs may remain from an earlier build: empty it.
            if (!files.containsKey(path) && hasContent(path)) {
                files.put(path, new TreeSet<>());
            }
        }
        for (Map.Entry<String, SortedSet<String>> file : files.entrySet()) {
            writeFile(file.getKey(), file.getValue());
        }
    }

    private void writeFile(String path, SortedSet<String> lines) {
        StringBuilder text = new StringBuilder();
        for (String line : lines) {
            text.append(line).append('\n');
        }
        try {
            FileObject resource = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path);
            try (OutputStream out = resource.openOutputStream()) {
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException | RuntimeException e) {
            diagnostics.error(null, "could not write " + path + ": " + e);
        }
    }

    private boolean hasContent(String path) {
        try (InputStream in = filer.getResource(StandardLocation.CLASS_OUTPUT, "", path).openInputStream()) {
            return in.read() >= 0;
        } catch (IOException | RuntimeException e) {
            // Absent, or a file manager that cannot read its output: nothing stale to replace.
            return false;
        }
    }
}
