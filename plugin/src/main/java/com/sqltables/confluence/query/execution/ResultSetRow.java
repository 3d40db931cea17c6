package com.sqltables.confluence.query.execution;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.SQLException;

/** {@link ResultRow} over a live result set; one instance per query, reused for every row. */
final class ResultSetRow implements ResultRow {
    private final ResultSet resultSet;
    private int rowNumber;

    ResultSetRow(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    void setRowNumber(int rowNumber) {
        this.rowNumber = rowNumber;
    }

    @Override
    public int getRowNumber() {
        return rowNumber;
    }

    @Override
    public String getString(int column) throws SQLException {
        return resultSet.getString(column);
    }

    @Override
    public BigDecimal getBigDecimal(int column) throws SQLException {
        return resultSet.getBigDecimal(column);
    }

    @Override
    public float getFloat(int column) throws SQLException {
        return resultSet.getFloat(column);
    }

    @Override
    public double getDouble(int column) throws SQLException {
        return resultSet.getDouble(column);
    }

    @Override
    public boolean getBoolean(int column) throws SQLException {
        return resultSet.getBoolean(column);
    }

    @Override
    public byte[] getBytes(int column) throws SQLException {
        return resultSet.getBytes(column);
    }

    @Override
    public Blob getBlob(int column) throws SQLException {
        return resultSet.getBlob(column);
    }

    @Override
    public Reader getCharacterStream(int column) throws SQLException {
        return resultSet.getCharacterStream(column);
    }

    @Override
    public <T> T getObject(int column, Class<T> type) throws SQLException {
        return resultSet.getObject(column, type);
    }

    @Override
    public Object getObject(int column) throws SQLException {
        return resultSet.getObject(column);
    }

    @Override
    public boolean wasNull() throws SQLException {
        return resultSet.wasNull();
    }
}
