package com.sqltables.confluence.sql;

import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.parser.Token;

/**
 * Turns JSqlParser's failures into short messages. Its own messages repeat the SQL and list every
 * token it expected, which is neither readable nor safe to show.
 */
final class ParseFailures {
    private static final Pattern LINE_COLUMN = Pattern.compile("line (\\d+), column (\\d+)");
    private static final String ALLOWED = " Only a single SELECT (with WITH, UNION, VALUES) may run.";

    private ParseFailures() {
    }

    static String describe(JSQLParserException failure, long timeoutMillis) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof InterruptedException) {
                return "The SQL took too long to check (over " + timeoutMillis + " ms); simplify it.";
            }
            if (t instanceof ParseException && ((ParseException) t).currentToken != null) {
                Token next = ((ParseException) t).currentToken.next;
                if (next != null && next.image != null && !next.image.isEmpty()) {
                    return "The SQL could not be read: unexpected " + SqlText.excerpt(next.image) + " at line "
                            + next.beginLine + ", column " + next.beginColumn + "." + ALLOWED;
                }
                if (next != null) {
                    return "The SQL could not be read: it ends too early." + ALLOWED;
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : LINE_COLUMN.matcher(t.getMessage());
            if (m != null && m.find()) {
                return "The SQL could not be read near " + m.group() + "." + ALLOWED;
            }
        }
        return "The SQL could not be read." + ALLOWED;
    }
}
