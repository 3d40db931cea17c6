package com.sqltables.confluence.macro.render;

import com.sqltables.confluence.query.execution.RowSink;
import java.util.Objects;
import javax.inject.Named;

/**
 * Renders a streamed query result as a Confluence table, written straight into an {@link Appendable}
 * as the rows arrive:
 * <pre>
 * &lt;div class="sql-tables-result sql-tables-interactive"&gt;
 *   &lt;table class="confluenceTable sql-tables-table"&gt;&lt;caption&gt;…&lt;/caption&gt;
 *     &lt;thead&gt;&lt;tr&gt;&lt;th class="confluenceTh" data-sql-tables-type="text"&gt;label&lt;/th&gt;…&lt;/tr&gt;&lt;/thead&gt;
 *     &lt;tbody&gt;&lt;tr&gt;&lt;td class="confluenceTd"&gt;value&lt;/td&gt;…&lt;/tr&gt;…&lt;/tbody&gt;
 *   &lt;/table&gt;
 *   &lt;p class="sql-tables-notice"&gt;Only the first 100 rows are shown.&lt;/p&gt;
 * &lt;/div&gt;
 * </pre>
 * Every text from the database, every label, the caption and every text of {@link TableTexts} is
 * HTML-escaped with the OWASP encoder. Numbers carry {@code sql-tables-num} (right-aligned), NULL is a
 * {@code sql-tables-null} span, dates and times are ISO 8601, binary values are summarised by size and
 * CLOB-like text is read up to {@link #DEFAULT_LONG_TEXT_CAP} characters. The static variant (exports)
 * has no {@code sql-tables-interactive} class and no {@code data-} attributes.
 */
@Named
public final class ResultTableRenderer {
    /** Characters read from one CLOB-like value; the rest is cut with a note. */
    public static final int DEFAULT_LONG_TEXT_CAP = 1_000_000;

    private final int longTextCap;

    public ResultTableRenderer() {
        this(DEFAULT_LONG_TEXT_CAP);
    }

    ResultTableRenderer(int longTextCap) {
        this.longTextCap = longTextCap;
    }

    /**
     * @param out where the HTML goes; a {@link StringBuilder} is written directly, anything else gets one
     *     append per row
     * @param options caption, row numbers, static or interactive markup
     * @param texts the words, in the reader's language
     * @return a sink for {@code QueryExecutor.execute}; one per table
     */
    public RowSink sink(Appendable out, TableOptions options, TableTexts texts) {
        return new HtmlTableSink(Objects.requireNonNull(out, "out"), Objects.requireNonNull(options, "options"),
                Objects.requireNonNull(texts, "texts"), longTextCap);
    }
}
