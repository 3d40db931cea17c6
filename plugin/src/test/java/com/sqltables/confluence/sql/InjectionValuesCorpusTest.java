package com.sqltables.confluence.sql;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.query.ParameterType;
import com.sqltables.confluence.query.QueryParameter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Hostile parameter values never change the SQL that runs: the prepared text is fixed before any
 * value is seen, each value comes back from H2 exactly as given, matches no row, and the canary
 * table is intact afterwards. Non-text types refuse them outright.
 */
@RunWith(Parameterized.class)
public class InjectionValuesCorpusTest {
    private static final String TEMPLATE = "SELECT CAST(:value AS VARCHAR) AS echoed,"
            + " (SELECT COUNT(*) FROM canary WHERE val = :value) AS matches,"
            + " (SELECT COUNT(*) FROM canary) AS total";
    /** Written out by hand: the parsed text must be exactly this, whatever the values. */
    private static final String EXPECTED_JDBC_SQL = "SELECT CAST(? AS VARCHAR) AS echoed,"
            + " (SELECT COUNT(*) FROM canary WHERE val = ?) AS matches,"
            + " (SELECT COUNT(*) FROM canary) AS total";
    private static final List<String> CANARY_ROWS = List.of("alpha", "beta", "gamma");

    private static Connection connection;
    private static ReadOnlyStatementValidator validator;

    @Parameter
    public String value;

    @Parameters(name = "{index}")
    public static Collection<Object[]> values() throws IOException {
        List<Object[]> rows = new ArrayList<>();
        for (String value : read()) {
            rows.add(new Object[] {value});
        }
        return rows;
    }

    @BeforeClass
    public static void createCanary() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:injection-values;DB_CLOSE_DELAY=-1");
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE canary (id INT PRIMARY KEY, val VARCHAR(100))");
            for (int i = 0; i < CANARY_ROWS.size(); i++) {
                s.execute("INSERT INTO canary VALUES (" + (i + 1) + ", '" + CANARY_ROWS.get(i) + "')");
            }
        }
        validator = new ReadOnlyStatementValidator();
    }

    @AfterClass
    public static void dropCanary() throws SQLException {
        validator.close();
        try (Statement s = connection.createStatement()) {
            s.execute("DROP ALL OBJECTS");
        }
        connection.close();
    }

    @Test
    public void textValue_isBound_notSpliced() throws SQLException {
        ParsedSql parsed = NamedParameterParser.parse(TEMPLATE, SqlDialect.H2);
        validator.validate(parsed);
        BoundParameters bound = BoundParameters.resolve(parsed, List.of(), Map.of("value", value));
        assertEquals(EXPECTED_JDBC_SQL, parsed.getJdbcSql());

        try (PreparedStatement statement = connection.prepareStatement(parsed.getJdbcSql())) {
            bound.bindTo(statement);
            try (ResultSet rs = statement.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(value, rs.getString("echoed"));
                assertEquals(0, rs.getInt("matches"));
                assertEquals(CANARY_ROWS.size(), rs.getInt("total"));
            }
        }
        assertCanaryIntact();
    }

    @Test
    public void typedValue_isRefusedWithTheParameterNamed() {
        for (ParameterType type : new ParameterType[] {ParameterType.INTEGER, ParameterType.DECIMAL,
                ParameterType.DATE, ParameterType.BOOLEAN}) {
            ParameterException e = assertThrows(type.name(), ParameterException.class, () -> BoundParameters.resolve(
                    NamedParameterParser.parse("SELECT :value", SqlDialect.H2),
                    List.of(new QueryParameter("value", type, null, true, false)), Map.of("value", value)));
            assertTrue(e.getMessage(), e.getMessage().startsWith("Parameter 'value' "));
        }
    }

    private static void assertCanaryIntact() throws SQLException {
        List<String> vals = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT val FROM canary ORDER BY id")) {
            while (rs.next()) {
                vals.add(rs.getString(1));
            }
        }
        assertEquals(CANARY_ROWS, vals);
    }

    static List<String> read() throws IOException {
        List<String> values = new ArrayList<>();
        try (InputStream in = InjectionValuesCorpusTest.class.getResourceAsStream("/corpus/injection-values.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isEmpty() || line.equals("#") || line.startsWith("# ")) {
                    continue;
                }
                values.add(unescape(line));
            }
        }
        return values;
    }

    /** Decodes backslash-n, -r, -t, a doubled backslash and backslash-u plus four hex digits; keeps any other backslash. */
    private static String unescape(String line) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            char next = i + 1 < line.length() ? line.charAt(i + 1) : 0;
            if (c != '\\') {
                b.append(c);
            } else if (next == 'n' || next == 'r' || next == 't' || next == '\\') {
                b.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : '\\');
                i++;
            } else if (next == 'u' && i + 5 < line.length() && line.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                b.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
