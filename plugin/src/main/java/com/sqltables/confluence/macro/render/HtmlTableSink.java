package com.sqltables.confluence.macro.render;

import com.sqltables.confluence.query.execution.ResultColumn;
import com.sqltables.confluence.query.execution.ResultRow;
import com.sqltables.confluence.query.execution.RowSink;
import com.sqltables.confluence.query.execution.ValueKind;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.owasp.encoder.Encode;

/**
 * Writes one result table (see {@link ResultTableRenderer}). Per row it allocates nothing of its own
 * beyond what the driver hands out: the markup around values is precomputed per column, the row buffer
 * is reused, and numbers and dates are appended, not formatted into strings.
 *
 * <p>Only text that comes from outside (database values, labels, caption, i18n texts) goes through the
 * encoder. Numbers, dates and times are written by us from typed values, in an alphabet (digits, sign,
 * {@code . : - + T Z E}, {@code NaN}, {@code Infinity}) in which HTML sees nothing but text.
 */
final class HtmlTableSink implements RowSink {
    private static final String TD = "<td class=\"confluenceTd\">";
    private static final String TD_NUMBER = "<td class=\"confluenceTd sql-tables-num\">";
    private static final String TD_ROW_NUMBER = "<td class=\"confluenceTd sql-tables-num sql-tables-rownum\">";

    private final Appendable out;
    private final StringBuilder buffer;
    private final boolean direct;
    private final TableOptions options;
    private final TableTexts texts;
    private final int longTextCap;
    private final String nullHtml;
    private final String trueHtml;
    private final String falseHtml;
    private final HtmlEscaper escaper = new HtmlEscaper();

    private ValueKind[] kinds;
    private String[] cellOpenings;
    /** Columns whose driver could not give the typed value once: read as text from then on. */
    private boolean[] asText;
    private int columnCount;
    private boolean noResult;
    private StringBuilder longText;
    private char[] chunk;

    HtmlTableSink(Appendable out, TableOptions options, TableTexts texts, int longTextCap) {
        this.out = out;
        this.direct = out instanceof StringBuilder;
        this.buffer = direct ? (StringBuilder) out : new StringBuilder(256);
        this.options = options;
        this.texts = texts;
        this.longTextCap = longTextCap;
        this.nullHtml = "<span class=\"sql-tables-null\">" + Encode.forHtml(texts.nullValue()) + "</span>";
        this.trueHtml = Encode.forHtml(texts.trueValue());
        this.falseHtml = Encode.forHtml(texts.falseValue());
    }

    @Override
    public void start(List<ResultColumn> columns) throws IOException {
        StringBuilder b = buffer;
        if (columns.isEmpty()) {
            noResult = true;
            b.append("<div class=\"sql-tables-result\"><p class=\"sql-tables-notice\">")
                    .append(Encode.forHtml(texts.noResult())).append("</p></div>");
            flush();
            return;
        }
        columnCount = columns.size();
        kinds = new ValueKind[columnCount];
        cellOpenings = new String[columnCount];
        asText = new boolean[columnCount];
        boolean interactive = !options.isStaticOutput();
        b.append("<div class=\"sql-tables-result").append(interactive ? " sql-tables-interactive" : "").append("\">")
                .append("<table class=\"confluenceTable sql-tables-table\">");
        if (options.getCaption() != null) {
            b.append("<caption>").append(Encode.forHtml(options.getCaption())).append("</caption>");
        }
        b.append("<thead><tr>");
        if (options.isRowNumbers()) {
            b.append("<th class=\"confluenceTh sql-tables-num sql-tables-rownum\"")
                    .append(interactive ? " data-sql-tables-type=\"number\"" : "").append('>')
                    .append(Encode.forHtml(texts.rowNumberHeader())).append("</th>");
        }
        for (int i = 0; i < columnCount; i++) {
            ResultColumn column = columns.get(i);
            ValueKind kind = column.getKind();
            kinds[i] = kind;
            cellOpenings[i] = kind.isNumeric() ? TD_NUMBER : TD;
            b.append("<th class=\"confluenceTh").append(kind.isNumeric() ? " sql-tables-num" : "").append('"');
            if (interactive) {
                b.append(" data-sql-tables-type=\"").append(typeAttribute(kind)).append('"');
            }
            b.append('>').append(Encode.forHtml(column.getLabel())).append("</th>");
        }
        b.append("</tr></thead><tbody>");
        flush();
    }

