package com.sqltables.confluence.macro.render;

import com.atlassian.sal.api.message.I18nResolver;
import java.util.Objects;

/**
 * {@link TableTexts} from the app's i18n file in the reader's language. Resolves the texts every table
 * shows once, when created (create one per render), so that cells cost no lookups; the three texts with
 * an argument (a formatted pattern each, the dearest lookups) only when a table first needs them.
 */
public final class I18nTableTexts implements TableTexts {
    /** A placeholder argument that no translation contains, to split patterns around their argument. */
    private static final String MARK = "\u0000";

    private final String nullValue;
    private final String trueValue;
    private final String falseValue;
    private final String noRows;
    private final String noResult;
    private final String rowNumberHeader;
    private final I18nResolver i18n;
    private String[] truncated;
    private String[] binary;
    private String[] textCut;

    public I18nTableTexts(I18nResolver i18n) {
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.nullValue = i18n.getText(KEY_NULL);
        this.trueValue = i18n.getText(KEY_TRUE);
        this.falseValue = i18n.getText(KEY_FALSE);
        this.noRows = i18n.getText(KEY_NO_ROWS);
        this.noResult = i18n.getText(KEY_NO_RESULT);
        this.rowNumberHeader = i18n.getText(KEY_ROW_NUMBER);
    }

    private String[] pattern(String key) {
        return split(i18n.getText(key, MARK));
    }

    private static String[] split(String pattern) {
        int at = pattern.indexOf(MARK);
        return at < 0 ? new String[] {pattern, ""} : new String[] {pattern.substring(0, at), pattern.substring(at + 1)};
    }

    @Override
    public String nullValue() {
        return nullValue;
    }

    @Override
    public String trueValue() {
        return trueValue;
    }

    @Override
    public String falseValue() {
        return falseValue;
    }

    @Override
    public String noRows() {
        return noRows;
    }

    @Override
    public String noResult() {
        return noResult;
    }

    @Override
    public String rowNumberHeader() {
        return rowNumberHeader;
    }

    @Override
    public String truncated(int shownRows) {
        if (truncated == null) {
            truncated = pattern(KEY_TRUNCATED);
        }
        return truncated[0] + shownRows + truncated[1];
    }

    @Override
    public String binary(String size) {
        if (binary == null) {
            binary = pattern(KEY_BINARY);
        }
        return binary[0] + size + binary[1];
    }

    @Override
    public String textCut(int shownCharacters) {
        if (textCut == null) {
            textCut = pattern(KEY_TEXT_CUT);
        }
        return textCut[0] + shownCharacters + textCut[1];
    }
}
