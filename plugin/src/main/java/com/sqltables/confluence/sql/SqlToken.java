package com.sqltables.confluence.sql;

/** A piece of SQL text found by {@link SqlLexer}: offsets into the original text. Immutable. */
final class SqlToken {
    enum Kind {
        /** An unquoted identifier, keyword or number. */
        WORD,
        /** A string literal of any form ({@code '…'}, {@code E'…'}, {@code $$…$$}, {@code q'[…]'}). */
        STRING,
        /** A quoted identifier ({@code "…"}, {@code `…`}, {@code […]}). */
        QUOTED_NAME,
        /** A line or block comment. */
        COMMENT,
        /** A MySQL/MariaDB executable comment ({@code /*! … *&#47;}): the server runs what it contains. */
        EXECUTABLE_COMMENT,
        /** White space. */
        SPACE,
        /** Any other single character: operators, punctuation, {@code :}, {@code ?}. */
        SYMBOL
    }

    private final Kind kind;
    private final String text;
    private final int start;

    SqlToken(Kind kind, String text, int start) {
        this.kind = kind;
        this.text = text;
        this.start = start;
    }

    Kind kind() {
        return kind;
    }

    String text() {
        return text;
    }

    /** @return the offset of the first character in the SQL text */
    int start() {
        return start;
    }

    boolean isSymbol(char c) {
        return kind == Kind.SYMBOL && text.charAt(0) == c;
    }

    /** @return whether the token is the word {@code word}, ignoring case */
    boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** @return whether the token carries no meaning for the statement (space or plain comment) */
    boolean isBlank() {
        return kind == Kind.SPACE || kind == Kind.COMMENT;
    }

    @Override
    public String toString() {
        return kind + "@" + start + "[" + text + "]";
    }
}
