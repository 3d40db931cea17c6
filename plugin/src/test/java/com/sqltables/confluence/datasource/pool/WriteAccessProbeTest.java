package com.sqltables.confluence.datasource.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.sqltables.confluence.I18nText;
import com.sqltables.confluence.testing.PropertiesI18nResolver;
import java.util.List;
import java.util.Optional;
import org.junit.Test;

/**
 * Reading MariaDB's SHOW GRANTS (the embedded test server runs without grant tables), and the wording
 * of findings. The PostgreSQL roles are probed on a real server in {@code PostgresWriteAccessTest}.
 */
public class WriteAccessProbeTest {
    private final PropertiesI18nResolver i18n = new PropertiesI18nResolver();

    @Test
    public void mariaDb_selectAndUsageOnly_isNoWarning() {
        assertEquals(List.of(), WriteAccessProbe.mariaDbFindings(List.of(
                "GRANT USAGE ON *.* TO `reporter`@`%` IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'",
                "GRANT SELECT, SHOW VIEW ON `shop`.* TO `reporter`@`%`",
                "GRANT SELECT (`id`, `name`) ON `shop`.`customers` TO `reporter`@`%`")));
    }

    @Test
    public void mariaDb_allPrivileges_isNamedAndIncludesFile() {
        String warning = warning(WriteAccessProbe.mariaDbFindings(List.of(
                "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION",
                "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION")));

        assertTrue(warning, warning.startsWith("The database account has ALL PRIVILEGES on *.*."));
        assertTrue(warning, warning.contains("SELECT \u2026 INTO OUTFILE"));
    }

    @Test
    public void mariaDb_allPrivilegesOnOneDatabase_isNoFileWarning() {
        String warning = warning(WriteAccessProbe.mariaDbFindings(List.of(
                "GRANT ALL PRIVILEGES ON `shop`.* TO `reporter`@`%`")));

        assertTrue(warning, warning.startsWith("The database account has ALL PRIVILEGES on `shop`.*."));
        assertFalse(warning, warning.contains("FILE"));
    }

    @Test
    public void mariaDb_fileOnly_saysItWritesAndReadsServerFilesEvenReadOnly() {
        String warning = warning(WriteAccessProbe.mariaDbFindings(List.of(
                "GRANT SELECT, FILE ON *.* TO `reporter`@`%`")));

        assertEquals("The database account has FILE on *.*. The FILE privilege lets the database account write files"
                + " on the database server with SELECT \u2026 INTO OUTFILE and read them with LOAD_FILE(), even in a"
                + " read-only transaction. SQL Tables refuses writes on read-only datasources, but an account with"
                + " read rights only is the safest protection.", warning);
    }

    @Test
    public void mariaDb_tableWrites_areNamedWithTheirTables() {
        String warning = warning(WriteAccessProbe.mariaDbFindings(List.of(
                "GRANT SELECT, INSERT, DELETE ON `shop`.`orders` TO `reporter`@`%`",
                "GRANT UPDATE (`note`) ON `shop`.`customers` TO `reporter`@`%`",
                "GRANT `reporting_role` TO `reporter`@`%`")));

        assertTrue(warning, warning.contains("has INSERT, DELETE on `shop`.`orders`, UPDATE on `shop`.`customers`."));
    }

    @Test
    public void warning_noFindings_isEmpty() {
        assertEquals(Optional.empty(), WriteAccessProbe.warning(List.of(), i18n));
    }

    @Test
    public void warning_everyPostgresRole_hasItsOwnSentenceNamingTheRole() {
        for (String role : WriteAccessProbe.POSTGRES_RISKY_ROLES) {
            String sentence = i18n.getText(WriteAccessProbe.KEY_PREFIX + "postgres.role." + role, role);

            assertTrue(sentence, sentence.startsWith("The database account is a member of " + role + ": "));
        }
    }

    private String warning(List<I18nText> findings) {
        return WriteAccessProbe.warning(findings, i18n).orElseThrow();
    }
}