    /** For scripts that sort or filter the table: how to compare the column's values. */
    private static String typeAttribute(ValueKind kind) {
        switch (kind) {
            case INTEGER:
            case DECIMAL:
            case REAL:
            case DOUBLE:
                return "number";
            case DATE:
            case TIMESTAMP:
            case TIMESTAMP_WITH_OFFSET:
                return "date";
            case TIME:
            case TIME_WITH_OFFSET:
                return "time";
            case BOOLEAN:
                return "boolean";
            case BINARY:
            case BLOB:
                return "binary";
            default:
                return "text";
        }
    }

    @Override
    public void row(ResultRow row) throws SQLException, IOException {
        StringBuilder b = buffer;
        b.append("<tr>");
        if (options.isRowNumbers()) {
            b.append(TD_ROW_NUMBER).append(row.getRowNumber()).append("</td>");
        }
        for (int i = 0; i < columnCount; i++) {
            b.append(cellOpenings[i]);
            cell(b, row, i);
            b.append("</td>");
        }
        b.append("</tr>");
        flush();
    }

    private void cell(StringBuilder b, ResultRow row, int i) throws SQLException, IOException {
        int column = i + 1;
        ValueKind kind = asText[i] ? ValueKind.TEXT : kinds[i];
        switch (kind) {
            case DECIMAL:
                BigDecimal decimal = row.getBigDecimal(column);
                if (decimal == null) {
                    b.append(nullHtml);
                } else {
                    b.append(decimal.toPlainString());
                }
                break;
            case REAL:
                float real = row.getFloat(column);
                if (row.wasNull()) {
                    b.append(nullHtml);
                } else {
                    b.append(real);
                }
                break;
            case DOUBLE:
                double number = row.getDouble(column);
                if (row.wasNull()) {
                    b.append(nullHtml);
                } else {
                    b.append(number);
                }
                break;
            case BOOLEAN:
                boolean truth = row.getBoolean(column);
                if (row.wasNull()) {
                    b.append(nullHtml);
                } else {
                    b.append(truth ? trueHtml : falseHtml);
                }
                break;
            case DATE:
                LocalDate date = temporal(b, row, i, LocalDate.class);
                if (date != null) {
                    IsoTemporal.date(b, date);
                }
                break;
            case TIME_WITH_OFFSET:
                OffsetTime time = temporal(b, row, i, OffsetTime.class);
                if (time != null) {
                    IsoTemporal.offsetTime(b, time);
                }
                break;
            case TIMESTAMP:
                LocalDateTime timestamp = temporal(b, row, i, LocalDateTime.class);
                if (timestamp != null) {
                    IsoTemporal.dateTime(b, timestamp);
                }
                break;
            case TIMESTAMP_WITH_OFFSET:
                OffsetDateTime offsetTimestamp = temporal(b, row, i, OffsetDateTime.class);
                if (offsetTimestamp != null) {
                    IsoTemporal.offsetDateTime(b, offsetTimestamp);
                }
                break;
            case BINARY:
                byte[] bytes = row.getBytes(column);
                if (bytes == null) {
                    b.append(nullHtml);
                } else {
                    binary(b, bytes.length);
                }
                break;
            case BLOB:
                blob(b, row.getBlob(column));
                break;
            case LONG_TEXT:
                longText(b, row.getCharacterStream(column));
                break;
            default:
                // TIME too: the drivers' text is ISO 8601 already, and MariaDB's LocalTime would turn an
                // interval such as 838:59:59 into 22:59:59.
                text(b, row.getString(column));
                break;
        }
    }

