package com.sqltables.devhost.services.template;

import com.atlassian.templaterenderer.RenderingException;
import com.sqltables.devhost.services.sal.DevI18nResolver;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class DevTemplateRendererTest {
    @Rule
    public final TemporaryFolder temp = new TemporaryFolder();

    private DevTemplateRenderer renderer;

    /** Velocity only calls public methods of public classes. */
    public static final class Table {
        public String getRowsHtml() {
            return "<tr><td>1</td></tr>";
        }

        public String getTitle() {
            return "<Sales & Costs>";
        }

        public String renderFooter() {
            return "<tfoot/>";
        }
    }

    @Before
    public void setUp() throws Exception {
        Path root = temp.getRoot().toPath();
        write(root.resolve("templates/page.vm"), "$value|$valueHtml|$table.rowsHtml|$table.title|$table.renderFooter()"
                + "|$i18n.getText(\"greeting\", \"<you>\")|$!missing|${value}|$body");
        write(root.resolve("templates/broken.vm"), "#if($value) never closed");
        write(root.resolve("templates/throws.vm"), "$thrower.boom()");
        write(root.resolve("i18n/test.properties"), "greeting=Hi {0}\n");
        ClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        renderer = new DevTemplateRenderer(loader, new DevI18nResolver(loader, List.of("i18n/test")));
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.write(file, content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void render_escapesReferencesUnlessNamedHtmlOrRendered() throws Exception {
        Map<String, Object> context = new HashMap<>();
        context.put("value", "<b>\"x\" & 'y'</b>");
        context.put("valueHtml", "<b>kept</b>");
        context.put("table", new Table());
        context.put("body", "<p>body is safe in Confluence</p>");
        StringWriter out = new StringWriter();

        renderer.render("templates/page.vm", context, out);

        assertEquals("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
                + "|<b>kept</b>"
                + "|<tr><td>1</td></tr>"
                + "|&lt;Sales &amp; Costs&gt;"
                + "|<tfoot/>"
                + "|Hi &lt;you&gt;"
                + "|"
                + "|&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
                + "|<p>body is safe in Confluence</p>", out.toString());
    }

    @Test
    public void render_syntaxError_throwsRenderingException() throws Exception {
        try {
            renderer.render("templates/broken.vm", Map.of("value", true), new StringWriter());
            fail("A broken template must not render");
        } catch (RenderingException e) {
            assertThat(e.getMessage(), containsString("templates/broken.vm"));
        }
    }

    @Test
    public void render_missingTemplate_throwsRenderingException() throws Exception {
        try {
            renderer.render("templates/none.vm", new StringWriter());
            fail("A missing template must not render");
        } catch (RenderingException e) {
            assertThat(e.getMessage(), containsString("templates/none.vm"));
        }
    }

    @Test
    public void render_methodThrowing_throwsRenderingException() throws Exception {
        try {
            renderer.render("templates/throws.vm", Map.of("thrower", new Thrower()), new StringWriter());
            fail("An exception inside the template must surface");
        } catch (RenderingException e) {
            assertThat(String.valueOf(e.getCause()), containsString("kaboom"));
        }
    }

    /** Public, so that Velocity may call it. */
    public static final class Thrower {
        public String boom() {
            throw new IllegalStateException("kaboom");
        }
    }

    @Test
    public void renderFragment_escapesToo() {
        String html = renderer.renderFragment("<i>$name</i> $nameHtml", Map.of("name", "<x>", "nameHtml", "<y>"));

        assertEquals("<i>&lt;x&gt;</i> <y>", html);
    }

    @Test
    public void resolve_saysWhetherTheTemplateExists() {
        assertTrue(renderer.resolve("templates/page.vm"));
        assertFalse(renderer.resolve("templates/none.vm"));
    }

    @Test
    public void escapingPolicy_followsConfluenceNamingRules() {
        assertTrue(HtmlEscapingPolicy.isSafe("$fooHtml"));
        assertTrue(HtmlEscapingPolicy.isSafe("$!{fooHTML}"));
        assertTrue(HtmlEscapingPolicy.isSafe("$xHtmlContent"));
        assertTrue(HtmlEscapingPolicy.isSafe("$head"));
        assertTrue(HtmlEscapingPolicy.isSafe("$page.getRenderedBody()"));
        assertTrue(HtmlEscapingPolicy.isSafe("$helper.renderConfluenceMacro(\"a.b\")"));
        assertTrue(HtmlEscapingPolicy.isSafe("$html"));
        assertFalse(HtmlEscapingPolicy.isSafe("$fooHtml.title"));
        assertFalse(HtmlEscapingPolicy.isSafe("$i18n.getText(\"x.html\")"));
        assertFalse(HtmlEscapingPolicy.isSafe("$foo"));
    }
}
