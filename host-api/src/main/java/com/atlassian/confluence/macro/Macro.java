package com.atlassian.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import java.util.Map;

// Signature confirmed against Decompiled-Files confluence-8.7.2 com/atlassian/confluence/macro/Macro.java and public macros (an-yurii/confluence-allure-plugin TestMacro, TaylorHuston/Confluence_myPlugin).
/**
 * Compile-only stand-in for a Confluence XHTML macro. Declared in full: the plugin implements it.
 */
public interface Macro {

    /**
     * Renders the macro.
     *
     * @param parameters macro parameters as typed in the editor
     * @param body the macro body, or {@code null} for a body-less macro
     * @param context the conversion in progress
     * @return the HTML to insert
     * @throws MacroExecutionException if the macro cannot render
     */
    String execute(Map<String, String> parameters, String body, ConversionContext context)
            throws MacroExecutionException;

    /** @return the kind of body the macro accepts */
    BodyType getBodyType();

    /** @return whether the macro renders inline or as a block */
    OutputType getOutputType();

    /** How the macro's output sits in the page. */
    enum OutputType {
        INLINE,
        BLOCK
    }

    /** What kind of body the macro takes. */
    enum BodyType {
        PLAIN_TEXT,
        RICH_TEXT,
        NONE
    }
}
