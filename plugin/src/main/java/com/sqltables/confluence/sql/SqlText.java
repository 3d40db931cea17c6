package com.sqltables.confluence.sql;

import com.sqltables.confluence.I18nText;

/** Helpers that keep messages about SQL short and readable. */
final class SqlText {
    private static final int MAX_EXCERPT = 40;

    private SqlText() {
    }

    /** @return e.g. {@code line 3, column 7} for an offset into {@code sql} (both counted from 1) */
    static I18nText position(String sql, int offset) {
        int line = 1;
        int column = 1;
        int end = Math.min(offset, sql.length());
        for (int i = 0; i < end; i++) {
            char c = sql.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
                line++;
                column = 1;
            } else if (c != '\r') {
                column++;
            }
        }
        return position(line, column);
    }

    /** @return e.g. {@code line 3, column 7} */
    static I18nText position(int line, int column) {
        return SqlRejectedException.reason("position", String.valueOf(line), String.valueOf(column));
    }

    /**
     * @return at most about 40 characters of {@code text} on one line, quoted, with an ellipsis when
     *     shortened; never the whole of a long text
     */
    static String excerpt(String text) {
        String shortened = text;
        if (text.length() > MAX_EXCERPT) {
            int cut = Character.isHighSurrogate(text.charAt(MAX_EXCERPT - 1)) ? MAX_EXCERPT - 1 : MAX_EXCERPT;
            shortened = text.substring(0, cut) + "…";
        }
        StringBuilder b = new StringBuilder(shortened.length() + 2).append('\'');
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            b.append(Character.isISOControl(c) ? ' ' : c);
        }
        return b.append('\'').toString();
    }
}
