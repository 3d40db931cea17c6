package com.sqltables.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.owasp.encoder.Encode;

/**
 * The floor a render is compared with: the same query over plain JDBC (one open connection, no pool, no
 * read-only checks, no row cap), every value read as text and escaped with the same OWASP encoder into a
 * {@link StringBuilder} with the same cell markup, then turned into a String as a render does.
 */
final class JdbcFloor {
    private static final String NULL_HTML = "<span class=\"sql-tables-null\">NULL</span>";

    private final Connection connection;

    JdbcFloor(Connection connection) {
        this.connection = connection;
    }

    /** @return the HTML table */
    String render(String sql) throws SQLException {
        StringBuilder b = new StringBuilder(1024);
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            b.append("<div class=\"sql-tables-result\"><table class=\"confluenceTable sql-tables-table\"><thead><tr>");
            for (int i = 1; i <= columns; i++) {
                b.append("<th class=\"confluenceTh\">").append(Encode.forHtml(rs.getMetaData().getColumnLabel(i)))
                        .append("</th>");
            }
            b.append("</tr></thead><tbody>");
            while (rs.next()) {
                b.append("<tr>");
                for (int i = 1; i <= columns; i++) {
                    String value = rs.getString(i);
                    b.append("<td class=\"confluenceTd\">").append(value == null ? NULL_HTML : Encode.forHtml(value))
                            .append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table></div>");
        }
        return b.toString();
    }
}
