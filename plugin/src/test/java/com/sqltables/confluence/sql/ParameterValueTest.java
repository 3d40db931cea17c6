package com.sqltables.confluence.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.query.ParameterType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;

public class ParameterValueTest {
    private Connection connection;

    @Before
    public void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:parameter-value-test");
    }

    @After
    public void close() throws SQLException {
        connection.close();
    }

    @Test
    public void parse_eachType_givesItsJavaValue() {
        assertEquals(" text ", ParameterValue.parse("p", ParameterType.TEXT, " text ").getValue());
        assertEquals(-42L, ParameterValue.parse("p", ParameterType.INTEGER, " -42 ").getValue());
        assertEquals(new BigDecimal("12.50"), ParameterValue.parse("p", ParameterType.DECIMAL, "12.50").getValue());
        assertEquals(new BigDecimal("1.5E+3"), ParameterValue.parse("p", ParameterType.DECIMAL, "1.5e3").getValue());
        assertEquals(LocalDate.of(2026, 2, 28), ParameterValue.parse("p", ParameterType.DATE, "2026-02-28").getValue());
        assertEquals(Boolean.TRUE, ParameterValue.parse("p", ParameterType.BOOLEAN, "TRUE").getValue());
        assertEquals(Boolean.FALSE, ParameterValue.parse("p", ParameterType.BOOLEAN, "false").getValue());
    }

    @Test
    public void parse_wrongType_saysWhatIsExpectedAndWhatWasGiven() {
        assertEquals("must be a whole number (was '12.5')", message(ParameterType.INTEGER, "12.5"));
        assertEquals("must be a decimal number such as 12.5 (was '1,5')", message(ParameterType.DECIMAL, "1,5"));
        assertEquals("must be a date such as 2026-11-30 (was '30.11.2026')", message(ParameterType.DATE, "30.11.2026"));
        assertEquals("must be an existing date such as 2026-11-30 (was '2026-02-30')",
                message(ParameterType.DATE, "2026-02-30"));
        assertEquals("must be true or false (was 'yes')", message(ParameterType.BOOLEAN, "yes"));
    }

    @Test
    public void parse_integerOutOfRange_isRejected() {
        assertTrue(message(ParameterType.INTEGER, "9223372036854775808").startsWith("must be a whole number between"));
    }

    @Test
    public void parse_nonAsciiDigitsAndHugeExponents_areRejected() {
        message(ParameterType.INTEGER, "١٢");
        message(ParameterType.DECIMAL, "1e999999999");
        message(ParameterType.DECIMAL, "NaN");
        message(ParameterType.INTEGER, "0x10");
    }

    @Test
    public void parse_tooLongText_isRejected() {
        assertEquals("must be at most 4000 characters (was 4001)", message(ParameterType.TEXT, "x".repeat(4001)));
    }

    @Test
    public void parse_hugeWrongValue_isShortenedInTheMessage() {
        String m = message(ParameterType.INTEGER, "9".repeat(500) + "x");
        assertTrue(m, m.length() < 100);
    }

    @Test
    public void bind_eachType_roundTripsThroughTheDatabase() throws SQLException {
        assertEquals("ünïcødé 'quoted'", roundTrip(ParameterValue.parse("p", ParameterType.TEXT, "ünïcødé 'quoted'")));
        assertEquals(9_007_199_254_740_993L, roundTrip(ParameterValue.parse("p", ParameterType.INTEGER, "9007199254740993")));
        assertEquals(0, new BigDecimal("12.345").compareTo(
                (BigDecimal) roundTrip(ParameterValue.parse("p", ParameterType.DECIMAL, "12.345"))));
        assertEquals(LocalDate.of(1999, 12, 31),
                ((java.sql.Date) roundTrip(ParameterValue.parse("p", ParameterType.DATE, "1999-12-31"))).toLocalDate());
        assertEquals(Boolean.TRUE, roundTrip(ParameterValue.parse("p", ParameterType.BOOLEAN, "true")));
    }

    @Test
    public void bind_nullOfEachType_isSqlNull() throws SQLException {
        for (ParameterType type : ParameterType.values()) {
            assertNull(type.name(), roundTrip(ParameterValue.nullValue("p", type)));
        }
    }

    @Test
    public void toString_neverShowsTheValue() {
        assertEquals("ParameterValue{p:TEXT}", ParameterValue.parse("p", ParameterType.TEXT, "secret").toString());
    }

    private Object roundTrip(ParameterValue value) throws SQLException {
        String sql;
        switch (value.getType()) {
            case INTEGER:
                sql = "SELECT CAST(? AS BIGINT)";
                break;
            case DECIMAL:
                sql = "SELECT CAST(? AS DECIMAL(20, 5))";
                break;
            case DATE:
                sql = "SELECT CAST(? AS DATE)";
                break;
            case BOOLEAN:
                sql = "SELECT CAST(? AS BOOLEAN)";
                break;
            default:
                sql = "SELECT CAST(? AS VARCHAR)";
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            value.bind(statement, 1);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    private static String message(ParameterType type, String text) {
        return assertThrows(IllegalArgumentException.class, () -> ParameterValue.parse("p", type, text)).getMessage();
    }
}
