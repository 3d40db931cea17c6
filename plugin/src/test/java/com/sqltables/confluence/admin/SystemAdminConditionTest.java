package com.sqltables.confluence.admin;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import org.junit.Test;

import java.util.Map;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

public class SystemAdminConditionTest {
    private final UserManager users = mock(UserManager.class);
    private final SystemAdminCondition condition = new SystemAdminCondition(users);

    @Test
    public void shouldDisplay_onlyForSystemAdministrators() {
        UserKey admin = new UserKey("a");
        UserKey user = new UserKey("u");
        when(users.isSystemAdmin(admin)).thenReturn(true);
        condition.init(Map.of());

        when(users.getRemoteUserKey()).thenReturn(admin);
        assertTrue(condition.shouldDisplay(Map.of()));
        when(users.getRemoteUserKey()).thenReturn(user);
        assertFalse(condition.shouldDisplay(Map.of()));
        when(users.getRemoteUserKey()).thenReturn(null);
        assertFalse(condition.shouldDisplay(Map.of()));
    }
}
