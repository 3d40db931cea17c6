package com.sqltables.confluence.report;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.testing.PropertiesI18nResolver;
import com.sqltables.confluence.usage.event.UsageCounter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.Test;

/**
 * docs/USAGE-REPORT.md lists every usage counter with the meaning the privacy page gives it, word for word,
 * so an administrator reading either learns the same, and a new or renamed counter cannot be left out.
 */
public class UsageReportDocTest {
    private static final Path DOC = Paths.get("..", "docs", "USAGE-REPORT.md");
    private static final Pattern COUNTER_ROW = Pattern.compile("^\\| `(features\\.[^`]+)` \\|", Pattern.MULTILINE);

    @Test
    public void doc_listsEveryCounter_withThePrivacyPagesMeaning() throws IOException {
        String doc = read();
        PropertiesI18nResolver texts = new PropertiesI18nResolver();
        for (UsageCounter counter : UsageCounter.values()) {
            String path = "features." + counter.key();
            // The doc is Markdown, not a MessageFormat text: it writes the typographic apostrophe plainly.
            String meaning = texts.getText(UsageReportFields.TEXT_PREFIX + path).replace('\u2019', '\'');
            String row = "| `" + path + "` | " + meaning + " |";
            assertTrue(DOC + " lacks the row\n" + row, doc.contains(row + "\n"));
        }
    }

    @Test
    public void doc_listsNoCounterThatDoesNotExist() throws IOException {
        Set<String> documented = new TreeSet<>();
        Matcher rows = COUNTER_ROW.matcher(read());
        while (rows.find()) {
            documented.add(rows.group(1));
        }
        Set<String> counters = Arrays.stream(UsageCounter.values()).map(c -> "features." + c.key())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals("counter rows of " + DOC, counters, documented);
    }

    private static String read() throws IOException {
        return new String(Files.readAllBytes(DOC), StandardCharsets.UTF_8).replace("\r\n", "\n");
    }
}
