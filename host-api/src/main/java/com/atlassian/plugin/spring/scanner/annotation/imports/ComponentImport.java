package com.atlassian.plugin.spring.scanner.annotation.imports;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 .../imports/ComponentImport.java and an independent (Procyon) decompile of the same annotation; used on fields and constructor parameters in atlassian-slack-integration-server.
/**
 * Compile-only stand-in: imports an OSGi service of the host (or another plugin) as a Spring bean.
 * {@code value} is an optional bean name. {@code ANNOTATION_TYPE} is a target so that product
 * variants such as {@link ConfluenceImport} can carry it.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
public @interface ComponentImport {

    String value() default "";
}
