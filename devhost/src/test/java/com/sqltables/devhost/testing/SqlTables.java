package com.sqltables.devhost.testing;

import com.sqltables.devhost.DevHostOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.Assert.fail;

/** Storage format with {@code sql-table} macros, and what their rendered tables contain. */
public final class SqlTables {
    private static final Pattern CELL = Pattern.compile("<td(?:\\s[^>]*)?>(.*?)</td>", Pattern.DOTALL);
    private static final Pattern HEADER = Pattern.compile("<th(?:\\s[^>]*)?>(.*?)</th>", Pattern.DOTALL);

    private SqlTables() {
    }

    /** The built plugin jar from {@code plugin/target}; fails the test when it was not built. */
    public static Path pluginJar() {
        Path jar = DevHostOptions.parse().pluginJar().orElse(null);
        if (jar == null) {
            fail("No plugin/target/sql-tables-plugin-*.jar: build the plugin first (mvn -pl plugin package)");
        }
        return jar;
    }

    /** A {@code sql-table} macro with inline SQL; parameters as name, value, name, value, … */
    public static String inline(String sql, String... parameters) {
        StringBuilder m = new StringBuilder("<ac:structured-macro ac:name=\"sql-table\" ac:schema-version=\"1\">");
        for (int i = 0; i < parameters.length; i += 2) {
            m.append("<ac:parameter ac:name=\"").append(parameters[i]).append("\">").append(xml(parameters[i + 1]))
                    .append("</ac:parameter>");
        }
        return m.append("<ac:plain-text-body><![CDATA[").append(sql).append("]]></ac:plain-text-body></ac:structured-macro>")
                .toString();
    }

    /** The HTML of each {@code table} of the view (not nested), in document order. */
    public static List<String> tables(String html) {
        List<String> result = new ArrayList<>();
        int from = 0;
        while (true) {
            int start = html.indexOf("<table", from);
            if (start < 0) {
                return result;
            }
            int end = html.indexOf("</table>", start);
            result.add(html.substring(start, end + "</table>".length()));
            from = end;
        }
    }

    /** The inner HTML of every {@code td} of the view, in document order. */
    public static List<String> cells(String html) {
        return all(CELL, html);
    }

    /** The inner HTML of every {@code th} of the view, in document order. */
    public static List<String> headers(String html) {
        return all(HEADER, html);
    }

    private static List<String> all(Pattern pattern, String html) {
        List<String> result = new ArrayList<>();
        Matcher m = pattern.matcher(html);
        while (m.find()) {
            result.add(m.group(1).trim());
        }
        return result;
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
