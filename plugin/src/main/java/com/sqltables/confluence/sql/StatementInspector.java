package com.sqltables.confluence.sql;

import static com.sqltables.confluence.sql.SqlRejectedException.reason;

import com.sqltables.confluence.I18nText;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.ForMode;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.WithItem;

/** Decides from JSqlParser's tree whether statements are exactly one read-only query. */
final class StatementInspector {
    /** {@code FOR READ ONLY} and {@code FOR FETCH ONLY} lock nothing. */
    private static final Set<ForMode> LOCKING_MODES =
            EnumSet.of(ForMode.UPDATE, ForMode.SHARE, ForMode.NO_KEY_UPDATE, ForMode.KEY_SHARE);

    private StatementInspector() {
    }

    /** @return why the statements may not run, or empty if they are a single read-only query */
    static Optional<I18nText> inspect(List<Statement> statements) {
        if (statements.isEmpty()) {
            return Optional.of(reason("empty"));
        }
        if (statements.size() > 1) {
            return Optional.of(reason("several", String.valueOf(statements.size())));
        }
        Statement statement = statements.get(0);
        if (!(statement instanceof Select)) {
            return Optional.of(reason("not.select", describe(statement)));
        }
        return AstWalker.find(statement, StatementInspector::problemAt);
    }

    private static Optional<I18nText> problemAt(Object node) {
        if (node instanceof WithItem) {
            WithItem<?> with = (WithItem<?>) node;
            // getInsert() and its siblings cast without checking; ask the statement itself.
            Statement inner = with.getParenthesedStatement();
            if (inner != null && !(inner instanceof Select)) {
                return Optional.of(reason("with.write", with.getAliasName(), kind(inner)));
            }
        }
        if (node instanceof Statement && !(node instanceof Select)) {
            return Optional.of(reason("contains", describe((Statement) node)));
        }
        if (node instanceof FromQuery) {
            return Optional.of(reason("pipe"));
        }
        if (node instanceof Select) {
            Select select = (Select) node;
            if (select.getForMode() != null && LOCKING_MODES.contains(select.getForMode())
                    || select.getForUpdateTables() != null && !select.getForUpdateTables().isEmpty()) {
                return Optional.of(reason("for.update"));
            }
            if (select.getMySqlProcedureAnalyse() != null) {
                return Optional.of(reason("procedure"));
            }
        }
        if (node instanceof PlainSelect) {
            PlainSelect plain = (PlainSelect) node;
            if (plain.getIntoTables() != null && !plain.getIntoTables().isEmpty() || plain.getIntoTempTable() != null
                    || plain.getMySqlSelectIntoClause() != null) {
                return Optional.of(reason("select.into"));
            }
        }
        return Optional.empty();
    }

    /** @return e.g. "an INSERT statement": English picks the article by the kind's first letter, so two phrases */
    private static I18nText describe(Statement statement) {
        String kind = kind(statement);
        return "AEIOU".indexOf(kind.charAt(0)) >= 0 ? reason("statement.an", kind) : reason("statement.a", kind);
    }

    /** @return e.g. {@code INSERT} or {@code CREATE TABLE}, from the statement's class */
    static String kind(Statement statement) {
        if (statement instanceof Execute) {
            return "CALL/EXECUTE";
        }
        String name = statement.getClass().getSimpleName();
        name = name.startsWith("Parenthesed") ? name.substring("Parenthesed".length()) : name;
        name = name.endsWith("Statement") && name.length() > "Statement".length()
                ? name.substring(0, name.length() - "Statement".length()) : name;
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (i > 0 && Character.isUpperCase(c) && !Character.isUpperCase(name.charAt(i - 1))) {
                words.append(' ');
            }
            words.append(c);
        }
        return words.toString().toUpperCase(Locale.ROOT);
    }
}
