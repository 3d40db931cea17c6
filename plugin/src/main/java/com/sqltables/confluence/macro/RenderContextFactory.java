package com.sqltables.confluence.macro;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.confluence.web.context.HttpContext;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import javax.servlet.http.HttpServletRequest;

/** Builds a {@link RenderContext} from Confluence's conversion context, current user and request. */
@Named
public class RenderContextFactory {
    private final UserManager userManager;
    private final HttpContext httpContext;

    @Inject
    public RenderContextFactory(@ComponentImport UserManager userManager, @ComponentImport HttpContext httpContext) {
        this.userManager = userManager;
        this.httpContext = httpContext;
    }

    /** @param conversion the conversion the macro runs in; {@code null} is treated as a plain page view */
    public RenderContext create(ConversionContext conversion) {
        return builder(conversion).build();
    }

    /**
     * Also identifies the table ({@link RenderContext#getTableKey()}) when the macro is on saved content.
     *
     * @param parameters the macro's parameters as Confluence passes them
     * @param body the macro body
     */
    public RenderContext create(ConversionContext conversion, Map<String, String> parameters, String body) {
        RenderContext.Builder b = builder(conversion);
        ContentEntityObject entity = conversion == null ? null : conversion.getEntity();
        if (entity != null && entity.getId() != 0) {
            b.tableKey(TableIdentity.of(entity.getId(), parameters, body));
        }
        return b.build();
    }

    private RenderContext.Builder builder(ConversionContext conversion) {
        RenderContext.Builder b = RenderContext.builder();
        b.outputMode(OutputMode.of(conversion == null ? null : conversion.getOutputType()));
        ContentEntityObject entity = conversion == null ? null : conversion.getEntity();
        b.spaceKey(conversion == null ? null : conversion.getSpaceKey());
        if (entity != null) {
            if (entity.getId() != 0) {
                b.pageId(entity.getId());
            }
            ConfluenceUser modifier = entity.getLastModifier();
            b.lastModifier(modifier == null ? null : modifier.getKey());
            b.storedBody(entity::getBodyAsString);
        }
        UserProfile viewer = userManager.getRemoteUser();
        if (viewer != null) {
            b.viewer(viewer.getUserKey(), viewer.getUsername());
        }
        HttpServletRequest request = httpContext.getRequest();
        if (request != null) {
            PageUrlValues url = PageUrlValues.parse(request.getQueryString());
            b.urlValues(url.values()).refreshRequested(url.refresh()).pageQuery(url.queryWithoutRefresh());
        }
        return b;
    }
}
