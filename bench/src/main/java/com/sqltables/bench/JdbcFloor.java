package com.sqltables.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import com.sqltables.confluence.macro.render.HtmlEscaper;
import org.owasp.encoder.Encode;

/**
 * The floor a render is compared with: the same query over plain JDBC (one open connection, no pool, no
 * read-only checks, no row cap), every value read as text and escaped into a {@link StringBuilder} by the
 * renderer's own {@link HtmlEscaper} (the OWASP HTML encoder with reused buffers) with the same cell markup,
 * then turned into a String as a render does. Same escaping on both sides: a faster escaper makes both
 * paths faster and leaves only the render's own overhead in the ratio.
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
        HtmlEscaper escaper = new HtmlEscaper();
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
                    b.append("<td class=\"confluenceTd\">");
                    if (value == null) {
                        b.append(NULL_HTML);
                    } else {
                        escaper.append(b, value);
                    }
                    b.append("</td>");
                }
                b.append("</tr>");
            }
            b.append("</tbody></table></div>");
        }
        return b.toString();
    }
}
