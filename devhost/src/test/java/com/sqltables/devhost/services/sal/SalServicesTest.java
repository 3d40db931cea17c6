package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.UrlMode;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserProfile;
import com.atlassian.sal.api.user.UserRole;
import com.sqltables.devhost.plugins.testing.FakeHttp;
import com.sqltables.devhost.plugins.testing.TestEnvironment;
import com.sqltables.devhost.spi.RequestContext;
import org.junit.After;
import org.junit.Test;

import java.net.URI;
import java.nio.file.Path;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

public class SalServicesTest {
    private final TestEnvironment env = TestEnvironment.h2(Path.of("unused"));
    private final DevUserManager users = new DevUserManager(env.users(), env.baseUrl());

    @After
    public void tearDown() {
        RequestContext.clear();
    }

    @Test
    public void userManager_remoteUserIsTheOneBoundToTheRequest() {
        assertNull(users.getRemoteUser());
        assertNull(users.getRemoteUserKey());

        FakeHttp.Request request = new FakeHttp.Request();
        RequestContext.bind(request.proxy, null, TestEnvironment.AUTHOR);

        UserProfile profile = users.getRemoteUser(request.proxy);
        assertEquals("author", profile.getUsername());
        assertEquals("Page Author", profile.getFullName());
        assertEquals("author@example.com", profile.getEmail());
        assertEquals(new UserKey("key-author"), users.getRemoteUserKey());
        assertEquals(URI.create("http://localhost:1990/confluence/display/~author"), profile.getProfilePageUri());
    }

    @Test
    public void userManager_rolesFollowConfluenceGroups() {
        UserKey admin = new UserKey("key-admin");
        UserKey viewer = new UserKey("key-viewer");
        UserKey outsider = new UserKey("key-outsider");

        assertTrue(users.isSystemAdmin(admin));
        assertTrue(users.isAdmin(admin));
        assertFalse(users.isAdmin(viewer));
        assertTrue(users.isLicensed(viewer));
        assertFalse(users.isLicensed(outsider));
        assertTrue(users.isUserInGroup(viewer, "confluence-users"));
        assertFalse(users.isUserInGroup(outsider, "confluence-users"));
        assertFalse(users.isSystemAdmin(new UserKey("nobody")));
        assertNull(users.getUserProfile(new UserKey("nobody")));
        assertEquals("viewer", users.getUserProfile("viewer").getUsername());
    }

    @Test
    public void loginUri_carriesTheDestinationBelowTheContext() {
        DevLoginUriProvider login = new DevLoginUriProvider(env.baseUrl());

        assertEquals(URI.create("http://localhost:1990/confluence/login.action?os_destination=%2Fplugins%2Fservlet%2Fx%3Fa%3D1"),
                login.getLoginUri(URI.create("http://localhost:1990/confluence/plugins/servlet/x?a=1")));
        assertEquals(URI.create("http://localhost:1990/confluence/login.action?os_destination=%2Fplugins%2Fservlet%2Fx"),
                login.getLoginUri(URI.create("/confluence/plugins/servlet/x")));
        assertEquals(login.getLoginUri(URI.create("/x")), login.getLoginUriForRole(URI.create("/x"), UserRole.ADMIN));
    }

    @Test
    public void applicationProperties_describeConfluence() {
        DevApplicationProperties properties = new DevApplicationProperties(env.baseUrl(), "8.5.16", "9012", env.localHome(), env.sharedHome());

        assertEquals("http://localhost:1990/confluence", properties.getBaseUrl(UrlMode.CANONICAL));
        assertEquals("http://localhost:1990/confluence", properties.getBaseUrl(UrlMode.ABSOLUTE));
        assertEquals("/confluence", properties.getBaseUrl(UrlMode.RELATIVE));
        assertEquals("http://localhost:1990/confluence", properties.getBaseUrl(UrlMode.AUTO));
        RequestContext.bind(new FakeHttp.Request().proxy, null, null);
        assertEquals("/confluence", properties.getBaseUrl(UrlMode.AUTO));
        assertEquals("Confluence", properties.getDisplayName());
        assertEquals("conf", properties.getPlatformId());
        assertEquals("8.5.16", properties.getVersion());
        assertEquals("9012", properties.getBuildNumber());
    }

    @Test
    public void userAccessor_countsLicensedUsers() {
        assertEquals(3, new DevUserAccessor(env.users()).countLicenseConsumingUsers());
    }
}
