package com.sqltables.confluence.query.execution;

import com.atlassian.sal.api.message.I18nResolver;
import com.sqltables.confluence.I18nText;
import java.util.Objects;

/**
 * A query or connection test failed. Its text ({@link #text}) is an i18n key with arguments, worded in
 * the reader's language where it is shown; {@link #getMessage()} is the same text in English, for logs.
 * Both are safe to show on a page once HTML-escaped: no stack trace, and the database's own message in
 * them is masked of passwords and secret connection properties.
 */
public class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final QueryFailure failure;
    private final I18nText text;
    private final String databaseMessage;
    private final String sqlState;
    private final int vendorCode;

    public QueryException(QueryFailure failure, I18nText text) {
        this(failure, text, null, null, 0);
    }

    public QueryException(QueryFailure failure, I18nText text, String databaseMessage, String sqlState, int vendorCode) {
        super(text.english());
        this.failure = Objects.requireNonNull(failure, "failure");
        this.text = text;
        this.databaseMessage = databaseMessage;
        this.sqlState = sqlState;
        this.vendorCode = vendorCode;
    }

    /** @return the kind of failure */
    public QueryFailure getFailure() {
        return failure;
    }

    /** @return the i18n key and arguments of what happened */
    public I18nText getText() {
        return text;
    }

    /** @return what happened, in the language of {@code i18n}; plain text (escape to show) */
    public String text(I18nResolver i18n) {
        return text.resolve(i18n);
    }

    /** @return the database's or driver's message, masked, or {@code null} */
    public String getDatabaseMessage() {
        return databaseMessage;
    }

    /** @return the SQLSTATE reported, or {@code null} */
    public String getSqlState() {
        return sqlState;
    }

    /** @return the database's own error code, or 0 */
    public int getVendorCode() {
        return vendorCode;
    }

    /** No stack trace: these exceptions are expected outcomes and end up in error boxes. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
