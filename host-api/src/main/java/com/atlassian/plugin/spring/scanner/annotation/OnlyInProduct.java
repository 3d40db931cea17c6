package com.atlassian.plugin.spring.scanner.annotation;

import com.atlassian.plugin.spring.scanner.ProductFilter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 com/atlassian/plugin/spring/scanner/annotation/OnlyInProduct.java; only one source found (it is a meta-annotation, public plugins never write it).
/**
 * Compile-only stand-in: meta-annotation marking a product-specific Spring Scanner annotation.
 */
@Target(ElementType.ANNOTATION_TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OnlyInProduct {

    ProductFilter value();
}
