package com.sqltables.confluence.macro;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.atlassian.confluence.content.render.xhtml.ConversionContext;
import com.atlassian.confluence.web.context.HttpContext;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import java.util.Map;
import javax.servlet.http.HttpServletRequest;
import org.junit.Test;

public class RenderContextFactoryTest {
    private final UserManager userManager = mock(UserManager.class);
    private final HttpContext httpContext = mock(HttpContext.class);
    private final RenderContextFactory factory = new RenderContextFactory(userManager, httpContext);

    private static ConversionContext conversion(String outputType, String spaceKey, TestPage page) {
        ConversionContext context = mock(ConversionContext.class);
        when(context.getOutputType()).thenReturn(outputType);
        when(context.getSpaceKey()).thenReturn(spaceKey);
        when(context.getEntity()).thenReturn(page);
        return context;
    }

    private void viewer(String key, String name) {
        UserProfile profile = mock(UserProfile.class);
        when(profile.getUserKey()).thenReturn(new UserKey(key));
        when(profile.getUsername()).thenReturn(name);
        when(userManager.getRemoteUser()).thenReturn(profile);
    }

    @Test
    public void create_pageView_readsPageViewerAndUrl() {
        viewer("k1", "jdoe");
        HttpServletRequest request = mock(HttpServletRequest.class);
        when(request.getQueryString()).thenReturn("pageId=7&sqlp_region=EU&sqlt_refresh=1");
        when(httpContext.getRequest()).thenReturn(request);
        RenderContext context = factory.create(conversion("display", "FIN",
                new TestPage(7, new UserKey("editor"), "<p>x</p>")));
        assertEquals(OutputMode.PAGE, context.getOutputMode());
        assertEquals("FIN", context.getSpaceKey());
        assertEquals(Long.valueOf(7), context.getPageId());
        assertEquals(new UserKey("k1"), context.getViewer());
        assertEquals("jdoe", context.getViewerName());
        assertEquals(new UserKey("editor"), context.getSqlAuthor());
        assertEquals("<p>x</p>", context.getStoredBody());
        assertEquals(Map.of("region", "EU"), context.getUrlValues());
        assertTrue(context.isRefreshRequested());
        assertEquals("pageId=7&sqlp_region=EU", context.getPageQuery());
    }

    @Test
    public void create_preview_makesTheViewerTheSqlAuthor() {
        viewer("k1", "jdoe");
        RenderContext context = factory.create(conversion("preview", "FIN",
                new TestPage(7, new UserKey("editor"), "")));
        assertEquals(new UserKey("k1"), context.getSqlAuthor());
    }

    @Test
    public void create_withoutRequestPageOrUser_leavesThemOut() {
        RenderContext context = factory.create(conversion("pdf", null, null));
        assertEquals(OutputMode.EXPORT, context.getOutputMode());
        assertNull(context.getPageId());
        assertNull(context.getViewer());
        assertNull(context.getSqlAuthor());
        assertNull(context.getStoredBody());
        assertTrue(context.getUrlValues().isEmpty());
        assertFalse(context.isRefreshRequested());
        assertNull(context.getPageQuery());
    }

    @Test
    public void create_unsavedContent_hasNoPageId() {
        RenderContext context = factory.create(conversion("preview", "FIN", new TestPage(0, null, "")));
        assertNull(context.getPageId());
        assertNull(context.getSqlAuthor());
    }

    @Test
    public void create_forAMacro_identifiesTheTableOnlyOnSavedContent() {
        Map<String, String> parameters = Map.of("query", "Big sales");
        RenderContext onPage = factory.create(conversion("display", "FIN", new TestPage(7, null, "")), parameters, null);
        assertEquals(TableIdentity.of(7, parameters, null), onPage.getTableKey());
        assertNull(factory.create(conversion("preview", "FIN", new TestPage(0, null, "")), parameters, null).getTableKey());
        assertNull(factory.create(conversion("display", "FIN", null), parameters, null).getTableKey());
        assertNull("without the macro's definition", factory.create(conversion("display", "FIN",
                new TestPage(7, null, ""))).getTableKey());
    }
}
