package com.sqltables.confluence.sql;

import com.sqltables.confluence.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into {@link SqlToken}s following a {@link SqlDialect}'s quoting and comment rules,
 * so that callers can tell code from literals. The tokens cover the text without gaps: joining
 * their texts gives the input back.
 */
final class SqlLexer {
    private final String sql;
    private final SqlDialect dialect;
    private final List<SqlToken> tokens = new ArrayList<>();
    private int pos;

    private SqlLexer(String sql, SqlDialect dialect) {
        this.sql = sql;
        this.dialect = dialect;
    }

    /**
     * @throws SqlRejectedException for an unterminated literal, quoted name or comment
     */
    static List<SqlToken> tokenize(String sql, SqlDialect dialect) {
        SqlLexer lexer = new SqlLexer(sql, dialect);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < sql.length()) {
            int start = pos;
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                while (pos < sql.length() && Character.isWhitespace(sql.charAt(pos))) {
                    pos++;
                }
                add(Kind.SPACE, start);
            } else if (c == '\'') {
                quoted(start, '\'', dialect.backslashEscapesInStrings(), Kind.STRING, "unterminated.string");
            } else if (c == '"') {
                quoted(start, '"', dialect.backslashEscapesInStrings(), Kind.QUOTED_NAME, "unterminated.quoted.name");
            } else if (c == '`' && dialect.backtickIdentifiers()) {
                quoted(start, '`', false, Kind.QUOTED_NAME, "unterminated.quoted.name");
            } else if (c == '[' && dialect.bracketIdentifiers()) {
                quoted(start, ']', false, Kind.QUOTED_NAME, "unterminated.bracketed.name");
            } else if (c == '-' && startsWith("--") && dashStartsComment()) {
                lineComment(start);
            } else if (c == '#' && dialect.hashComments()) {
                lineComment(start);
            } else if (c == '/' && startsWith("/*")) {
                blockComment(start);
            } else if (c == '$' && dialect.dollarQuotes() && !previousIsWordChar() && dollarQuoted(start)) {
                add(Kind.STRING, start);
            } else if (isWordChar(c)) {
                word(start);
            } else {
                pos += Character.charCount(sql.codePointAt(pos));
                add(Kind.SYMBOL, start);
            }
        }
    }

    private void word(int start) {
        while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
            pos++;
        }
        String word = sql.substring(start, pos);
        boolean quoteFollows = pos < sql.length() && sql.charAt(pos) == '\'';
        if (quoteFollows && dialect.escapeStringPrefix() && word.equalsIgnoreCase("e")) {
            quoted(pos, '\'', true, Kind.STRING, "unterminated.string");
            replaceLastStart(start);
        } else if (quoteFollows && dialect.alternativeQuoting()
                && (word.equalsIgnoreCase("q") || word.equalsIgnoreCase("nq"))) {
            alternativeQuoted(start);
        } else {
            add(Kind.WORD, start);
        }
    }

    /** Oracle's {@code q'<delimiter>…<closing delimiter>'}. */
    private void alternativeQuoted(int start) {
        int open = pos + 1;
        if (open >= sql.length() || Character.isWhitespace(sql.charAt(open))) {
            throw unterminated("unterminated.string", start);
        }
        char close = closingDelimiter(sql.charAt(open));
        int end = sql.indexOf(close + "'", open + 1);
        if (end < 0) {
            throw unterminated("unterminated.string", start);
        }
        pos = end + 2;
        add(Kind.STRING, start);
    }

    private static char closingDelimiter(char open) {
        switch (open) {
            case '[':
                return ']';
            case '{':
                return '}';
            case '(':
                return ')';
            case '<':
                return '>';
            default:
                return open;
        }
    }

    /** Reads from the opening quote at {@code start} to its closing quote; a doubled quote is kept inside. */
    private void quoted(int start, char closing, boolean backslashEscapes, Kind kind, String unterminatedProblem) {
        pos = start + 1;
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (backslashEscapes && c == '\\') {
                pos += 2;
            } else if (c == closing) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == closing) {
                    pos += 2;
                } else {
                    pos++;
                    add(kind, start);
                    return;
                }
            } else {
                pos++;
            }
        }
        throw unterminated(unterminatedProblem, start);
    }

    /** PostgreSQL's {@code $tag$…$tag$} (also H2's {@code $$…$$}); false when no tag starts here. */
    private boolean dollarQuoted(int start) {
        int tagEnd = start + 1;
        while (tagEnd < sql.length() && isTagChar(sql.charAt(tagEnd), tagEnd == start + 1)) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return false;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int end = sql.indexOf(tag, tagEnd + 1);
        if (end < 0) {
            throw unterminated("unterminated.dollar.string", start);
        }
        pos = end + tag.length();
        return true;
    }

    private static boolean isTagChar(char c, boolean first) {
        return c == '_' || Character.isLetter(c) || (!first && Character.isDigit(c));
    }

    private void lineComment(int start) {
        while (pos < sql.length() && sql.charAt(pos) != '\n' && sql.charAt(pos) != '\r') {
            pos++;
        }
        add(Kind.COMMENT, start);
    }

    private void blockComment(int start) {
        boolean executable = startsWith("/*!") || startsWith("/*M!");
        int depth = 0;
        while (pos < sql.length()) {
            if (startsWith("/*") && (depth == 0 || dialect.nestedBlockComments())) {
                depth++;
                pos += 2;
            } else if (startsWith("*/")) {
                depth--;
                pos += 2;
                if (depth == 0) {
                    add(executable ? Kind.EXECUTABLE_COMMENT : Kind.COMMENT, start);
                    return;
                }
            } else {
                pos++;
            }
        }
        throw unterminated("unterminated.comment", start);
    }

    private boolean dashStartsComment() {
        if (!dialect.dashCommentNeedsSpace()) {
            return true;
        }
        int after = pos + 2;
        return after >= sql.length() || Character.isWhitespace(sql.charAt(after))
                || Character.isISOControl(sql.charAt(after));
    }

    private boolean startsWith(String s) {
        return sql.startsWith(s, pos);
    }

    private boolean previousIsWordChar() {
        return pos > 0 && isWordChar(sql.charAt(pos - 1));
    }

    private boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || (c == '#' && !dialect.hashComments());
    }

    private void add(Kind kind, int start) {
        tokens.add(new SqlToken(kind, sql.substring(start, pos), start));
    }

    /** The last token began with a prefix word (as in {@code E'…'}): let it start there. */
    private void replaceLastStart(int start) {
        SqlToken last = tokens.remove(tokens.size() - 1);
        tokens.add(new SqlToken(last.kind(), sql.substring(start, pos), start));
    }

    /** @param problem the reason's key, {@code unterminated.<what>} */
    private SqlRejectedException unterminated(String problem, int start) {
        return new SqlRejectedException(SqlRejectedException.reason(problem, SqlText.position(sql, start)));
    }
}
