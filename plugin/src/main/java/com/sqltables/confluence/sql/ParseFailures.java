package com.sqltables.confluence.sql;

import static com.sqltables.confluence.sql.SqlRejectedException.reason;

import com.sqltables.confluence.I18nText;
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

    private ParseFailures() {
    }

    static I18nText describe(JSQLParserException failure, long timeoutMillis) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof InterruptedException) {
                return reason("parse.timeout", String.valueOf(timeoutMillis));
            }
            if (t instanceof ParseException && ((ParseException) t).currentToken != null) {
                Token next = ((ParseException) t).currentToken.next;
                if (next != null && next.image != null && !next.image.isEmpty()) {
                    return reason("parse.unexpected", SqlText.excerpt(next.image),
                            SqlText.position(next.beginLine, next.beginColumn));
                }
                if (next != null) {
                    return reason("parse.early.end");
                }
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            Matcher m = t.getMessage() == null ? null : LINE_COLUMN.matcher(t.getMessage());
            if (m != null && m.find()) {
                // Kept as text: parsing the digits of a foreign message could only add a way to fail.
                return reason("parse.near", reason("position", m.group(1), m.group(2)));
            }
        }
        return reason("parse.failed");
    }
}
