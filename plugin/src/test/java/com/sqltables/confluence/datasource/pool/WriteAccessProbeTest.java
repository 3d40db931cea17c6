package com.sqltables.confluence.datasource.pool;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.Test;

/** Reading MariaDB's SHOW GRANTS (the embedded test server runs without grant tables). */
public class WriteAccessProbeTest {

    @Test
    public void mariaDb_selectAndUsageOnly_isNoWarning() {
        assertEquals(Optional.empty(), WriteAccessProbe.mariaDbWarning(List.of(
                "GRANT USAGE ON *.* TO `reporter`@`%` IDENTIFIED BY PASSWORD '*2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19'",
                "GRANT SELECT, SHOW VIEW ON `shop`.* TO `reporter`@`%`",
                "GRANT SELECT (`id`, `name`) ON `shop`.`customers` TO `reporter`@`%`")));
    }

    @Test
    public void mariaDb_allPrivileges_isNamed() {
        Optional<String> warning = WriteAccessProbe.mariaDbWarning(List.of(
                "GRANT ALL PRIVILEGES ON *.* TO `root`@`localhost` WITH GRANT OPTION",
                "GRANT PROXY ON ''@'%' TO 'root'@'localhost' WITH GRANT OPTION"));

        assertTrue(warning.get(), warning.get().startsWith("The database account has ALL PRIVILEGES on *.*."));
    }

    @Test
    public void mariaDb_tableWrites_areNamedWithTheirTables() {
        Optional<String> warning = WriteAccessProbe.mariaDbWarning(List.of(
                "GRANT SELECT, INSERT, DELETE ON `shop`.`orders` TO `reporter`@`%`",
                "GRANT UPDATE (`note`) ON `shop`.`customers` TO `reporter`@`%`",
                "GRANT `reporting_role` TO `reporter`@`%`"));

        assertTrue(warning.get(), warning.get().contains(
                "has INSERT, DELETE on `shop`.`orders`, UPDATE on `shop`.`customers`."));
    }
}
