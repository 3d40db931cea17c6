package com.sqltables.confluence.datasource.security;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.sql.SQLException;
import org.junit.Test;

public class SecretsTest {
    @Test
    public void mask_passwordProperty_inEachUrlSyntax() {
        assertEquals("jdbc:postgresql://db/app?user=u&password=****&ssl=true",
                Secrets.mask("jdbc:postgresql://db/app?user=u&password=s3cr3t&ssl=true"));
        assertEquals("jdbc:sqlserver://db;user=sa;password=****;encrypt=true",
                Secrets.mask("jdbc:sqlserver://db;user=sa;password={se;cr}}et};encrypt=true"));
        assertEquals("jdbc:h2:mem:x;USER=sa;PASSWORD=****", Secrets.mask("jdbc:h2:mem:x;USER=sa;PASSWORD=pw"));
        assertEquals("(USER=u)(PASSWORD=****)", Secrets.mask("(USER=u)(PASSWORD=pw)"));
    }

    @Test
    public void mask_otherSecretNamedProperties() {
        assertEquals("keyStorePassword=**** sslpassword=**** oracle.jdbc.accessToken=**** password2=****",
                Secrets.mask("keyStorePassword=a sslpassword=b oracle.jdbc.accessToken=c password2=d"));
    }

    @Test
    public void mask_userInfoAndOracleUserPassword() {
        assertEquals("jdbc:mysql://app:****@db/app", Secrets.mask("jdbc:mysql://app:pa55@db/app"));
        assertEquals("jdbc:oracle:thin:scott/****@db:1521/app", Secrets.mask("jdbc:oracle:thin:scott/tiger@db:1521/app"));
    }

    @Test
    public void mask_knownSecret_wherever_andUrlEncoded() {
        assertEquals("login as app with **** failed (****)",
                Secrets.mask("login as app with p@ss word failed (p%40ss+word)", "p@ss word"));
    }

    @Test
    public void mask_leavesOrdinaryTextAlone() {
        String text = "FATAL: password authentication failed for user \"app\"";
        assertEquals(text, Secrets.mask(text));
        assertNull(Secrets.mask(null));
        assertEquals("jdbc:postgresql://db:5432/app?ssl=true", Secrets.mask("jdbc:postgresql://db:5432/app?ssl=true"));
    }

    @Test
    public void describe_driverErrorEchoingTheUrl_isMaskedAcrossCauses() {
        SQLException failure = new SQLException("Cannot connect to jdbc:mariadb://db/app?password=hunter2",
                new IllegalStateException("auth with hunter2 refused"));
        String described = Secrets.describe(failure, "hunter2");
        assertTrue(described, !described.contains("hunter2"));
        assertEquals("Cannot connect to jdbc:mariadb://db/app?password=****: auth with **** refused", described);
    }
}
