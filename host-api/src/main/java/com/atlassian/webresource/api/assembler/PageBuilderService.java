package com.atlassian.webresource.api.assembler;

// Signature confirmed against decompiled webresource API in Decompiled-Files (PageBuilderService, found by find_string) and atlassian-labs/atlassian-slack-integration-server (ComponentImports, VelocityPageBuilderService).
/**
 * Compile-only stand-in for the entry point to the current request's web resources. A subset:
 * {@code seed(...)} is left out.
 */
public interface PageBuilderService {

    WebResourceAssembler assembler();
}
