package com.atlassian.webresource.api.assembler;

// Signature confirmed against decompiled webresource API in Decompiled-Files (WebResourceAssembler, found by find_string) and public macros calling pageBuilderService.assembler().resources().
/**
 * Compile-only stand-in for the per-request web-resource assembler. A subset.
 */
public interface WebResourceAssembler {

    RequiredResources resources();
}
