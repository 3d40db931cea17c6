package com.atlassian.plugin.spring.scanner.annotation.export;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 .../export/ExportAsService.java and an earlier public fork of the scanner (same value() default {}, RUNTIME); used as @ExportAsService({X.class}) in public Confluence plugins.
/**
 * Compile-only stand-in: exports a component as an OSGi service under the given interfaces (all of
 * its interfaces when empty).
 */
@Target({ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ExportAsService {

    Class<?>[] value() default {};

    ServiceProperty[] properties() default {};
}
