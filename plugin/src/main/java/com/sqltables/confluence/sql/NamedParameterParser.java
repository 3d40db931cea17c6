package com.sqltables.confluence.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns SQL with {@code :name} parameters into JDBC SQL with {@code ?} placeholders, so that values
 * are always bound and never become part of the SQL text.
 *
 * <p>A parameter is a colon followed directly by a name that starts with a letter or {@code _}.
 * Everything inside string literals ({@code '…'} with {@code ''}, and per dialect {@code E'…'},
 * {@code $tag$…$tag$}, {@code q'[…]'}), quoted names ({@code "…"}, {@code `…`}, {@code […]}) and
 * comments is left alone, and so are PostgreSQL casts ({@code ::type}), assignments ({@code :=}) and
 * a colon before a digit (array slices such as {@code a[1:2]}). A name may be used several times.
 * A literal {@code ?} placeholder is refused, as it would shift the bound values; PostgreSQL's
 * {@code ??} (PgJDBC's escape for the {@code ?} operator) is kept.
 */
public final class NamedParameterParser {
    /** The same rule as the names a saved query may declare. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private NamedParameterParser() {
    }

    /**
     * @param sql the SQL as written
     * @param dialect the database's dialect, which decides what counts as a literal or comment
     * @return the JDBC SQL and the parameter names in placeholder order
     * @throws SqlRejectedException naming the position of an invalid parameter name, a {@code ?}
     *     placeholder, or an unterminated literal or comment
     */
    public static ParsedSql parse(String sql, SqlDialect dialect) {
        if (sql == null) {
            throw new SqlRejectedException(SqlRejectedException.reason("none"));
        }
        List<SqlToken> tokens = SqlLexer.tokenize(sql, dialect);
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (token.isSymbol(':') && next != null) {
                if (next.isSymbol(':') || next.isSymbol('=')) {
                    jdbc.append(':').append(next.text());
                    i++;
                    continue;
                }
                if (next.kind() == SqlToken.Kind.WORD && !Character.isDigit(next.text().charAt(0))) {
                    if (!NAME.matcher(next.text()).matches()) {
                        throw new SqlRejectedException(SqlRejectedException.reason("parameter.name",
                                SqlText.excerpt(":" + next.text()), SqlText.position(sql, token.start())));
                    }
                    names.add(next.text());
                    jdbc.append('?');
                    i++;
                    continue;
                }
            } else if (token.isSymbol('?')) {
                if (dialect.doubledQuestionMarkEscape() && next != null && next.isSymbol('?')) {
                    jdbc.append("??");
                    i++;
                    continue;
                }
                throw new SqlRejectedException(SqlRejectedException.reason("question.mark",
                        SqlText.position(sql, token.start())));
            }
            jdbc.append(token.text());
        }
        return new ParsedSql(sql, jdbc.toString(), dialect, names);
    }
}
