package com.sqltables.confluence.i18n;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.macro.MacroParameterException;
import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.SqlRejectedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.Test;

/**
 * Keys that the code puts together from a prefix and a suffix (macro parameter problems, parameter
 * value problems, query failures, reasons for refused SQL) exist in the i18n file. PluginBundleIT checks the descriptor's keys
 * only, and a missing key would show the reader the bare key.
 */
public class I18nKeysInCodeTest {
    private static final Path MAIN = Paths.get("src/main/java/com/sqltables/confluence");
    private static final Pattern MACRO_PROBLEM = Pattern.compile("new MacroParameterException\\(\\s*[^,()]+,\\s*\"([a-z.]+)\"");
    private static final Pattern VALUE_PROBLEM = Pattern.compile("ParameterException\\.KEY_PREFIX \\+ \"([a-z.]+)\"");
    /** SqlRejectedException.reason("…") and the lexer's unterminated-literal keys, handed on as plain strings. */
    private static final Pattern SQL_REFUSAL = Pattern.compile("(?<![A-Za-z])reason\\(\\s*\"([a-z.]+)\"");
    private static final Pattern SQL_UNTERMINATED = Pattern.compile("\"(unterminated\\.[a-z.]+)\"");
    private static final Pattern FAILURE = Pattern.compile("(?<![A-Za-z])(?:Failures\\.)?text\\(\"([a-z.]+)\"");

    @Test
    public void keysBuiltInCode_allExist() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = I18nKeysInCodeTest.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            texts.load(in);
        }
        Set<String> macro = find(MAIN, MACRO_PROBLEM, MacroParameterException.KEY_PREFIX);
        Set<String> values = find(MAIN, VALUE_PROBLEM, ParameterException.KEY_PREFIX);
        // Failures.text builds the query failures' keys; only that package uses it.
        Set<String> failures = find(MAIN.resolve("query/execution"), FAILURE, "com.sqltables.confluence.query.failure.");
        // Guards against a pattern that no longer matches the code and so checks nothing.
        assertTrue(macro.toString(), macro.size() >= 20);
        assertTrue(values.toString(), values.size() >= 4);
        assertTrue(failures.toString(), failures.size() >= 15);
        Set<String> used = new TreeSet<>();
        used.addAll(macro);
        used.addAll(values);
        used.addAll(failures);
        used.add(MacroParameterException.KEY_PREFIX + "error");
        used.add(ParameterException.KEY_PREFIX + "error");
        used.add("com.sqltables.confluence.query.connected");
        for (ParameterType type : ParameterType.values()) {
            used.add(type.phrase().getKey());
        }
        List<String> missing = new ArrayList<>();
        for (String key : used) {
            if (texts.getProperty(key) == null) {
                missing.add(key);
            }
        }
        assertEquals("keys used in code but missing from sql-tables.properties", List.of(), missing);
    }

    @Test
    public void sqlRefusalKeys_builtInCode_areExactlyTheKeysOfTheFile() throws IOException {
        Properties texts = new Properties();
        try (InputStream in = I18nKeysInCodeTest.class.getResourceAsStream("/i18n/sql-tables.properties")) {
            texts.load(in);
        }
        Set<String> used = find(MAIN.resolve("sql"), SQL_REFUSAL, SqlRejectedException.KEY_PREFIX);
        Set<String> unterminated = find(MAIN.resolve("sql"), SQL_UNTERMINATED, SqlRejectedException.KEY_PREFIX);
        // Guards against a pattern that no longer matches the code and so checks nothing.
        assertTrue(used.toString(), used.size() >= 30);
        assertTrue(unterminated.toString(), unterminated.size() >= 4);
        used.addAll(unterminated);
        Set<String> inFile = texts.stringPropertyNames().stream()
                .filter(key -> key.startsWith(SqlRejectedException.KEY_PREFIX))
                .collect(Collectors.toCollection(TreeSet::new));
        // Missing: the reader would see a bare key. Extra: a text nobody shows, still translated.
        assertEquals("reasons for refused SQL in code vs. in sql-tables.properties", inFile, used);
    }

    @Test
    public void english_nestedText_isWordedInside() {
        I18nText problem = I18nText.of(ParameterException.KEY_PREFIX + "invalid", ParameterType.DATE.phrase(), "'x'");
        assertEquals("Parameter 'd' must be a date such as 2026-11-30 (was 'x').",
                I18nText.of(ParameterException.KEY_PREFIX + "error", "d", problem).english());
    }

    private static Set<String> find(Path directory, Pattern pattern, String prefix) throws IOException {
        Set<String> keys = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(directory)) {
            sources = files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList());
        }
        for (Path source : sources) {
            Matcher m = pattern.matcher(new String(Files.readAllBytes(source), StandardCharsets.UTF_8));
            while (m.find()) {
                keys.add(prefix + m.group(1));
            }
        }
        return keys;
    }
}
