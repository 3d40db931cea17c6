package com.sqltables.confluence.macro.render;

import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import org.owasp.encoder.Encode;
import org.owasp.encoder.Encoder;
import org.owasp.encoder.Encoders;

/**
 * Appends text HTML-escaped exactly as {@link Encode#forHtml(String)} would, into a buffer, reusing its
 * work buffers from call to call. One instance per table render; not thread-safe.
 *
 * <p>Why: for every string that needs escaping, {@code Encode.forHtml} allocates two fresh char buffers
 * (1,024 + 2,048 chars, 6 KB zeroed) and then a String. In a table where a fifth of the text cells hold
 * a {@code &}, {@code <} or a quote, that was tens of megabytes per 10,000 rows and the largest single
 * cost of a render (JFR profile, issue #4). Text with nothing to escape (printable ASCII without
 * {@code & < > " '}) is appended as it is; everything else goes through the OWASP encoder itself, the
 * same {@link Encoders#HTML} encoder {@code forHtml} uses, so the escaping rules stay the library's.
 * HtmlEscaperTest compares the output with {@code Encode.forHtml} on a corpus and on random text,
 * across buffer boundaries and surrogate pairs.
 */
public final class HtmlEscaper {
    private static final Encoder HTML = Encoders.forName(Encoders.HTML);
    private static final int INPUT_CHARS = 1024;
    /** The HTML encoder writes at most 6 chars ({@code &#39;}) per input char, or 1:1 outside ASCII. */
    private static final int OUTPUT_CHARS = 8 * INPUT_CHARS;

    private CharBuffer input;
    private CharBuffer output;

    /** Appends {@code text} escaped for HTML text and attribute values; {@code null} as {@code null}, as forHtml. */
    public void append(StringBuilder out, String text) {
        String value = text == null ? "null" : text;
        int length = value.length();
        int plain = 0;
        while (plain < length && isPlain(value.charAt(plain))) {
            plain++;
        }
        if (plain == length) {
            out.append(value);
            return;
        }
        out.append(value, 0, plain);
        encode(out, value, plain);
    }

    private static boolean isPlain(char c) {
        return c >= 0x20 && c <= 0x7e && c != '&' && c != '<' && c != '>' && c != '"' && c != '\'';
    }

    private void encode(StringBuilder out, String value, int from) {
        if (input == null) {
            input = CharBuffer.allocate(INPUT_CHARS);
            output = CharBuffer.allocate(OUTPUT_CHARS);
        }
        input.clear();
        output.clear();
        int next = from;
        int length = value.length();
        while (true) {
            // Fill the input after what a previous round left in it (a high surrogate waiting for its pair).
            int room = input.remaining();
            int take = Math.min(room, length - next);
            value.getChars(next, next + take, input.array(), input.arrayOffset() + input.position());
            input.position(input.position() + take);
            next += take;
            boolean last = next == length;
            input.flip();
            CoderResult result;
            do {
                result = HTML.encode(input, output, last);
                drain(out);
            } while (result.isOverflow());
            if (last) {
                return;
            }
            input.compact();
        }
    }

    private void drain(StringBuilder out) {
        output.flip();
        out.append(output.array(), output.arrayOffset() + output.position(), output.remaining());
        output.clear();
    }
}
