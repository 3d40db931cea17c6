package com.sqltables.confluence.query.execution;

import java.sql.Types;
import java.util.Locale;

/**
 * How a column's values are read and shown, decided once per column from its JDBC type (and, where
 * drivers report a type vaguely, its type name).
 */
public enum ValueKind {
    /** Read with {@code getString}: character types and anything without a better reading. */
    TEXT,
    /** CLOB-like ({@code CLOB}, {@code NCLOB}, {@code LONGVARCHAR}: MariaDB {@code TEXT}); read as a stream with a cap. */
    LONG_TEXT,
    /** Whole numbers of any size, read as text (so unsigned 64-bit values survive). */
    INTEGER,
    /** {@code DECIMAL}/{@code NUMERIC}, shown without exponent. */
    DECIMAL,
    /** Single-precision floating point. */
    REAL,
    /** Double-precision floating point. */
    DOUBLE,
    BOOLEAN,
    DATE,
    TIME,
    TIME_WITH_OFFSET,
    TIMESTAMP,
    TIMESTAMP_WITH_OFFSET,
    /** Bytes, summarised by size. */
    BINARY,
    /** A {@code BLOB}, summarised by its length without reading it. */
    BLOB;

    /** SQL Server's {@code DATETIMEOFFSET} (microsoft.sql.Types). */
    private static final int SQLSERVER_DATETIMEOFFSET = -155;
    /** Oracle's {@code TIMESTAMP WITH TIME ZONE} (oracle.jdbc.OracleTypes). */
    private static final int ORACLE_TIMESTAMPTZ = -101;
    /** Oracle's {@code TIMESTAMP WITH LOCAL TIME ZONE}. */
    private static final int ORACLE_TIMESTAMPLTZ = -102;
    /** Oracle's {@code BINARY_FLOAT} and {@code BINARY_DOUBLE}. */
    private static final int ORACLE_BINARY_FLOAT = 100;
    private static final int ORACLE_BINARY_DOUBLE = 101;

    /** @return whether values are numbers (shown right-aligned) */
    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == REAL || this == DOUBLE;
    }

    /**
     * @param sqlType {@link java.sql.ResultSetMetaData#getColumnType}
     * @param typeName {@link java.sql.ResultSetMetaData#getColumnTypeName}, may be {@code null}
     * @param precision {@link java.sql.ResultSetMetaData#getPrecision}
     */
    public static ValueKind of(int sqlType, String typeName, int precision) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        switch (sqlType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return INTEGER;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return DECIMAL;
            case Types.REAL:
            case ORACLE_BINARY_FLOAT:
                return REAL;
            case Types.FLOAT:
            case Types.DOUBLE:
            case ORACLE_BINARY_DOUBLE:
                return DOUBLE;
            case Types.BOOLEAN:
                return BOOLEAN;
            case Types.BIT:
                // PostgreSQL reports boolean as BIT(1); a wider BIT is a bit string.
                return precision <= 1 ? BOOLEAN : TEXT;
            case Types.DATE:
                return DATE;
            case Types.TIME:
                return name.equals("timetz") ? TIME_WITH_OFFSET : TIME;
            case Types.TIME_WITH_TIMEZONE:
                return TIME_WITH_OFFSET;
            case Types.TIMESTAMP:
                // PgJDBC reports timestamptz as TIMESTAMP.
                return name.equals("timestamptz") ? TIMESTAMP_WITH_OFFSET : TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
            case SQLSERVER_DATETIMEOFFSET:
            case ORACLE_TIMESTAMPTZ:
                return TIMESTAMP_WITH_OFFSET;
            case ORACLE_TIMESTAMPLTZ:
                return TIMESTAMP;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                // H2 reports UUID as BINARY; its text form is what people expect.
                return name.equals("uuid") ? TEXT : BINARY;
            case Types.BLOB:
                return BLOB;
            case Types.CLOB:
            case Types.NCLOB:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
                return LONG_TEXT;
            default:
                return TEXT;
        }
    }
}
