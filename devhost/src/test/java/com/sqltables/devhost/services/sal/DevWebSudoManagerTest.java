package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.websudo.WebSudoSessionException;
import com.sqltables.devhost.plugins.testing.FakeHttp;
import com.sqltables.devhost.spi.HostConventions;
import org.junit.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

public class DevWebSudoManagerTest {
    private static final Instant NOW = Instant.parse("2025-01-01T10:00:00Z");
    private final DevWebSudoManager webSudo = new DevWebSudoManager(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    public void canExecuteRequest_onlyWhileTheSessionsDeadlineLiesAhead() {
        FakeHttp.Request request = new FakeHttp.Request();
        assertFalse("no session", webSudo.canExecuteRequest(request.proxy));

        request.proxy.getSession(true).setAttribute(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE, NOW.toEpochMilli() + 1);
        assertTrue(webSudo.canExecuteRequest(request.proxy));

        request.session.attributes.put(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE, NOW.toEpochMilli());
        assertFalse("expired", webSudo.canExecuteRequest(request.proxy));
    }

    @Test
    public void enforceWebSudoProtection_redirectsToTheAuthenticatePageWithDestination() {
        FakeHttp.Request request = new FakeHttp.Request();
        request.requestUri = "/confluence/plugins/servlet/sql-tables/admin";
        request.queryString = "tab=datasources&x=1";
        FakeHttp.Response response = new FakeHttp.Response();

        webSudo.enforceWebSudoProtection(request.proxy, response.proxy);

        assertEquals("/confluence/authenticate.action?destination=%2Fplugins%2Fservlet%2Fsql-tables%2Fadmin%3Ftab%3Ddatasources%26x%3D1",
                response.redirect);
    }

    @Test
    public void willExecuteWebSudoRequest_withoutWebSudo_throws() {
        FakeHttp.Request request = new FakeHttp.Request();
        try {
            webSudo.willExecuteWebSudoRequest(request.proxy);
            fail("No secure session: the request must be refused");
        } catch (WebSudoSessionException expected) {
            // The plugin turns this into a redirect.
        }

        request.proxy.getSession(true).setAttribute(HostConventions.WEBSUDO_UNTIL_SESSION_ATTRIBUTE, NOW.toEpochMilli() + 60_000);
        webSudo.willExecuteWebSudoRequest(request.proxy);
        assertEquals(Boolean.TRUE, request.attributes.get(DevWebSudoManager.WEBSUDO_REQUEST_ATTRIBUTE));
    }
}
