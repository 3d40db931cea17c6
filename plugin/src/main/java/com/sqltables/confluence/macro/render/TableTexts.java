package com.sqltables.confluence.macro.render;

/**
 * The words a result table shows, in the reader's language. Texts are plain (the renderer escapes
 * them). {@link #english()} holds the defaults; {@link I18nTableTexts} reads them from the app's i18n
 * file under the {@code KEY_*} keys.
 */
public interface TableTexts {
    String KEY_NULL = "com.sqltables.confluence.table.null";
    String KEY_TRUE = "com.sqltables.confluence.table.true";
    String KEY_FALSE = "com.sqltables.confluence.table.false";
    String KEY_NO_ROWS = "com.sqltables.confluence.table.no.rows";
    String KEY_NO_RESULT = "com.sqltables.confluence.table.no.result";
    String KEY_ROW_NUMBER = "com.sqltables.confluence.table.row.number";
    String KEY_TRUNCATED = "com.sqltables.confluence.table.truncated";
    String KEY_BINARY = "com.sqltables.confluence.table.binary";
    String KEY_TEXT_CUT = "com.sqltables.confluence.table.text.cut";
    /**
     * The language tag of the translation the texts come from ({@code en} in the base file; every
     * translation sets its own). Cached tables are kept per value, so a cached table's texts are always
     * in its viewer's language.
     */
    String KEY_LANGUAGE = "com.sqltables.confluence.table.language";

    /** @return how SQL {@code NULL} is shown, e.g. {@code NULL} */
    String nullValue();

    String trueValue();

    String falseValue();

    /** @return shown in the table when the result has no rows */
    String noRows();

    /** @return shown instead of a table when the statement returned no result set */
    String noResult();

    /** @return the header of the row-number column, e.g. {@code #} */
    String rowNumberHeader();

    /** @return the notice under a capped table, e.g. {@code Only the first 100 rows are shown.} */
    String truncated(int shownRows);

    /** @param size e.g. {@code 12 KB} @return e.g. {@code (binary, 12 KB)} */
    String binary(String size);

    /** @return appended to a long text cut at {@code shownCharacters} */
    String textCut(int shownCharacters);

    /** @return the English texts */
    static TableTexts english() {
        return EnglishTableTexts.INSTANCE;
    }
}
