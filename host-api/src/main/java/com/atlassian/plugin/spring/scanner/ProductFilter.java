package com.atlassian.plugin.spring.scanner;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 com/atlassian/plugin/spring/scanner/ProductFilter.java; only one source found for the full constant list.
/**
 * Compile-only stand-in for the products a Spring Scanner annotation can be limited to. The
 * constants only; the real enum's two helper methods are left out.
 */
public enum ProductFilter {
    ALL,
    JIRA,
    CONFLUENCE,
    BAMBOO,
    BITBUCKET,
    STASH,
    CROWD,
    FECRU,
    REFAPP
}