    private void text(StringBuilder b, String value) {
        if (value == null) {
            b.append(nullHtml);
        } else {
            escaper.append(b, value);
        }
    }

    /**
     * @return the typed value to write (as ISO 8601, by the caller), or {@code null} when this method
     *         already wrote the cell: NULL, or the driver's text when it cannot give the type
     */
    private <T extends TemporalAccessor> T temporal(StringBuilder b, ResultRow row, int i, Class<T> type)
            throws SQLException {
        T value;
        try {
            value = row.getObject(i + 1, type);
        } catch (SQLException | RuntimeException e) {
            // The driver cannot give this type (or not this value, e.g. MariaDB TIME '838:59:59'):
            // show the column as the driver's text from now on.
            asText[i] = true;
            text(b, row.getString(i + 1));
            return null;
        }
        if (value == null) {
            b.append(nullHtml);
        }
        return value;
    }

    private void blob(StringBuilder b, Blob blob) throws SQLException {
        if (blob == null) {
            b.append(nullHtml);
            return;
        }
        try {
            binary(b, blob.length());
        } finally {
            try {
                blob.free();
            } catch (SQLException | RuntimeException | AbstractMethodError e) {
                // Freeing early is an optimisation; the driver releases it with the result set anyway.
            }
        }
    }

    private void binary(StringBuilder b, long length) {
        b.append("<span class=\"sql-tables-binary\">");
        escaper.append(b, texts.binary(size(length)));
        b.append("</span>");
    }

    /** @return e.g. {@code 12 bytes}, {@code 12 KB}, {@code 3.4 MB} (binary units, as file managers show) */
    static String size(long bytes) {
        if (bytes == 1) {
            return "1 byte";
        }
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        long tenths = Math.round(bytes * 10.0 / (1024 * 1024));
        if (tenths >= 10 * 1024) {
            long gbTenths = Math.round(bytes * 10.0 / (1024L * 1024 * 1024));
            return gbTenths / 10 + "." + gbTenths % 10 + " GB";
        }
        return tenths / 10 + "." + tenths % 10 + " MB";
    }

    private void longText(StringBuilder b, Reader reader) throws IOException {
        if (reader == null) {
            b.append(nullHtml);
            return;
        }
        if (longText == null) {
            longText = new StringBuilder();
            chunk = new char[8192];
        }
        longText.setLength(0);
        boolean cut = false;
        try (Reader in = reader) {
            int read;
            while ((read = in.read(chunk)) > 0) {
                int room = longTextCap - longText.length();
                if (read > room) {
                    longText.append(chunk, 0, room);
                    cut = true;
                    break;
                }
                longText.append(chunk, 0, read);
            }
        }
        if (cut && longText.length() > 0 && Character.isHighSurrogate(longText.charAt(longText.length() - 1))) {
            longText.setLength(longText.length() - 1);
        }
        escaper.append(b, longText.toString());
        if (cut) {
            b.append("<span class=\"sql-tables-cut\">").append(Encode.forHtml(texts.textCut(longTextCap)))
                    .append("</span>");
        }
    }

    @Override
    public void end(int rowCount, boolean truncated) throws IOException {
        if (noResult) {
            return;
        }
        StringBuilder b = buffer;
        if (rowCount == 0) {
            int span = columnCount + (options.isRowNumbers() ? 1 : 0);
            b.append("<tr><td class=\"confluenceTd sql-tables-empty\" colspan=\"").append(span).append("\">")
                    .append(Encode.forHtml(texts.noRows())).append("</td></tr>");
        }
        b.append("</tbody></table>");
        if (truncated) {
            b.append("<p class=\"sql-tables-notice\">").append(Encode.forHtml(texts.truncated(rowCount))).append("</p>");
        }
        b.append("</div>");
        flush();
    }

    private void flush() throws IOException {
        if (!direct) {
            out.append(buffer);
            buffer.setLength(0);
        }
    }
}
