package com.sqltables.confluence.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class BoundParametersTest {
    private static ParsedSql sql(String text) {
        return NamedParameterParser.parse(text, SqlDialect.H2);
    }

    @Test
    public void resolve_suppliedValues_areTypedAndInPlaceholderOrder() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT :since, :limit, :since"),
                List.of(new QueryParameter("limit", ParameterType.INTEGER, null, true, false),
                        new QueryParameter("since", ParameterType.DATE, null, true, true)),
                Map.of("since", "2026-01-31", "limit", "10"));
        assertEquals(List.of(LocalDate.of(2026, 1, 31), 10L, LocalDate.of(2026, 1, 31)),
                bound.getValues().stream().map(ParameterValue::getValue).collect(java.util.stream.Collectors.toList()));
    }

    @Test
    public void resolve_namesMatchIgnoringCase() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT :Region"),
                List.of(new QueryParameter("REGION", ParameterType.TEXT, null, true, false)), Map.of("region", "EU"));
        assertEquals("EU", bound.getValues().get(0).getValue());
    }

    @Test
    public void resolve_missingValue_usesTheDefault() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT :n"),
                List.of(new QueryParameter("n", ParameterType.INTEGER, "7", true, false)), Map.of());
        assertEquals(7L, bound.getValues().get(0).getValue());
    }

    @Test
    public void resolve_blankNumber_countsAsMissing() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT :n"),
                List.of(new QueryParameter("n", ParameterType.INTEGER, "7", true, false)), Map.of("n", "  "));
        assertEquals(7L, bound.getValues().get(0).getValue());
    }

    @Test
    public void resolve_emptyText_isAValue() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT :t"),
                List.of(new QueryParameter("t", ParameterType.TEXT, "default", true, false)), Map.of("t", ""));
        assertEquals("", bound.getValues().get(0).getValue());
    }

    @Test
    public void resolve_optionalWithoutValue_isSqlNullOfItsType() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT :d"),
                List.of(new QueryParameter("d", ParameterType.DATE, null, false, false)), Map.of());
        assertNull(bound.getValues().get(0).getValue());
        assertEquals(ParameterType.DATE, bound.getValues().get(0).getType());
    }

    @Test
    public void resolve_undeclaredName_isARequiredTextParameter() {
        assertEquals("abc", BoundParameters.resolve(sql("SELECT :free"), List.of(), Map.of("free", "abc"))
                .getValues().get(0).getValue());
        ParameterException e = assertThrows(ParameterException.class,
                () -> BoundParameters.resolve(sql("SELECT :free"), List.of(), Map.of()));
        assertEquals("Parameter 'free' is required.", e.getMessage());
    }

    @Test
    public void resolve_problems_nameEveryParameter() {
        ParameterException e = assertThrows(ParameterException.class, () -> BoundParameters.resolve(
                sql("SELECT :a, :b, :c"),
                List.of(new QueryParameter("a", ParameterType.INTEGER, null, true, false),
                        new QueryParameter("b", ParameterType.BOOLEAN, null, true, false),
                        new QueryParameter("c", ParameterType.TEXT, "ok", true, false)),
                Map.of("a", "ten", "b", "")));
        assertEquals("Parameter 'a' must be a whole number (was 'ten'). Parameter 'b' is required.", e.getMessage());
        assertEquals(List.of("a", "b"), List.copyOf(e.getFieldErrors().keySet()));
    }

    @Test
    public void resolve_unusedSuppliedAndDeclaredNames_areIgnored() {
        BoundParameters bound = BoundParameters.resolve(sql("SELECT 1"),
                List.of(new QueryParameter("unused", ParameterType.INTEGER, null, true, false)), Map.of("x", "y"));
        assertEquals(List.of(), bound.getValues());
    }

    @Test
    public void bindTo_repeatedName_bindsEveryPlaceholder() throws SQLException {
        ParsedSql parsed = sql("SELECT CAST(:v AS INT) + CAST(:w AS INT) * CAST(:v AS INT)");
        BoundParameters bound = BoundParameters.resolve(parsed,
                List.of(new QueryParameter("v", ParameterType.INTEGER, null, true, false),
                        new QueryParameter("w", ParameterType.INTEGER, null, true, false)), Map.of("v", "2", "w", "5"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:bound-parameters-test");
             PreparedStatement statement = c.prepareStatement(parsed.getJdbcSql())) {
            bound.bindTo(statement);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                assertEquals(12, rs.getInt(1));
            }
        }
    }

    @Test
    public void equalValues_makeEqualBindings_forCacheKeys() {
        ParsedSql parsed = sql("SELECT :a");
        assertEquals(BoundParameters.resolve(parsed, List.of(), Map.of("a", "x")),
                BoundParameters.resolve(parsed, List.of(), Map.of("A", "x")));
    }
}
