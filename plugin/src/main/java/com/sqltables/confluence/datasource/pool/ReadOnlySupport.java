package com.sqltables.confluence.datasource.pool;

import com.sqltables.confluence.datasource.security.JdbcDriverFamily;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each database is made to refuse writes on a read-only datasource — the second of the three
 * read-only layers. On every database the connection is {@code setReadOnly(true)}, auto-commit is off
 * and each unit of work is rolled back, never committed; what the database itself enforces on top
 * differs, and is listed per constant (evidence: {@code ReadOnlyEnforcementTest} and the
 * per-database execution tests).
 */
public enum ReadOnlySupport {
    /**
     * PgJDBC opens every transaction of a read-only connection with {@code BEGIN READ ONLY}
     * ({@code readOnlyMode}, forced here so that a connection property cannot switch it off), and the
     * session default is read-only as well. PostgreSQL refuses DML, DDL (temporary tables included),
     * {@code nextval()}, {@code SELECT … FOR UPDATE} and data-modifying {@code WITH} with SQLSTATE
     * 25006. PgJDBC would split {@code COMMIT; SET TRANSACTION READ WRITE; DELETE …} into statements
     * that end our transaction and open a writable one, so SQL that the driver splits into several
     * statements is refused before it runs ({@link #checkStatement}). Not covered: functions that open
     * their own connection ({@code dblink}).
     */
    POSTGRESQL(true, "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY", List.of(),
            property("readOnly", "true"), property("readOnlyMode", "always")),
    /**
     * MariaDB and MySQL: every unit of work first sets the session to {@code READ ONLY} again and then
     * starts a {@code READ ONLY} transaction. Both matter: DDL commits the open transaction implicitly
     * and runs in a new one with the session's characteristics, so a {@code SET SESSION TRANSACTION READ
     * WRITE} run as one unit would otherwise let the next unit's {@code CREATE}/{@code DROP} through.
     * DML, DDL, {@code NEXTVAL} and temporary tables fail with error 1792 (SQLSTATE 25006). Several
     * statements in one call are refused by the server ({@code allowMultiQueries} is forced off).
     */
    MARIADB(true, "SET SESSION TRANSACTION READ ONLY",
            List.of("SET SESSION TRANSACTION READ ONLY", "START TRANSACTION READ ONLY"),
            property("allowMultiQueries", "false")),
    /**
     * SQL Server has no read-only transaction ({@code ApplicationIntent=ReadOnly} only routes to a
     * readable secondary of an availability group). Each unit of work runs in a transaction that is
     * rolled back, which undoes DML and most DDL, but not a batch of several statements that commits
     * itself; a read-only login ({@code db_datareader}) is the real protection. Not tested here: no
     * SQL Server in the test environment.
     */
    SQLSERVER(false, null, List.of()),
    /**
     * Oracle: every unit of work starts with {@code SET TRANSACTION READ ONLY}, which refuses DML
     * (ORA-01456); DDL, and a PL/SQL block that commits, end that transaction and are not stopped —
     * use an account without privileges. Not tested here: no Oracle in the test environment.
     */
    ORACLE(true, null, List.of("SET TRANSACTION READ ONLY")),
    /**
     * H2 (2.2) has no read-only transaction or session: {@code setReadOnly} is a hint only and
     * {@code ACCESS_MODE_DATA=r} has no effect on an in-memory database, the only kind a datasource may
     * use. DML is undone by the rollback; DDL commits implicitly, and so does a {@code COMMIT} in SQL
     * that H2 runs as several statements. The statement check (first layer) and a non-admin H2 user
     * with {@code SELECT} rights only are what protect an H2 datasource.
     */
    H2(false, null, List.of());

    private final boolean enforcedByDatabase;
    private final String sessionSql;
    private final List<String> unitOfWorkStatements;
    private final Map<String, String> forcedProperties;

    @SafeVarargs
    ReadOnlySupport(boolean enforcedByDatabase, String sessionSql, List<String> unitOfWorkStatements,
                    Map.Entry<String, String>... forcedProperties) {
        this.enforcedByDatabase = enforcedByDatabase;
        this.sessionSql = sessionSql;
        this.unitOfWorkStatements = unitOfWorkStatements;
        Map<String, String> properties = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : forcedProperties) {
            properties.put(entry.getKey(), entry.getValue());
        }
        this.forcedProperties = Collections.unmodifiableMap(properties);
    }

    private static Map.Entry<String, String> property(String name, String value) {
        return Map.entry(name, value);
    }

    /** @return how the family's databases are held to read-only */
    public static ReadOnlySupport of(JdbcDriverFamily family) {
        return valueOf(family.name());
    }

    /** @return whether the database itself refuses writes in a read-only unit of work */
    public boolean isEnforcedByDatabase() {
        return enforcedByDatabase;
    }

    /** @return SQL run once on each new connection of a read-only pool (then committed), or {@code null} */
    public String getSessionSql() {
        return sessionSql;
    }

    /** @return statements that open each read-only unit of work, in order; often none */
    public List<String> getUnitOfWorkStatements() {
        return unitOfWorkStatements;
    }

    /**
     * Refuses, before it runs, SQL that the driver would run as several statements where that would let
     * it leave the read-only transaction (PostgreSQL).
     *
     * @throws SQLException with SQLSTATE 25006 if the SQL is several statements
     */
    public void checkStatement(Connection connection, String sql) throws SQLException {
        if (this == POSTGRESQL && PostgresStatements.count(connection, sql) > 1) {
            throw new SQLException("several statements in one query are not allowed on a read-only datasource",
                    "25006");
        }
    }

    /**
     * @return driver properties a read-only pool always uses, whatever the administrator set: names as
     *     the driver spells them
     */
    public Map<String, String> getForcedProperties() {
        return forcedProperties;
    }
}
