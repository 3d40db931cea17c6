package com.sqltables.confluence.access;

/**
 * Checks that inline SQL is the body of a macro in the saved content it claims to come from. Without
 * it, anyone could have Confluence render storage format they wrote themselves "in the context of" a
 * page whose last editor may write SQL (Confluence's REST API converts storage format to HTML for any
 * content the caller can view), and so run SQL of their own under that editor's authority.
 *
 * <p>The SQL must equal a whole plain-text macro body of the content ({@code <ac:plain-text-body>}),
 * ignoring only white space at its ends: a part of a stored statement (e.g. one cut before its
 * {@code WHERE}) does not match. Bodies are read as Confluence stores them: {@code <![CDATA[…]]>}
 * sections (a {@code ]]>} inside is split across two) and escaped text.
 */
public final class StoredSql {
    private static final String OPEN = "<ac:plain-text-body>";
    private static final String CLOSE = "</ac:plain-text-body>";
    private static final String CDATA_OPEN = "<![CDATA[";
    private static final String CDATA_CLOSE = "]]>";

    private StoredSql() {
    }

    /**
     * @param storageBody the content's body in storage format, or {@code null}
     * @param sql the macro body as the macro received it
     * @return whether a plain-text macro body of the content is this SQL
     */
    public static boolean isPartOf(String storageBody, String sql) {
        if (storageBody == null || sql == null || sql.trim().isEmpty()) {
            return false;
        }
        String wanted = sql.strip();
        int from = 0;
        while (true) {
            int open = storageBody.indexOf(OPEN, from);
            if (open < 0) {
                return false;
            }
            StringBuilder body = new StringBuilder();
            int end = readBody(storageBody, open + OPEN.length(), body);
            if (end < 0) {
                // Not a plain-text body after all (markup inside, or unterminated): look further.
                from = open + OPEN.length();
                continue;
            }
            if (body.toString().strip().equals(wanted)) {
                return true;
            }
            from = end;
        }
    }

    /**
     * Reads a stored body up to its closing tag; CDATA sections may contain anything, the closing tag
     * included.
     *
     * @return the index after the closing tag, or -1 when the body is not plain text
     */
    private static int readBody(String storage, int start, StringBuilder text) {
        int i = start;
        while (i < storage.length()) {
            if (storage.startsWith(CDATA_OPEN, i)) {
                int cdataEnd = storage.indexOf(CDATA_CLOSE, i + CDATA_OPEN.length());
                if (cdataEnd < 0) {
                    return -1;
                }
                text.append(storage, i + CDATA_OPEN.length(), cdataEnd);
                i = cdataEnd + CDATA_CLOSE.length();
            } else if (storage.startsWith(CLOSE, i)) {
                return i + CLOSE.length();
            } else if (storage.charAt(i) == '&') {
                int semicolon = storage.indexOf(';', i);
                int c = semicolon < 0 ? -1 : entity(storage.substring(i + 1, semicolon));
                if (c < 0) {
                    return -1;
                }
                text.appendCodePoint(c);
                i = semicolon + 1;
            } else if (storage.charAt(i) == '<') {
                return -1;
            } else {
                text.append(storage.charAt(i));
                i++;
            }
        }
        return -1;
    }

    private static int entity(String name) {
        switch (name) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                break;
        }
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                return Integer.parseInt(name.substring(2), 16);
            }
            if (name.startsWith("#")) {
                return Integer.parseInt(name.substring(1));
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
