package com.sqltables.confluence.sql;

import static com.sqltables.confluence.sql.SqlRejectedException.reason;

import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.sql.SqlToken.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A second opinion on the statement, from its tokens rather than from JSqlParser's tree: it sees the
 * SQL as the database's own lexer does (MySQL's {@code --x} is not a comment, {@code /*! … *&#47;} runs),
 * and it knows functions and clauses with side effects that parse as an ordinary SELECT.
 *
 * <p>The function list is a safety net, not a boundary: a database has more ways to change state
 * than any list names, which is why the datasource must also use a read-only account.
 */
final class ForbiddenTokens {
    /** Keywords that, anywhere in a query, write or run something. */
    private static final Set<String> WRITE_KEYWORDS = set("UPDATE", "DELETE", "MERGE", "UPSERT", "CALL", "EXEC",
            "EXECUTE", "TRUNCATE");
    /** SQL Server table hints that take update or exclusive locks, or hold locks to the end. */
    private static final Set<String> LOCK_HINTS = set("UPDLOCK", "XLOCK", "HOLDLOCK", "TABLOCKX");
    /**
     * Functions that change data or server state, advance sequences, take locks, reach other servers,
     * or read and write files. Compared in lower case.
     */
    private static final Set<String> FUNCTIONS = set(
            // PostgreSQL
            "nextval", "setval", "set_config", "pg_terminate_backend", "pg_cancel_backend", "pg_reload_conf",
            "pg_rotate_logfile", "pg_read_file", "pg_read_binary_file", "pg_ls_dir", "pg_stat_file",
            "pg_ls_logdir", "pg_ls_waldir", "pg_ls_tmpdir", "pg_ls_archive_statusdir",
            "lo_import", "lo_export", "lo_unlink", "lo_create", "lo_creat", "lo_from_bytea", "lo_put",
            "lo_truncate", "lowrite",
            "pg_advisory_lock", "pg_advisory_lock_shared", "pg_advisory_xact_lock", "pg_advisory_xact_lock_shared",
            "pg_try_advisory_lock", "pg_try_advisory_lock_shared", "pg_try_advisory_xact_lock",
            "pg_try_advisory_xact_lock_shared", "pg_notify", "pg_switch_wal", "pg_create_restore_point",
            "pg_promote", "pg_backup_start", "pg_backup_stop", "pg_start_backup", "pg_stop_backup",
            "pg_create_logical_replication_slot", "pg_create_physical_replication_slot", "pg_drop_replication_slot",
            "pg_logical_emit_message", "pg_replication_origin_create", "pg_replication_origin_drop",
            "pg_import_system_collations", "pg_file_write", "pg_file_rename", "pg_file_unlink",
            "dblink", "dblink_exec", "dblink_connect", "dblink_connect_u", "dblink_send_query", "dblink_open",
            "query_to_xml", "query_to_xmlschema", "query_to_xml_and_xmlschema", "cursor_to_xml",
            // H2
            "file_read", "file_write", "csvread", "csvwrite", "link_schema", "abort_session", "cancel_session",
            // MariaDB and MySQL
            "load_file", "get_lock", "sys_exec", "sys_eval",
            // SQL Server
            "openrowset", "opendatasource", "openquery", "openxml",
            // Oracle
            "httpuritype");
    /** Oracle packages whose procedures and functions have effects outside the query. */
    private static final Set<String> PACKAGES = set("utl_http", "utl_file", "utl_tcp", "utl_smtp", "utl_mail",
            "utl_inaddr", "dbms_pipe", "dbms_lock", "dbms_scheduler", "dbms_job", "dbms_sql", "dbms_xmlgen",
            "dbms_java", "dbms_aq", "dbms_alert", "dbms_ldap", "dbms_backup_restore", "dbms_sys_sql");

    private ForbiddenTokens() {
    }

    /** @return why the statement may not run, or empty if its tokens show nothing forbidden */
    static Optional<I18nText> check(List<SqlToken> tokens) {
        List<SqlToken> code = new ArrayList<>();
        for (SqlToken token : tokens) {
            if (token.kind() == Kind.EXECUTABLE_COMMENT) {
                return Optional.of(reason("executable.comment"));
            }
            if (!token.isBlank()) {
                code.add(token);
            }
        }
        for (int i = 0; i < code.size(); i++) {
            Optional<I18nText> problem = problemAt(code, i);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<I18nText> problemAt(List<SqlToken> code, int i) {
        SqlToken token = code.get(i);
        SqlToken previous = i > 0 ? code.get(i - 1) : null;
        SqlToken next = i + 1 < code.size() ? code.get(i + 1) : null;
        SqlToken afterNext = i + 2 < code.size() ? code.get(i + 2) : null;
        String name = name(token);
        if (name == null) {
            return Optional.empty();
        }
        String lower = name.toLowerCase(Locale.ROOT);
        boolean called = next != null && next.isSymbol('(');
        if (called && FUNCTIONS.contains(lower)) {
            return Optional.of(reason("function", name));
        }
        if (next != null && next.isSymbol('.') && PACKAGES.contains(lower)) {
            return Optional.of(reason("package", name.toUpperCase(Locale.ROOT)));
        }
        if (lower.equals("nextval") && token.kind() == Kind.WORD && previous != null && previous.isSymbol('.')) {
            return Optional.of(reason("nextval"));
        }
        if (token.kind() != Kind.WORD || previous != null && (previous.isSymbol('.') || previous.isWord("AS"))) {
            return Optional.empty();
        }
        String upper = name.toUpperCase(Locale.ROOT);
        if (upper.equals("FOR") && next != null
                && (next.isWord("UPDATE") || next.isWord("SHARE") || next.isWord("KEY") || next.isWord("NO"))) {
            return Optional.of(reason("for.update"));
        }
        if (upper.equals("LOCK") && next != null && next.isWord("IN")) {
            return Optional.of(reason("lock.in.share.mode"));
        }
        if (upper.equals("NEXT") && next != null && next.isWord("VALUE")
                && afterNext != null && afterNext.isWord("FOR")) {
            return Optional.of(reason("next.value.for"));
        }
        if (upper.equals("INTO")) {
            return Optional.of(reason("into"));
        }
        if ((upper.equals("INSERT") || upper.equals("REPLACE")) && !called || WRITE_KEYWORDS.contains(upper)) {
            return Optional.of(reason("write.keyword", upper, name));
        }
        if (LOCK_HINTS.contains(upper)) {
            return Optional.of(reason("lock.hint", upper));
        }
        if (upper.equals("PROCEDURE")) {
            return Optional.of(reason("procedure"));
        }
        return Optional.empty();
    }

    /** @return the word, or a quoted name without its quotes (a quoted function name still calls it) */
    private static String name(SqlToken token) {
        if (token.kind() == Kind.WORD) {
            return token.text();
        }
        if (token.kind() == Kind.QUOTED_NAME && token.text().length() >= 2) {
            return token.text().substring(1, token.text().length() - 1);
        }
        return null;
    }

    private static Set<String> set(String... values) {
        return new HashSet<>(Arrays.asList(values));
    }
}
