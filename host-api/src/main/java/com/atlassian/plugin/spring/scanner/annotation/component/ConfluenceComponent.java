package com.atlassian.plugin.spring.scanner.annotation.component;

import com.atlassian.plugin.spring.scanner.ProductFilter;
import com.atlassian.plugin.spring.scanner.annotation.OnlyInProduct;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

// Signature confirmed against Decompiled-Files atlassian-spring-scanner-annotation-3.0.4 .../component/ConfluenceComponent.java and Atlassian Connect's public source using it on classes.
/**
 * Compile-only stand-in: a component that only exists in Confluence (listed in
 * {@code component-confluence}). The real annotation is also meta-annotated with Spring's
 * {@code @Component}; that is left out because this module does not depend on Spring.
 */
@Target({ElementType.TYPE, ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@OnlyInProduct(ProductFilter.CONFLUENCE)
public @interface ConfluenceComponent {

    String value() default "";
}
