package com.atlassian.webresource.api.assembler;

// Signature confirmed against decompiled webresource API in Decompiled-Files (RequiredResources, found by find_string) and public macros chaining assembler().resources().requireWebResource(String) (idea-search macro, Atlassian macro tutorial).
/**
 * Compile-only stand-in for the set of web resources a page needs. A subset; each call returns
 * {@code this} for chaining.
 */
public interface RequiredResources {

    /** @param moduleCompleteKey {@code pluginKey:webResourceKey} */
    RequiredResources requireWebResource(String moduleCompleteKey);

    RequiredResources requireContext(String context);
}
