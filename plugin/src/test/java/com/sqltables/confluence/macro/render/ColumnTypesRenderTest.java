package com.sqltables.confluence.macro.render;

import static org.hamcrest.CoreMatchers.is;

import com.sqltables.confluence.ao.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.ErrorCollector;
import org.junit.runner.RunWith;
import org.junit.runners.Parameterized;
import org.junit.runners.Parameterized.Parameter;
import org.junit.runners.Parameterized.Parameters;

/**
 * Each column type of each test database, rendered: one row of values, one row of NULLs. The expected
 * cells are exact HTML; numbers carry the right-aligned class.
 */
@RunWith(Parameterized.class)
public class ColumnTypesRenderTest {
    private static final String NULL = "<span class=\"sql-tables-null\">NULL</span>";
    private static final Pattern CELL = Pattern.compile("<td class=\"confluenceTd( sql-tables-num)?\">(.*?)</td>",
            Pattern.DOTALL);

    @Parameters(name = "{0}")
    public static Collection<Object[]> databases() {
        return TestDatabase.parameters();
    }

    @Parameter
    public TestDatabase database;

    @Rule
    public final ErrorCollector errors = new ErrorCollector();

    private Rendering rendering;

    @Before
    public void setUp() {
        rendering = new Rendering(database);
    }

    @After
    public void tearDown() {
        rendering.close();
    }

    /** A column: its type in the database, a literal, and how the cell must look. */
    private static final class Case {
        final String column;
        final String type;
        final String literal;
        final String cell;
        final boolean numeric;

        Case(String column, String type, String literal, String cell, boolean numeric) {
            this.column = column;
            this.type = type;
            this.literal = literal;
            this.cell = cell;
            this.numeric = numeric;
        }
    }

    private static Case number(String column, String type, String literal, String cell) {
        return new Case(column, type, literal, cell, true);
    }

    private static Case other(String column, String type, String literal, String cell) {
        return new Case(column, type, literal, cell, false);
    }

