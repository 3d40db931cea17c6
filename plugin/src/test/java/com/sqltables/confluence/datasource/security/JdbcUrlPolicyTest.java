package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.datasource.ConnectionKind;
import java.util.List;
import java.util.Map;
import org.junit.Test;

public class JdbcUrlPolicyTest {
    private static Map<String, String> errors(ConnectionKind kind, String url, String properties) {
        return assertThrows(ValidationException.class, () -> JdbcUrlPolicy.validate(kind, url, properties))
                .getFieldErrors();
    }

    @Test
    public void validate_dangerousProperty_namesItAndWhy() {
        assertEquals(Map.of("jdbcUrl", "must not set socketFactory: it makes the driver load and run a Java class"
                        + " named in the setting"),
                errors(ConnectionKind.POSTGRESQL, "jdbc:postgresql://db/app?socketFactory=x.Y", null));
    }

    @Test
    public void validate_urlAndProperties_bothReported() {
        Map<String, String> errors = errors(null, "jdbc:mariadb://db/app?allowLocalInfile=true", "initSql=DELETE FROM t");
        assertEquals(List.of("jdbcUrl", "connectionProperties"), List.copyOf(errors.keySet()));
        assertTrue(errors.get("connectionProperties").startsWith("must not set initSql: it runs SQL"));
    }

    @Test
    public void validate_urlOfAnotherKind_isRefused() {
        assertEquals("must start with jdbc:mariadb: or jdbc:mysql: for a MariaDB/MySQL datasource",
                errors(ConnectionKind.MYSQL, "jdbc:postgresql://db/app", null).get("jdbcUrl"));
    }

    @Test
    public void validate_mysqlKind_acceptsBothMariaDbAndMysqlPrefixes() {
        JdbcUrlPolicy.validate(ConnectionKind.MYSQL, "jdbc:mysql://db/app", null);
        JdbcUrlPolicy.validate(ConnectionKind.MYSQL, "jdbc:mariadb://db/app", null);
    }

    @Test
    public void validate_unknownPrefix_listsTheBundledOnes() {
        assertEquals("must start with one of jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql:, jdbc:sqlserver:,"
                + " jdbc:oracle:thin:, jdbc:h2: (the bundled drivers)", errors(null, "jdbc:db2://db/app", null).get("jdbcUrl"));
    }

    @Test
    public void validate_controlCharacters_areRefused() {
        assertEquals("must be a single line without control characters",
                errors(null, "jdbc:postgresql://db/app\nsocketFactory=x", null).get("jdbcUrl"));
    }

    @Test
    public void validate_missingUrl_isRequired() {
        assertEquals("is required", errors(null, " ", null).get("jdbcUrl"));
    }

    @Test
    public void validate_safeValueOfAGuardedProperty_isAccepted() {
        JdbcUrlPolicy.validate(ConnectionKind.POSTGRESQL, "jdbc:postgresql://db/app?readOnlyMode=ALWAYS", "sslfactory = "
                + "org.postgresql.ssl.DefaultJavaSSLFactory");
    }

    @Test
    public void validate_unsafeValueOfAGuardedProperty_isRefused() {
        assertTrue(errors(ConnectionKind.POSTGRESQL, "jdbc:postgresql://db/app?readOnlyMode=ignore", null)
                .get("jdbcUrl").contains("weakens the read-only protection"));
    }

    @Test
    public void validate_repeatedProperty_isCheckedEveryTime() {
        assertTrue(errors(null, "jdbc:h2:mem:x", "JMX=FALSE\nJMX=TRUE").containsKey("connectionProperties"));
    }

    @Test
    public void validate_malformedProperties_areRefused() {
        assertEquals("must be key=value lines (a \\u escape is malformed)",
                errors(null, "jdbc:h2:mem:x", "a=\\u12").get("connectionProperties"));
    }

    @Test
    public void validate_passwordInProperties_pointsToThePasswordField() {
        assertTrue(errors(null, "jdbc:postgresql://db/app", "password=x").get("connectionProperties")
                .contains("enter the password in the Password field"));
    }

    @Test
    public void validate_longPropertyName_isShortenedInTheMessage() {
        String name = "oracle.jdbc.provider." + "x".repeat(200);
        String message = errors(null, "jdbc:oracle:thin:@db:1521/app", name + "=1").get("connectionProperties");
        assertTrue(message, message.length() < 250);
    }

    @Test
    public void enforcedProperties_turnOffLocalInfileForMariaDb_only() {
        assertEquals("false", JdbcUrlPolicy.enforcedProperties(JdbcDriverFamily.MARIADB).get("allowLocalInfile"));
        assertEquals(Map.of(), JdbcUrlPolicy.enforcedProperties(JdbcDriverFamily.POSTGRESQL));
    }

    @Test
    public void enforcedProperties_passTheirOwnCheck() {
        for (JdbcDriverFamily family : JdbcDriverFamily.values()) {
            StringBuilder text = new StringBuilder();
            JdbcUrlPolicy.enforcedProperties(family).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            JdbcUrlPolicy.validate(family.getPrefixes().get(0) + (family == JdbcDriverFamily.H2 ? "mem:x" : "//db/app"),
                    text.toString());
        }
    }
}
