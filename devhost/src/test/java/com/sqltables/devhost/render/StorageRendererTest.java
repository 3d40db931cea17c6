package com.sqltables.devhost.render;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.confluence.macro.MacroExecutionException;
import org.junit.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.hamcrest.CoreMatchers.containsString;
import static org.hamcrest.CoreMatchers.not;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

public class StorageRendererTest {
    /** A test double of a plugin macro: records its call, answers with a fixed output or throws. */
    private static final class RecordingMacro implements Macro {
        private final BodyType bodyType;
        private final String output;
        private final Exception failure;
        Map<String, String> parameters;
        String body;
        ConversionContext context;

        RecordingMacro(BodyType bodyType, String output, Exception failure) {
            this.bodyType = bodyType;
            this.output = output;
            this.failure = failure;
        }

        @Override
        public String execute(Map<String, String> parameters, String body, ConversionContext context)
                throws MacroExecutionException {
            this.parameters = parameters;
            this.body = body;
            this.context = context;
            if (failure instanceof MacroExecutionException) {
                throw (MacroExecutionException) failure;
            }
            if (failure instanceof RuntimeException) {
                throw (RuntimeException) failure;
            }
            return output;
        }

        @Override public BodyType getBodyType() {
            return bodyType;
        }

        @Override public OutputType getOutputType() {
            return OutputType.BLOCK;
        }
    }

    private final Map<String, Macro> macros = new HashMap<>();
    private final StorageRenderer renderer = new StorageRenderer(name -> Optional.ofNullable(macros.get(name)),
            "/confluence");

    private String render(String storage) throws InvalidStorageFormatException {
        return renderer.render(storage, new RenderContext(new PageEntity(42, "Report", "DEMO", "user-key-1", storage), "DEMO",
                RenderContext.DISPLAY));
    }

    @Test
    public void macro_getsParametersPlainBodyAndContext_andItsOutputIsInsertedAsIs() throws Exception {
        RecordingMacro macro = new RecordingMacro(Macro.BodyType.PLAIN_TEXT, "<table class=\"x\"><tr><td>1</td></tr></table>", null);
        macros.put("sql-table", macro);

        String html = render("<p>before</p><ac:structured-macro ac:name=\"sql-table\" ac:schema-version=\"1\">"
                + "<ac:parameter ac:name=\"datasource\">demo</ac:parameter>"
                + "<ac:parameter ac:name=\"maxRows\">10</ac:parameter>"
                + "<ac:plain-text-body><![CDATA[SELECT * FROM t WHERE a < 3 & b > 1]]></ac:plain-text-body>"
                + "</ac:structured-macro>");

        assertEquals("<p>before</p><table class=\"x\"><tr><td>1</td></tr></table>", html);
        assertEquals(Map.of("datasource", "demo", "maxRows", "10"), macro.parameters);
        assertEquals("SELECT * FROM t WHERE a < 3 & b > 1", macro.body);
        assertEquals(42L, macro.context.getEntity().getId());
        assertEquals("Report", macro.context.getEntity().getTitle());
        assertEquals("page", macro.context.getEntity().getType());
        assertEquals("DEMO", macro.context.getSpaceKey());
        assertEquals("display", macro.context.getOutputType());
    }

    @Test
    public void macroThrowingMacroExecutionException_rendersAnEscapedErrorBox() throws Exception {
        macros.put("sql-table", new RecordingMacro(Macro.BodyType.PLAIN_TEXT, null,
                new MacroExecutionException("Datasource <b>demo</b> is unreachable")));

        String html = render("<p>a</p><ac:structured-macro ac:name=\"sql-table\"/><p>b</p>");

        assertThat(html, containsString("<p>a</p>"));
        assertThat(html, containsString("aui-message-error"));
        assertThat(html, containsString("Error rendering macro 'sql-table'"));
        assertThat(html, containsString("Datasource &lt;b&gt;demo&lt;/b&gt; is unreachable"));
        assertThat(html, containsString("<p>b</p>"));
    }

    @Test
    public void macroThrowingRuntimeException_rendersAnErrorBoxWithoutStackTrace() throws Exception {
        macros.put("sql-table", new RecordingMacro(Macro.BodyType.NONE, null, new IllegalStateException("boom")));

        String html = render("<ac:structured-macro ac:name=\"sql-table\"/><p>after</p>");

        assertThat(html, containsString("aui-message-error"));
        assertThat(html, containsString("IllegalStateException: boom"));
        assertThat(html, not(containsString("at com.")));
        assertThat(html, containsString("<p>after</p>"));
    }

