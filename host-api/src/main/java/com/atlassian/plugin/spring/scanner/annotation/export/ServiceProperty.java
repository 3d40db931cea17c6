package com.atlassian.plugin.spring.scanner.annotation.export;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 .../export/ServiceProperty.java; only one source found. Like the real one it has no @Retention/@Target (so CLASS retention).
/**
 * Compile-only stand-in: one OSGi service property of an {@link ExportAsService}.
 */
public @interface ServiceProperty {

    String key();

    String value();
}
