package com.sqltables.confluence.admin;

import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.message.I18nResolver;
import com.atlassian.sal.api.xsrf.XsrfTokenAccessor;
import com.atlassian.sal.api.xsrf.XsrfTokenValidator;
import com.atlassian.templaterenderer.TemplateRenderer;
import com.atlassian.webresource.api.assembler.PageBuilderService;
import com.sqltables.confluence.query.execution.QueryException;
import com.sqltables.confluence.sql.ParameterException;
import com.sqltables.confluence.sql.SqlRejectedException;

import javax.inject.Inject;
import javax.inject.Named;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Renders the admin screen's Velocity templates ({@code templates/admin/*.vm}) with what every page needs:
 * {@code $i18n}, the admin base URL, the XSRF parameter and token for forms, the admin web resources, and
 * Confluence's admin decorator (set in the templates). Values are escaped by the renderer; only
 * references ending in {@code Html} are not, and none of ours carry user input.
 */
@Named
public class AdminPages {
    static final String WEB_RESOURCE = "com.sqltables.confluence:admin-resources";

    private final TemplateRenderer renderer;
    private final I18nResolver i18n;
    private final XsrfTokenAccessor xsrfTokenAccessor;
    private final XsrfTokenValidator xsrfTokenValidator;
    private final PageBuilderService pageBuilderService;

    @Inject
    public AdminPages(@ComponentImport TemplateRenderer renderer, @ComponentImport I18nResolver i18n,
                      @ComponentImport XsrfTokenAccessor xsrfTokenAccessor,
                      @ComponentImport XsrfTokenValidator xsrfTokenValidator,
                      @ComponentImport PageBuilderService pageBuilderService) {
        this.renderer = Objects.requireNonNull(renderer, "renderer");
        this.i18n = Objects.requireNonNull(i18n, "i18n");
        this.xsrfTokenAccessor = Objects.requireNonNull(xsrfTokenAccessor, "xsrfTokenAccessor");
        this.xsrfTokenValidator = Objects.requireNonNull(xsrfTokenValidator, "xsrfTokenValidator");
        this.pageBuilderService = Objects.requireNonNull(pageBuilderService, "pageBuilderService");
    }

    /** Renders {@code templates/admin/<name>.vm} as the whole answer with the given status. */
    void render(HttpServletRequest request, HttpServletResponse response, int status, String name, Map<String, Object> model)
            throws IOException {
        pageBuilderService.assembler().resources().requireWebResource(WEB_RESOURCE);
        Map<String, Object> context = new HashMap<>(model);
        context.put("i18n", i18n);
        context.put("base", request.getContextPath() + AdminRoute.BASE);
        context.put("xsrfName", xsrfTokenValidator.getXsrfParameterName());
        context.put("xsrfToken", xsrfTokenAccessor.getXsrfToken(request, response, true));
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        renderer.render("templates/admin/" + name + ".vm", context, response.getWriter());
    }

    /** @return a text of the app's i18n resource */
    String text(String key, java.io.Serializable... arguments) {
        return i18n.getText(key, arguments);
    }

    /** @return why the query failed, in the administrator's language */
    String text(QueryException failure) {
        return failure.text(i18n);
    }

    /** @return the parameter values' problems as sentences, in the administrator's language */
    String text(ParameterException problems) {
        return problems.text(i18n);
    }

    /** @return why the SQL was refused, in the administrator's language */
    String text(SqlRejectedException refusal) {
        return refusal.text(i18n);
    }

    /** @return parameter name → problem, in the administrator's language */
    Map<String, String> fieldTexts(ParameterException problems) {
        return problems.fieldTexts(i18n);
    }

    static Map<String, Object> model(Object... keysAndValues) {
        Map<String, Object> model = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            model.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return model;
    }
}
