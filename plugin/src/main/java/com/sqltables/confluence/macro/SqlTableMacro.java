package com.sqltables.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.macro.Macro;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code sql-table} macro: a saved query ({@code query}) or SQL in its plain-text body, shown as a
 * table. It only reads its parameters and the page context and hands them to {@link SqlTableService};
 * failures come back as an error box, never as an exception (which Confluence would show with its own
 * wording).
 */
@Named
public class SqlTableMacro implements Macro {
    /** The web resource with the table's style sheet (atlassian-plugin.xml). */
    static final String WEB_RESOURCE = "com.sqltables.confluence:sql-table-resources";
    private static final Logger log = LoggerFactory.getLogger(SqlTableMacro.class);

    private final SqlTableService service;
    private final RenderContextFactory contexts;
    private final PageBuilderService pageBuilder;

    @Inject
    public SqlTableMacro(SqlTableService service, RenderContextFactory contexts,
                         @ComponentImport PageBuilderService pageBuilder) {
        this.service = service;
        this.contexts = contexts;
        this.pageBuilder = pageBuilder;
    }

    @Override
    public String execute(Map<String, String> parameters, String body, ConversionContext conversionContext) {
        RenderContext context = contexts.create(conversionContext, parameters, body);
        if (!context.getOutputMode().isStaticTable()) {
            requireStyles();
        }
        MacroParameters parsed;
        try {
            parsed = MacroParameters.parse(parameters, body);
        } catch (MacroParameterException e) {
            return service.renderParameterError(e, context);
        }
        return service.render(parsed, context);
    }

    private void requireStyles() {
        try {
            pageBuilder.assembler().resources().requireWebResource(WEB_RESOURCE);
        } catch (RuntimeException e) {
            // Without the style sheet the table still shows, with Confluence's own table styles.
            log.debug("Could not require {}: {}", WEB_RESOURCE, e.toString());
        }
    }

    @Override
    public BodyType getBodyType() {
        return BodyType.PLAIN_TEXT;
    }

    @Override
    public OutputType getOutputType() {
        return OutputType.BLOCK;
    }
}
