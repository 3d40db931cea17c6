package com.sqltables.confluence.macro;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The column formatting a macro asks for: a small, safe set. Immutable; part of the cache key.
 *
 * <ul>
 *   <li>{@code numberFormat}: a pattern of {@code #}, {@code 0} and {@code ,} with an optional
 *       {@code .} part, e.g. {@code #,##0.00}; always {@code ,} for grouping and {@code .} for decimals.
 *       Applies to every numeric column. Absent: numbers as the database returns them.</li>
 *   <li>{@code dateFormat}: a pattern of {@code y M d H h m s S a E} and the separators
 *       {@code - / . : ,} and space, plus {@code 'T'}, e.g. {@code dd.MM.yyyy} or
 *       {@code yyyy-MM-dd HH:mm}; English month and day names. Applies to date and timestamp columns
 *       (time-only columns keep ISO). Absent: ISO 8601.</li>
 *   <li>{@code align}: per column, {@code amount=right | region=center} (columns by label, ignoring
 *       case; {@code left}, {@code center} or {@code right}). Absent: numbers right, the rest left.</li>
 * </ul>
 */
public final class TableFormat {
    /** No formatting asked for. */
    public static final TableFormat DEFAULT = new TableFormat(null, null, Collections.emptyMap());

    private static final Pattern NUMBER_PATTERN = Pattern.compile("[#0,]{1,30}(\\.[#0]{1,15})?");
    private static final Pattern DATE_PATTERN = Pattern.compile("([yMdHhmsSaE\\-/.:, ]|'T'){1,40}");
    private static final int MAX_ALIGNED_COLUMNS = 100;

    /** Alignment of a column's header and cells. */
    public enum Alignment {
        LEFT, CENTER, RIGHT;

        /** @return the CSS class name suffix, e.g. {@code right} */
        public String cssName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final String numberPattern;
    private final String datePattern;
    private final Map<String, Alignment> alignments;

    private TableFormat(String numberPattern, String datePattern, Map<String, Alignment> alignments) {
        this.numberPattern = numberPattern;
        this.datePattern = datePattern;
        this.alignments = alignments;
    }

    /**
     * @param numberFormat the {@code numberFormat} macro parameter, or {@code null}
     * @param dateFormat the {@code dateFormat} macro parameter, or {@code null}
     * @param align the {@code align} macro parameter, or {@code null}
     * @throws MacroParameterException naming the parameter that is not in the safe set
     */
    public static TableFormat parse(String numberFormat, String dateFormat, String align) {
        String number = blankToNull(numberFormat);
        if (number != null) {
            if (!NUMBER_PATTERN.matcher(number).matches() || !number.contains("0") && !number.contains("#")) {
                throw new MacroParameterException("numberFormat", "number.format");
            }
            try {
                new DecimalFormat(number, DecimalFormatSymbols.getInstance(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new MacroParameterException("numberFormat", "number.format.invalid");
            }
        }
        String date = blankToNull(dateFormat);
        if (date != null) {
            if (!DATE_PATTERN.matcher(date).matches()) {
                throw new MacroParameterException("dateFormat", "date.format");
            }
            try {
                DateTimeFormatter.ofPattern(date, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new MacroParameterException("dateFormat", "date.format.invalid");
            }
        }
        Map<String, Alignment> alignments = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : ParameterListSyntax.parse("align", align).entrySet()) {
            String value = e.getValue().trim().toUpperCase(Locale.ROOT);
            Alignment alignment;
            try {
                alignment = Alignment.valueOf(value);
            } catch (IllegalArgumentException ex) {
                throw new MacroParameterException("align", "align.value", e.getKey(), shorten(e.getValue()));
            }
            alignments.put(e.getKey().toLowerCase(Locale.ROOT), alignment);
        }
        if (alignments.size() > MAX_ALIGNED_COLUMNS) {
            throw new MacroParameterException("align", "align.too.many", String.valueOf(MAX_ALIGNED_COLUMNS));
        }
        if (number == null && date == null && alignments.isEmpty()) {
            return DEFAULT;
        }
        return new TableFormat(number, date, Collections.unmodifiableMap(alignments));
    }

    private static String blankToNull(String text) {
        return text == null || text.trim().isEmpty() ? null : text.trim();
    }

    private static String shorten(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "…" : text;
    }

    /** @return the number pattern, or {@code null} for numbers as returned */
    public String getNumberPattern() {
        return numberPattern;
    }

    /** @return the date pattern, or {@code null} for ISO 8601 */
    public String getDatePattern() {
        return datePattern;
    }

    /** @return lower-case column label → alignment; empty for the defaults */
    public Map<String, Alignment> getAlignments() {
        return alignments;
    }

    /** @return the alignment asked for the column, or {@code null} for the default */
    public Alignment alignmentOf(String columnLabel) {
        return columnLabel == null ? null : alignments.get(columnLabel.toLowerCase(Locale.ROOT));
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TableFormat)) {
            return false;
        }
        TableFormat that = (TableFormat) o;
        return Objects.equals(numberPattern, that.numberPattern) && Objects.equals(datePattern, that.datePattern)
                && alignments.equals(that.alignments);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numberPattern, datePattern, alignments);
    }

    @Override
    public String toString() {
        return "TableFormat{number=" + numberPattern + ", date=" + datePattern + ", align=" + alignments + "}";
    }
}
