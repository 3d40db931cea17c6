package com.sqltables.confluence.query.execution;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One column of a result: its label and type. Immutable. */
public final class ResultColumn {
    private final int index;
    private final String label;
    private final int sqlType;
    private final String typeName;
    private final String className;
    private final ValueKind kind;

    public ResultColumn(int index, String label, int sqlType, String typeName, String className, ValueKind kind) {
        this.index = index;
        this.label = label;
        this.sqlType = sqlType;
        this.typeName = typeName;
        this.className = className;
        this.kind = kind;
    }

    /** @return the columns of a result, in order */
    static List<ResultColumn> of(ResultSetMetaData metaData) throws SQLException {
        int count = metaData.getColumnCount();
        List<ResultColumn> columns = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int type = metaData.getColumnType(i);
            String typeName = metaData.getColumnTypeName(i);
            int precision;
            try {
                precision = metaData.getPrecision(i);
            } catch (SQLException | RuntimeException e) {
                precision = 0;
            }
            String label = metaData.getColumnLabel(i);
            columns.add(new ResultColumn(i, label == null ? "" : label, type, typeName,
                    metaData.getColumnClassName(i), ValueKind.of(type, typeName, precision)));
        }
        return Collections.unmodifiableList(columns);
    }

    /** @return the JDBC column index, from 1 */
    public int getIndex() {
        return index;
    }

    /** @return the column's label ({@code AS} name, else its name), as the database reports it; not escaped */
    public String getLabel() {
        return label;
    }

    /** @return the {@link java.sql.Types} code */
    public int getSqlType() {
        return sqlType;
    }

    /** @return the database's type name, e.g. {@code int4}, or {@code null} */
    public String getTypeName() {
        return typeName;
    }

    /** @return the Java class the driver maps the column to, or {@code null} */
    public String getClassName() {
        return className;
    }

    /** @return how values are read and shown */
    public ValueKind getKind() {
        return kind;
    }

    @Override
    public String toString() {
        return label + ":" + typeName + "(" + kind + ")";
    }
}
