package com.sqltables.confluence.query.execution;

import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.SQLException;

/**
 * The current row of a streamed result, read like a {@link java.sql.ResultSet} but unable to move it.
 * Valid only during {@link RowSink#row}; the same object is passed for every row.
 */
public interface ResultRow {
    /** @return the row's number, from 1 */
    int getRowNumber();

    String getString(int column) throws SQLException;

    BigDecimal getBigDecimal(int column) throws SQLException;

    float getFloat(int column) throws SQLException;

    double getDouble(int column) throws SQLException;

    boolean getBoolean(int column) throws SQLException;

    byte[] getBytes(int column) throws SQLException;

    Blob getBlob(int column) throws SQLException;

    Reader getCharacterStream(int column) throws SQLException;

    <T> T getObject(int column, Class<T> type) throws SQLException;

    Object getObject(int column) throws SQLException;

    /** @return whether the value last read was SQL {@code NULL} */
    boolean wasNull() throws SQLException;
}
