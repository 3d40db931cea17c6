package com.sqltables.confluence.macro.render;

/** The English texts, the same as in {@code sql-tables.properties}. */
final class EnglishTableTexts implements TableTexts {
    static final EnglishTableTexts INSTANCE = new EnglishTableTexts();

    private EnglishTableTexts() {
    }

    @Override
    public String nullValue() {
        return "NULL";
    }

    @Override
    public String trueValue() {
        return "true";
    }

    @Override
    public String falseValue() {
        return "false";
    }

    @Override
    public String noRows() {
        return "No rows.";
    }

    @Override
    public String noResult() {
        return "The statement returned no result.";
    }

    @Override
    public String rowNumberHeader() {
        return "#";
    }

    @Override
    public String truncated(int shownRows) {
        return "Only the first " + shownRows + " rows are shown.";
    }

    @Override
    public String binary(String size) {
        return "(binary, " + size + ")";
    }

    @Override
    public String textCut(int shownCharacters) {
        return "… (cut after " + shownCharacters + " characters)";
    }
}
