package com.sqltables.devhost.services.sal;

import com.sqltables.devhost.plugins.testing.FakeHttp;
import com.sqltables.devhost.spi.HostConventions;
import org.junit.Test;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class DevXsrfTokensTest {
    private final DevXsrfTokens tokens = new DevXsrfTokens();

    @Test
    public void getXsrfToken_createsOneTokenPerSessionAndSetsTheCookie() {
        FakeHttp.Request request = new FakeHttp.Request();
        FakeHttp.Response response = new FakeHttp.Response();

        String first = tokens.getXsrfToken(request.proxy, response.proxy, true);
        String second = tokens.getXsrfToken(request.proxy, response.proxy, true);

        assertEquals(first, second);
        assertEquals(40, first.length());
        assertEquals(first, request.session.attributes.get(HostConventions.XSRF_TOKEN_SESSION_ATTRIBUTE));
        assertEquals(1, response.cookies.size());
        assertEquals("atlassian.xsrf.token", response.cookies.get(0).getName());
        assertEquals(first, response.cookies.get(0).getValue());
        assertEquals("/confluence", response.cookies.get(0).getPath());
    }

    @Test
    public void getXsrfToken_differsBetweenSessions() {
        String one = tokens.getXsrfToken(new FakeHttp.Request().proxy, null, true);
        String two = tokens.getXsrfToken(new FakeHttp.Request().proxy, null, true);

        assertNotEquals(one, two);
    }

    @Test
    public void getXsrfToken_withoutCreate_returnsNullAndCreatesNoSession() {
        FakeHttp.Request request = new FakeHttp.Request();

        assertNull(tokens.getXsrfToken(request.proxy, null, false));
        assertNull(request.session);
    }

    @Test
    public void validateFormEncodedToken_acceptsOnlyTheSessionsToken() {
        FakeHttp.Request request = new FakeHttp.Request();
        String token = tokens.getXsrfToken(request.proxy, null, true);

        request.parameters.put("atl_token", token);
        assertTrue(tokens.validateFormEncodedToken(request.proxy));

        request.parameters.put("atl_token", token.substring(1) + "0");
        assertFalse(tokens.validateFormEncodedToken(request.proxy));

        request.parameters.remove("atl_token");
        assertFalse(tokens.validateFormEncodedToken(request.proxy));
    }

    @Test
    public void validateFormEncodedToken_withoutSession_rejects() {
        FakeHttp.Request request = new FakeHttp.Request();
        request.parameters.put("atl_token", "anything");

        assertFalse(tokens.validateFormEncodedToken(request.proxy));
        assertEquals("atl_token", tokens.getXsrfParameterName());
    }
}
