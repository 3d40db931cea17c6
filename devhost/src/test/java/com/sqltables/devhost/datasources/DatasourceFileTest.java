package com.sqltables.devhost.datasources;

import com.sqltables.devhost.spi.DatasourceDeclaration;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

public class DatasourceFileTest {
    @Rule
    public final TemporaryFolder folder = new TemporaryFolder();

    private Path file(String name, String content) throws Exception {
        return Files.writeString(folder.getRoot().toPath().resolve(name), content);
    }

    @Test
    public void properties_declareDatasourcesByName() throws Exception {
        List<DatasourceDeclaration> declared = DatasourceFile.read(file("ds.properties", String.join("\n",
                "# sales data", "datasource.sales.url=jdbc:postgresql://db:5432/sales", "datasource.sales.username=report",
                "datasource.sales.password=s3cret", "datasource.sales.readOnly=true", "datasource.local.url=jdbc:h2:mem:x")));
        assertEquals(2, declared.size());
        DatasourceDeclaration local = declared.get(0);
        assertEquals("local", local.name());
        assertNull(local.username());
        DatasourceDeclaration sales = declared.get(1);
        assertEquals("jdbc:postgresql://db:5432/sales", sales.jdbcUrl());
        assertEquals("report", sales.username());
        assertEquals("s3cret", sales.password());
        assertEquals(Map.of("readOnly", "true"), sales.properties());
        assertThat(sales.toString(), not(containsString("s3cret")));
    }

    @Test
    public void json_acceptsAnArrayOrAnObjectWithDatasources() throws Exception {
        List<DatasourceDeclaration> array = DatasourceFile.read(file("a.json",
                "[{\"name\":\"sales\",\"url\":\"jdbc:h2:mem:s\",\"password\":\"pw\",\"maxRows\":500}]"));
        assertEquals("sales", array.get(0).name());
        assertEquals("pw", array.get(0).password());
        assertEquals(Map.of("maxRows", "500"), array.get(0).properties());
        List<DatasourceDeclaration> object = DatasourceFile.read(file("o.json",
                "{\"datasources\":[{\"name\":\"a\",\"url\":\"jdbc:h2:mem:a\"},{\"name\":\"b\",\"url\":\"jdbc:h2:mem:b\"}]}"));
        assertEquals(2, object.size());
    }

    @Test
    public void invalidDeclarations_areReportedWithFileAndName() throws Exception {
        assertThat(assertThrows(IllegalArgumentException.class, () -> DatasourceFile.read(file("u.json",
                "[{\"name\":\"x\",\"url\":\"postgres://db\"}]"))).getMessage(), containsString("datasource 'x': 'url' must be a JDBC URL"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DatasourceFile.read(file("n.json",
                "[{\"name\":\"bad name\",\"url\":\"jdbc:h2:mem:x\"}]"))).getMessage(), containsString("name must be"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DatasourceFile.read(file("d.json",
                "[{\"name\":\"x\",\"url\":\"jdbc:h2:mem:x\"},{\"name\":\"X\",\"url\":\"jdbc:h2:mem:y\"}]"))).getMessage(),
                containsString("declared twice"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DatasourceFile.read(file("s.json", "{oops"))).getMessage(),
                containsString("not valid JSON"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DatasourceFile.read(file("k.properties",
                "sales.url=jdbc:h2:mem:x"))).getMessage(), containsString("datasource.<name>.<property>"));
        assertThat(assertThrows(IllegalArgumentException.class, () -> DatasourceFile.read(folder.getRoot().toPath()
                .resolve("missing.json"))).getMessage(), containsString("no such file"));
    }
}
