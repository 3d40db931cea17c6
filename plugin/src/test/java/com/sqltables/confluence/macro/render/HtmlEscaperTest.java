package com.sqltables.confluence.macro.render;

import static org.junit.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.Test;
import org.owasp.encoder.Encode;

/** {@link HtmlEscaper} must write exactly what {@link Encode#forHtml(String)} returns, whatever the text. */
public class HtmlEscaperTest {
    private static final String[] CORPUS = {"", "plain", "Smith & Sons <GmbH> \"1\"", "it's", "<script>alert(1)</script>",
            "\"><img src=x onerror=alert(1)>", "tab\there", "line\nbreak\r\n", "nul\u0000byte", "bell\u0007",
            "del\u007f", "c1\u0085\u009f", "Grüße, 日本語, emoji \uD83D\uDE00", "lone high \uD800 end", "lone low \uDC00",
            "\uD800", "\uDC00x", "bom\uFEFF", "nonchar\uFFFE\uFFFF", "line sep\u2028para\u2029", "&amp;", "'\"'\"",
            "`backtick` =equals", "{{template}}", "null"};

    @Test
    public void corpus_matchesForHtml() {
        HtmlEscaper escaper = new HtmlEscaper();
        for (String text : CORPUS) {
            assertEquals(text, Encode.forHtml(text), write(escaper, text));
        }
    }

    @Test
    public void null_isWrittenAsForHtmlWritesIt() {
        assertEquals(Encode.forHtml(null), write(new HtmlEscaper(), null));
    }

    @Test
    public void longText_acrossBufferBoundaries_matchesForHtml() {
        HtmlEscaper escaper = new HtmlEscaper();
        for (int length : new int[] {1022, 1023, 1024, 1025, 2047, 2048, 2049, 5000, 70_000}) {
            for (String unit : new String[] {"a", "&", "'", "\uD83D\uDE00", "é", "<>\"", "\u0001"}) {
                StringBuilder text = new StringBuilder("x");
                while (text.length() < length) {
                    text.append(unit);
                }
                String value = text.toString();
                assertEquals(length + " × " + unit, Encode.forHtml(value), write(escaper, value));
                // A surrogate pair split by the input buffer's end must survive.
                String shifted = "yy" + value;
                assertEquals(Encode.forHtml(shifted), write(escaper, shifted));
            }
        }
    }

    @Test
    public void randomText_matchesForHtml() {
        Random random = new Random(42);
        HtmlEscaper escaper = new HtmlEscaper();
        char[] alphabet = "aZ09 &<>\"'\t\n\r\u0000\u001f\u007f\u0080\u00e9\u20ac\uD83D\uDE00\uD800\uDC00\uFFFE\uFFFF".toCharArray();
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            char[] text = new char[random.nextInt(i % 100 == 0 ? 4000 : 40)];
            for (int j = 0; j < text.length; j++) {
                text[j] = random.nextInt(3) == 0 ? (char) random.nextInt(0x10000) : alphabet[random.nextInt(alphabet.length)];
            }
            String value = new String(text);
            String expected = Encode.forHtml(value);
            String actual = write(escaper, value);
            if (!expected.equals(actual) && mismatches.size() < 3) {
                mismatches.add(value + " -> " + actual + " instead of " + expected);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    public void append_keepsWhatTheBufferHolds() {
        StringBuilder out = new StringBuilder("<td>");
        new HtmlEscaper().append(out, "a<b");
        assertEquals("<td>a&lt;b", out.toString());
    }

    private static String write(HtmlEscaper escaper, String text) {
        StringBuilder out = new StringBuilder();
        escaper.append(out, text);
        return out.toString();
    }
}
