package com.sqltables.scannerindex;

import static com.google.common.truth.Truth.assertThat;

import org.junit.Test;

/** Default bean names follow Spring Scanner's runtime: Spring's short class name, then Introspector's rule. */
public class BeanNamesTest {

    @Test
    public void defaultComponentName_decapitalisesTheSimpleName() {
        assertThat(BeanNames.defaultComponentName("com.example.UsageReportJob")).isEqualTo("usageReportJob");
    }

    @Test
    public void defaultComponentName_ofANestedClass_keepsTheOuterNameWithADot() {
        assertThat(BeanNames.defaultComponentName("com.example.Outer$Inner")).isEqualTo("outer.Inner");
    }

    @Test
    public void decapitalize_leavesNamesStartingWithTwoCapitalsAlone() {
        assertThat(BeanNames.decapitalize("URLProvider")).isEqualTo("URLProvider");
        assertThat(BeanNames.decapitalize("X")).isEqualTo("x");
        assertThat(BeanNames.defaultImportName("SchedulerService")).isEqualTo("schedulerService");
    }

    @Test
    public void problemWith_acceptsOrdinaryNamesAndRejectsOnesTheIndexCannotCarry() {
        assertThat(BeanNames.problemWith("")).isNull();
        assertThat(BeanNames.problemWith("usageReportJob")).isNull();
        assertThat(BeanNames.problemWith("a#b")).contains("'#'");
        assertThat(BeanNames.problemWith("a\nb")).contains("line break");
        assertThat(BeanNames.problemWith("  ")).isEqualTo("is blank");
        assertThat(BeanNames.problemWith(" job")).contains("whitespace");
    }
}
