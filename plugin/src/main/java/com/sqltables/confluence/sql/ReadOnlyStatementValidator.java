package com.sqltables.confluence.sql;

import static com.sqltables.confluence.sql.SqlRejectedException.reason;

import com.sqltables.confluence.I18nText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.inject.Inject;
import javax.inject.Named;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.AbstractJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first of the three read-only layers: accepts only SQL that is exactly one read statement —
 * {@code SELECT} (with set operations, {@code VALUES}, {@code TABLE}, and {@code WITH} whose parts
 * only read) — and refuses everything else with a message a page author can act on: several
 * statements, DML, DDL, {@code MERGE}, {@code CALL}/{@code EXEC}, {@code SET}, {@code GRANT},
 * data-modifying {@code WITH}, {@code SELECT … INTO}, {@code FOR UPDATE}/{@code FOR SHARE}/{@code LOCK IN
 * SHARE MODE}, known functions with side effects, and anything JSqlParser cannot read.
 *
 * <p><b>This check alone does not make a datasource read-only.</b> A SELECT can still change things
 * through functions ({@code SELECT pg_terminate_backend(1)} parses as a plain SELECT) or through
 * user-defined functions nobody can list. The connection must be read-only, the work must run in a
 * read-only transaction that is rolled back, and the database account must have read rights only.
 *
 * <p>Thread-safe. JSqlParser runs on a small pool of daemon threads so that a pathological statement
 * is abandoned after a timeout instead of holding a page render; {@link #close()} stops the pool.
 */
@Named
public final class ReadOnlyStatementValidator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ReadOnlyStatementValidator.class);
    /** The longest SQL checked, as for saved queries. */
    public static final int MAX_SQL_LENGTH = 100_000;
    private static final long DEFAULT_TIMEOUT_MILLIS = 5_000;
    private static final int QUEUE_CAPACITY = 1_000;
    /** Accepted texts remembered, so a page view does not parse the same SQL again (the bench showed the
     *  check was half of an uncached render's fixed cost). Only acceptances are kept: the check is a pure
     *  function of text and dialect, and a refusal stays as cheap to repeat as it is rare. */
    private static final int ACCEPTED_CACHE_ENTRIES = 256;
    /** Longer texts are checked every time, which bounds the memo to about 2.5 million characters. */
    private static final int ACCEPTED_CACHE_MAX_SQL_LENGTH = 10_000;

    private final long timeoutMillis;
    private final ExecutorService executor;
    private final Map<String, Boolean> accepted = Collections.synchronizedMap(
            new LinkedHashMap<String, Boolean>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > ACCEPTED_CACHE_ENTRIES;
                }
            });

    /** A validator with a 5-second parse timeout. */
    @Inject
    public ReadOnlyStatementValidator() {
        this(DEFAULT_TIMEOUT_MILLIS);
    }

    /** @param timeoutMillis how long JSqlParser may take for one text, queueing included */
    public ReadOnlyStatementValidator(long timeoutMillis) {
        this(timeoutMillis, parserThreads());
    }

    ReadOnlyStatementValidator(long timeoutMillis, ExecutorService executor) {
        this.timeoutMillis = timeoutMillis;
        this.executor = executor;
    }

    private static ExecutorService parserThreads() {
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), new DaemonThreads());
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Checks the SQL that will be prepared, i.e. {@link ParsedSql#getJdbcSql()}.
     *
     * @throws SqlRejectedException if it is not a single read statement
     */
    public void validate(ParsedSql sql) {
        validate(sql.getJdbcSql(), sql.getDialect());
    }

    /**
     * @param sql SQL with {@code ?} placeholders (or none)
     * @param dialect the database's dialect
     * @throws SqlRejectedException if it is not a single read statement
     */
    public void validate(String sql, SqlDialect dialect) {
        String memoKey = sql != null && sql.length() <= ACCEPTED_CACHE_MAX_SQL_LENGTH ? dialect + "\u0000" + sql : null;
        if (memoKey != null && accepted.containsKey(memoKey)) {
            return;
        }
        check(sql, dialect);
        if (memoKey != null) {
            accepted.put(memoKey, Boolean.TRUE);
        }
    }

    private void check(String sql, SqlDialect dialect) {
        if (sql == null || sql.trim().isEmpty()) {
            throw new SqlRejectedException(reason("empty"));
        }
        if (sql.length() > MAX_SQL_LENGTH) {
            throw new SqlRejectedException(reason("too.long", String.valueOf(MAX_SQL_LENGTH),
                    String.valueOf(sql.length())));
        }
        List<SqlToken> tokens = SqlLexer.tokenize(sql, dialect);
        if (tokens.stream().allMatch(SqlToken::isBlank)) {
            throw new SqlRejectedException(reason("empty"));
        }
        Optional<I18nText> tokenProblem = ForbiddenTokens.check(tokens);
        List<Statement> statements;
        try {
            statements = parse(sql, dialect);
        } catch (SqlRejectedException e) {
            // A forbidden word usually explains a parse failure better than the parser can.
            if (tokenProblem.isPresent()) {
                throw new SqlRejectedException(tokenProblem.get());
            }
            Optional<String> firstWord = firstWordIfNotARead(tokens);
            if (firstWord.isPresent()) {
                throw new SqlRejectedException(reason("not.select.start", SqlText.excerpt(firstWord.get())));
            }
            throw e;
        }
        Optional<I18nText> problem;
        try {
            problem = StatementInspector.inspect(statements);
        } catch (RuntimeException e) {
            // Never log the SQL: it may hold values. The exception type says what went wrong.
            log.warn("Could not inspect a parsed statement: {}", e.toString());
            throw new SqlRejectedException(reason("uncheckable"));
        }
        if (problem.isPresent()) {
            throw new SqlRejectedException(problem.get());
        }
        if (tokenProblem.isPresent()) {
            throw new SqlRejectedException(tokenProblem.get());
        }
    }

    /**
     * @return the first word, if the statement cannot be a query (queries start with SELECT, WITH,
     *     VALUES, TABLE or a parenthesis)
     */
    private static Optional<String> firstWordIfNotARead(List<SqlToken> tokens) {
        for (SqlToken token : tokens) {
            if (token.isBlank()) {
                continue;
            }
            boolean read = token.isSymbol('(') || token.isWord("SELECT") || token.isWord("WITH")
                    || token.isWord("VALUES") || token.isWord("TABLE");
            return read || token.kind() != SqlToken.Kind.WORD ? Optional.empty() : Optional.of(token.text());
        }
        return Optional.empty();
    }

    private List<Statement> parse(String sql, SqlDialect dialect) {
        try {
            Statements statements = CCJSqlParserUtil.parseStatements(sql, executor, configure(dialect));
            List<Statement> list = new ArrayList<>();
            for (Statement statement : statements) {
                if (statement != null) {
                    list.add(statement);
                }
            }
            return list;
        } catch (RejectedExecutionException e) {
            throw new SqlRejectedException(executor.isShutdown() ? reason("stopping") : reason("busy"));
        } catch (JSQLParserException e) {
            throw new SqlRejectedException(ParseFailures.describe(e, timeoutMillis));
        }
    }

    private Consumer<CCJSqlParser> configure(SqlDialect dialect) {
        return parser -> {
            parser.withTimeOut(timeoutMillis);
            switch (dialect) {
                case POSTGRESQL:
                    parser.withDialect(AbstractJSqlParser.Dialect.POSTGRESQL);
                    break;
                case MARIADB:
                    parser.withDialect(AbstractJSqlParser.Dialect.MARIADB).withBackslashEscapeCharacter(true);
                    break;
                case SQLSERVER:
                    parser.withDialect(AbstractJSqlParser.Dialect.SQLSERVER).withSquareBracketQuotation(true);
                    break;
                case ORACLE:
                    parser.withDialect(AbstractJSqlParser.Dialect.ORACLE);
                    break;
                case H2:
                    parser.withDialect(AbstractJSqlParser.Dialect.H2);
                    break;
                default:
                    break;
            }
        };
    }

    /** Stops the parser threads; called by Spring when the plugin stops. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static final class DaemonThreads implements ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, "sql-tables-sql-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
