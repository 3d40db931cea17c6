package com.atlassian.plugin.spring.scanner.annotation.imports;

import com.atlassian.plugin.spring.scanner.ProductFilter;
import com.atlassian.plugin.spring.scanner.annotation.OnlyInProduct;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 .../imports/ConfluenceImport.java and public Confluence plugins using it on constructor parameters and fields (Flock listener, scio search servlet).
/**
 * Compile-only stand-in: {@link ComponentImport} that only applies in Confluence (its imports go to
 * the {@code imports-confluence} index file).
 */
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@ComponentImport
@OnlyInProduct(ProductFilter.CONFLUENCE)
public @interface ConfluenceImport {

    String value() default "";
}