    private List<Case> cases() {
        String json = "{&#34;a&#34;: [1, &#34;&lt;x&gt;&#34;]}";
        String uuid = "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11";
        List<Case> cases = new ArrayList<>();
        cases.add(number("c_int", "INTEGER", "42", "42"));
        cases.add(number("c_numeric", "DECIMAL(12,3)", "-12345.678", "-12345.678"));
        cases.add(number("c_double", "DOUBLE PRECISION", "3.5", "3.5"));
        cases.add(other("c_varchar", "VARCHAR(100)", "'Grüße <b>&'", "Grüße &lt;b&gt;&amp;"));
        cases.add(other("c_date", "DATE", "DATE '2026-11-03'", "2026-11-03"));
        cases.add(other("c_time", "TIME", "TIME '10:15:30'", "10:15:30"));
        cases.add(other("c_bool", "BOOLEAN", "TRUE", "true"));
        switch (database) {
            case POSTGRESQL:
                cases.add(number("c_bigint", "BIGINT", "9007199254740993", "9007199254740993"));
                cases.add(number("c_real", "REAL", "1.25", "1.25"));
                cases.add(other("c_text", "TEXT", "'line 1' || chr(10) || 'line 2'", "line 1\nline 2"));
                cases.add(other("c_timetz", "TIMETZ", "'10:15:30+02'", "10:15:30+02:00"));
                cases.add(other("c_timestamp", "TIMESTAMP(3)", "'2026-11-03 10:15:30.5'", "2026-11-03T10:15:30.5"));
                cases.add(other("c_timestamptz", "TIMESTAMPTZ", "'2026-11-03 10:15:30+02'", "2026-11-03T08:15:30Z"));
                cases.add(other("c_binary", "BYTEA", "decode('010203', 'hex')",
                        "<span class=\"sql-tables-binary\">(binary, 3 bytes)</span>"));
                cases.add(other("c_uuid", "UUID", "'" + uuid + "'", uuid));
                cases.add(other("c_json", "JSON", "'{\"a\": [1, \"<x>\"]}'", json));
                cases.add(other("c_jsonb", "JSONB", "'{\"a\": [1, \"<x>\"]}'", json));
                cases.add(other("c_array", "INTEGER[]", "'{1,2,3}'", "{1,2,3}"));
                break;
            case MARIADB:
                cases.add(number("c_bigint", "BIGINT UNSIGNED", "18446744073709551615", "18446744073709551615"));
                cases.add(number("c_real", "FLOAT", "1.25", "1.25"));
                cases.add(other("c_text", "TEXT", "CONCAT('line 1', CHAR(10), 'line 2')", "line 1\nline 2"));
                cases.add(other("c_time_long", "TIME", "'838:59:59'", "838:59:59"));
                cases.add(other("c_timestamp", "DATETIME(1)", "'2026-11-03 10:15:30.5'", "2026-11-03T10:15:30.5"));
                cases.add(other("c_binary", "VARBINARY(10)", "X'010203'",
                        "<span class=\"sql-tables-binary\">(binary, 3 bytes)</span>"));
                cases.add(other("c_blob", "BLOB", "X'0102'", "<span class=\"sql-tables-binary\">(binary, 2 bytes)</span>"));
                cases.add(other("c_uuid", "UUID", "'" + uuid + "'", uuid));
                cases.add(other("c_json", "JSON", "'{\"a\": [1, \"<x>\"]}'", json));
                break;
            default:
                cases.add(number("c_bigint", "BIGINT", "9007199254740993", "9007199254740993"));
                cases.add(number("c_real", "REAL", "1.25", "1.25"));
                cases.add(other("c_text", "CLOB", "'line 1' || CHAR(10) || 'line 2'", "line 1\nline 2"));
                cases.add(other("c_timetz", "TIME WITH TIME ZONE", "TIME WITH TIME ZONE '10:15:30+02'", "10:15:30+02:00"));
                cases.add(other("c_timestamp", "TIMESTAMP(1)", "TIMESTAMP '2026-11-03 10:15:30.5'",
                        "2026-11-03T10:15:30.5"));
                cases.add(other("c_timestamptz", "TIMESTAMP WITH TIME ZONE",
                        "TIMESTAMP WITH TIME ZONE '2026-11-03 10:15:30+02'", "2026-11-03T10:15:30+02:00"));
                cases.add(other("c_binary", "VARBINARY(10)", "X'010203'",
                        "<span class=\"sql-tables-binary\">(binary, 3 bytes)</span>"));
                cases.add(other("c_blob", "BLOB", "X'0102'", "<span class=\"sql-tables-binary\">(binary, 2 bytes)</span>"));
                cases.add(other("c_uuid", "UUID", "'" + uuid + "'", uuid));
                cases.add(other("c_json", "JSON", "JSON '{\"a\": [1, \"<x>\"]}'",
                        "{&#34;a&#34;:[1,&#34;&lt;x&gt;&#34;]}"));
                break;
        }
        return cases;
    }

    private void createTable(List<Case> cases) throws Exception {
        StringBuilder create = new StringBuilder("CREATE TABLE st_render_types (id INT PRIMARY KEY");
        StringBuilder columns = new StringBuilder("id");
        StringBuilder values = new StringBuilder("1");
        for (Case c : cases) {
            create.append(", ").append(c.column).append(' ').append(c.type);
            columns.append(", ").append(c.column);
            values.append(", ").append(c.literal);
        }
        try (Connection connection = database.openJdbc(); Statement statement = connection.createStatement()) {
            try {
                statement.execute("DROP TABLE st_render_types");
            } catch (java.sql.SQLException absent) {
                // First run in this JVM.
            }
            statement.execute(create.append(')').toString());
            statement.execute("INSERT INTO st_render_types (" + columns + ") VALUES (" + values + ")");
            statement.execute("INSERT INTO st_render_types (id) VALUES (2)");
        }
    }

    @Test
    public void render_eachColumnType_showsItsValueFormattedAndItsNullDistinctly() throws Exception {
        List<Case> cases = cases();
        createTable(cases);
        for (Case c : cases) {
            String html = rendering.render("SELECT " + c.column + " FROM st_render_types ORDER BY id",
                    TableOptions.defaults().withStaticOutput(true));
            Matcher cells = CELL.matcher(html);
            List<String> found = new ArrayList<>();
            boolean numeric = true;
            while (cells.find()) {
                found.add(cells.group(2));
                numeric &= cells.group(1) != null;
            }
            errors.checkThat(c.column + " in " + html, found, is(List.of(c.cell, NULL)));
            errors.checkThat(c.column + " right-aligned", numeric, is(c.numeric));
        }
    }
}