    @Test
    public void unknownMacro_rendersConfluencesUnknownMacroBox() throws Exception {
        String html = render("<ac:structured-macro ac:name=\"jira\"><ac:parameter ac:name=\"key\">X-1</ac:parameter>"
                + "</ac:structured-macro>");
        assertThat(html, containsString("Unknown macro: {jira}"));
    }

    @Test
    public void richTextBodyMacro_getsItsBodyRenderedToView() throws Exception {
        RecordingMacro panel = new RecordingMacro(Macro.BodyType.RICH_TEXT, "<div>panel</div>", null);
        macros.put("panel", panel);
        render("<ac:structured-macro ac:name=\"panel\"><ac:rich-text-body><p>in&nbsp;side<script>x()</script></p>"
                + "</ac:rich-text-body></ac:structured-macro>");
        assertEquals("<p>in\u00a0side</p>", panel.body);
    }

    @Test
    public void bodylessMacro_getsNullBody() throws Exception {
        RecordingMacro macro = new RecordingMacro(Macro.BodyType.NONE, "", null);
        macros.put("toc", macro);
        render("<ac:structured-macro ac:name=\"toc\"/>");
        assertNull(macro.body);
    }

    @Test
    public void confluenceEntities_areAccepted() throws Exception {
        assertEquals("<p>a\u00a0b \u2013 c \u2026 \u00e9</p>", render("<p>a&nbsp;b &ndash; c &hellip; &eacute;</p>"));
    }

    @Test
    public void invalidXhtml_throwsWithTheParsersMessageAndPosition() {
        InvalidStorageFormatException e = assertThrows(InvalidStorageFormatException.class,
                () -> render("<p>one</p>\n<p>two <b>bold</p>"));
        assertThat(e.getMessage(), containsString("[row,col]: [2,"));
        assertThat(e.getMessage(), containsString("\"b\""));
    }

    @Test
    public void unknownEntity_isInvalid() {
        assertThrows(InvalidStorageFormatException.class, () -> render("<p>&bogus;</p>"));
    }

    @Test
    public void externalEntitiesAndDoctypes_areRejected() {
        assertThrows(InvalidStorageFormatException.class,
                () -> render("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><p>&e;</p>"));
    }

    @Test
    public void scriptsEventHandlersAndJavascriptUrls_areRemoved() throws Exception {
        String html = render("<p onclick=\"steal()\" class=\"c\">t<script>alert(1)</script></p>"
                + "<a href=\"javascript:alert(1)\">x</a><a href=\" JaVa&#x09;script:alert(2)\">y</a>"
                + "<img src=\"x\" onerror=\"alert(3)\" /><iframe src=\"https://evil\"></iframe>"
                + "<span style=\"background:url(javascript:x)\">s</span><div style=\"text-align: center\">d</div>");
        assertThat(html, not(containsString("script")));
        assertThat(html, not(containsString("onclick")));
        assertThat(html, not(containsString("onerror")));
        assertThat(html, not(containsString("iframe")));
        assertThat(html, not(containsString("url(")));
        assertThat(html, containsString("<p class=\"c\">t</p>"));
        assertThat(html, containsString("<div style=\"text-align: center\">d</div>"));
    }

    @Test
    public void textIsEscaped() throws Exception {
        assertEquals("<p>&lt;b&gt; &amp; \"</p>", render("<p>&lt;b&gt; &amp; \"</p>"));
    }

    @Test
    public void pageLinks_pointToDisplayUrls() throws Exception {
        String html = render("<p><ac:link><ri:page ri:content-title=\"Sales Report\" /></ac:link>"
                + "<ac:link><ri:page ri:space-key=\"OPS\" ri:content-title=\"Runbook\" />"
                + "<ac:plain-text-link-body><![CDATA[the runbook]]></ac:plain-text-link-body></ac:link></p>");
        assertThat(html, containsString("<a href=\"/confluence/display/DEMO/Sales+Report\">Sales Report</a>"));
        assertThat(html, containsString("<a href=\"/confluence/display/OPS/Runbook\">the runbook</a>"));
    }

    @Test
    public void previewContext_reportsOutputTypePreviewAndNoEntity() throws Exception {
        RecordingMacro macro = new RecordingMacro(Macro.BodyType.NONE, "", null);
        macros.put("m", macro);
        renderer.render("<ac:structured-macro ac:name=\"m\"/>", new RenderContext(null, "DEMO", RenderContext.PREVIEW));
        assertEquals("preview", macro.context.getOutputType());
        assertNull(macro.context.getEntity());
    }
}
