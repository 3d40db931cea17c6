package com.sqltables.confluence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import java.util.List;
import org.junit.Test;

public class FieldErrorsTest {
    @Test
    public void collectsOneMessagePerField_inOrder_andThrowsThemTogether() {
        FieldErrors errors = new FieldErrors();
        assertNull(errors.requireLine("name", "  ", 10));
        assertNull(errors.optionalLine("url", "x".repeat(11), 10));
        errors.range("poolSize", 0, 1, 5);
        errors.add("name", "second problem is not reported");

        ValidationException e = assertThrows(ValidationException.class, errors::throwIfAny);

        assertEquals(List.of("name", "url", "poolSize"), List.copyOf(e.getFieldErrors().keySet()));
        assertEquals("name: is required; url: must be at most 10 characters (was 11); poolSize: must be between 1 and 5 (was 0)",
                e.getMessage());
    }

    @Test
    public void lines_areTrimmed_andMustBeSingleLines() {
        FieldErrors errors = new FieldErrors();
        assertEquals("ok", errors.requireLine("a", "  ok ", 10));
        assertNull(errors.optionalLine("b", "two\nlines", 20));
        assertEquals("must be a single line without control characters",
                assertThrows(ValidationException.class, errors::throwIfAny).getFieldErrors().get("b"));
    }

    @Test
    public void noErrors_throwsNothing() {
        FieldErrors errors = new FieldErrors();
        assertNull(errors.optionalText("d", " ", 5));
        errors.throwIfAny();
    }

    @Test
    public void duplicateName_isAFieldErrorOnName() {
        DuplicateNameException e = new DuplicateNameException("datasource", "Sales");
        assertEquals("A datasource named 'Sales' already exists", e.getFieldErrors().get("name"));
    }
}
