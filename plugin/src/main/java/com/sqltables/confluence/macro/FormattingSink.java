package com.sqltables.confluence.macro;

import com.sqltables.confluence.query.execution.ResultColumn;
import com.sqltables.confluence.query.execution.ResultRow;
import com.sqltables.confluence.query.execution.RowSink;
import com.sqltables.confluence.query.execution.ValueKind;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Blob;
import java.sql.SQLException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies a macro's {@link TableFormat} on top of the result table renderer, which knows only its
 * standard formats, through the renderer's public contract:
 *
 * <ul>
 *   <li>A number column with {@code numberFormat} is handed on as a whole-number column read as text
 *       (still right-aligned, still marked numeric); its text is the formatted number.</li>
 *   <li>A date or timestamp column with {@code dateFormat} is handed on as a text column whose text is
 *       the formatted value.</li>
 *   <li>Aligned columns get a wrapping {@code div} whose classes
 *       ({@code sql-tables-align-c3-right}: third column, right) the app's style sheet turns into
 *       {@code text-align} for that column; columns after the {@link #MAX_ALIGNED_POSITION}th keep
 *       their default.</li>
 * </ul>
 * The renderer escapes every text it is given, formatted values included. One instance per table.
 */
final class FormattingSink implements RowSink {
    /** The style sheet has alignment rules for the first 30 columns (row numbers included). */
    static final int MAX_ALIGNED_POSITION = 30;

    private enum Rule { NONE, NUMBER, DATE }

    private final RowSink inner;
    private final Appendable out;
    private final TableFormat format;
    private final boolean rowNumbers;
    private Rule[] rules;
    private ValueKind[] originalKinds;
    private DecimalFormat numbers;
    private DateTimeFormatter dates;
    private FormattedRow formattedRow;
    private boolean wrapped;

    /**
     * @param inner the renderer's sink
     * @param out where the renderer writes, for the alignment wrapper
     * @param rowNumbers whether the renderer adds a row-number column first
     */
    FormattingSink(RowSink inner, Appendable out, TableFormat format, boolean rowNumbers) {
        this.inner = inner;
        this.out = out;
        this.format = format;
        this.rowNumbers = rowNumbers;
    }

    /** @return {@code inner} itself when nothing is to be formatted */
    static RowSink wrap(RowSink inner, Appendable out, TableFormat format, boolean rowNumbers) {
        return format.equals(TableFormat.DEFAULT) ? inner : new FormattingSink(inner, out, format, rowNumbers);
    }

    @Override
    public void start(List<ResultColumn> columns) throws IOException {
        rules = new Rule[columns.size()];
        originalKinds = new ValueKind[columns.size()];
        List<ResultColumn> handedOn = new ArrayList<>(columns.size());
        StringBuilder alignment = new StringBuilder();
        boolean anyRule = false;
        for (int i = 0; i < columns.size(); i++) {
            ResultColumn column = columns.get(i);
            ValueKind kind = column.getKind();
            originalKinds[i] = kind;
            rules[i] = ruleFor(kind);
            if (rules[i] == Rule.NONE) {
                handedOn.add(column);
            } else {
                anyRule = true;
                handedOn.add(new ResultColumn(column.getIndex(), column.getLabel(), column.getSqlType(),
                        column.getTypeName(), column.getClassName(),
                        rules[i] == Rule.NUMBER ? ValueKind.INTEGER : ValueKind.TEXT));
            }
            TableFormat.Alignment align = format.alignmentOf(column.getLabel());
            int position = i + 1 + (rowNumbers ? 1 : 0);
            if (align != null && position <= MAX_ALIGNED_POSITION) {
                alignment.append(" sql-tables-align-c").append(position).append('-').append(align.cssName());
            }
        }
        if (anyRule) {
            if (format.getNumberPattern() != null) {
                numbers = new DecimalFormat(format.getNumberPattern(), DecimalFormatSymbols.getInstance(Locale.ROOT));
                numbers.setRoundingMode(RoundingMode.HALF_UP);
            }
            if (format.getDatePattern() != null) {
                dates = DateTimeFormatter.ofPattern(format.getDatePattern(), Locale.ENGLISH);
            }
        }
        if (alignment.length() > 0 && !columns.isEmpty()) {
            // Only class names we built from digits and fixed words: nothing to escape.
            out.append("<div class=\"sql-tables-aligned").append(alignment).append("\">");
            wrapped = true;
        }
        inner.start(handedOn);
    }

    private Rule ruleFor(ValueKind kind) {
        if (format.getNumberPattern() != null && kind.isNumeric()) {
            return Rule.NUMBER;
        }
        if (format.getDatePattern() != null
                && (kind == ValueKind.DATE || kind == ValueKind.TIMESTAMP || kind == ValueKind.TIMESTAMP_WITH_OFFSET)) {
            return Rule.DATE;
        }
        return Rule.NONE;
    }

    @Override
    public void row(ResultRow row) throws SQLException, IOException {
        if (numbers == null && dates == null) {
            inner.row(row);
            return;
        }
        if (formattedRow == null) {
            formattedRow = new FormattedRow();
        }
        formattedRow.row = row;
        inner.row(formattedRow);
    }

    @Override
    public void end(int rowCount, boolean truncated) throws IOException {
        inner.end(rowCount, truncated);
        if (wrapped) {
            out.append("</div>");
        }
    }

    /** @return the formatted text of a formatted column, or {@code null} for SQL NULL */
    private String formatted(ResultRow row, int column) throws SQLException {
        int i = column - 1;
        if (rules[i] == Rule.NUMBER) {
            switch (originalKinds[i]) {
                case REAL: {
                    float value = row.getFloat(column);
                    return row.wasNull() ? null : numbers.format(value);
                }
                case DOUBLE: {
                    double value = row.getDouble(column);
                    return row.wasNull() ? null : numbers.format(value);
                }
                case DECIMAL: {
                    BigDecimal value = row.getBigDecimal(column);
                    return value == null ? null : numbers.format(value);
                }
                default: {
                    // Whole numbers are read as text, so unsigned 64-bit values survive.
                    String text = row.getString(column);
                    if (text == null) {
                        return null;
                    }
                    try {
                        return numbers.format(new BigDecimal(text.trim()));
                    } catch (NumberFormatException e) {
                        return text;
                    }
                }
            }
        }
        TemporalAccessor value;
        try {
            switch (originalKinds[i]) {
                case DATE:
                    value = row.getObject(column, LocalDate.class);
                    break;
                case TIMESTAMP:
                    value = row.getObject(column, LocalDateTime.class);
                    break;
                default:
                    value = row.getObject(column, OffsetDateTime.class);
                    break;
            }
        } catch (SQLException | RuntimeException e) {
            // The driver cannot give the typed value: show its text, as the renderer itself does.
            return row.getString(column);
        }
        if (value == null) {
            return null;
        }
        try {
            return dates.format(value);
        } catch (RuntimeException e) {
            // E.g. an hour pattern on a date-only value: ISO is better than nothing.
            return value.toString();
        }
    }

    /** The row as the renderer sees it: formatted columns answer {@code getString} with their text. */
    private final class FormattedRow implements ResultRow {
        private ResultRow row;

        @Override
        public int getRowNumber() {
            return row.getRowNumber();
        }

        @Override
        public String getString(int column) throws SQLException {
            return rules[column - 1] == Rule.NONE ? row.getString(column) : formatted(row, column);
        }

        @Override
        public BigDecimal getBigDecimal(int column) throws SQLException {
            return row.getBigDecimal(column);
        }

        @Override
        public float getFloat(int column) throws SQLException {
            return row.getFloat(column);
        }

        @Override
        public double getDouble(int column) throws SQLException {
            return row.getDouble(column);
        }

        @Override
        public boolean getBoolean(int column) throws SQLException {
            return row.getBoolean(column);
        }

        @Override
        public byte[] getBytes(int column) throws SQLException {
            return row.getBytes(column);
        }

        @Override
        public Blob getBlob(int column) throws SQLException {
            return row.getBlob(column);
        }

        @Override
        public Reader getCharacterStream(int column) throws SQLException {
            return row.getCharacterStream(column);
        }

        @Override
        public <T> T getObject(int column, Class<T> type) throws SQLException {
            return row.getObject(column, type);
        }

        @Override
        public Object getObject(int column) throws SQLException {
            return row.getObject(column);
        }

        @Override
        public boolean wasNull() throws SQLException {
            return row.wasNull();
        }
    }
}
