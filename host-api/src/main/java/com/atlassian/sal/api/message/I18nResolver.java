package com.atlassian.sal.api.message;

import java.io.Serializable;
import java.util.Locale;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/message/I18nResolver.java and the public SAL API source / AbstractI18nResolver (getText(String, Serializable...)).
/**
 * Compile-only stand-in for the host's message bundle lookup. A subset: the {@code Message}-based
 * methods are left out. Arguments are {@code Serializable} varargs, not {@code Object}.
 */
public interface I18nResolver {

    /** @return the raw pattern, without argument substitution */
    String getRawText(String key);

    String getText(String key, Serializable... arguments);

    String getText(Locale locale, String key, Serializable... arguments);

    String getText(String key);

    String getText(Locale locale, String key);
}
