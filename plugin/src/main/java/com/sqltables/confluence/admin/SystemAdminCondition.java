package com.sqltables.confluence.admin;

import com.atlassian.plugin.web.Condition;
import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;

import javax.inject.Inject;
import java.util.Map;
import java.util.Objects;

/**
 * Shows the admin screen's links to system administrators only, the same rule {@link AdminAccess} enforces.
 * Hiding a link protects nothing by itself: the servlet checks every request.
 */
public class SystemAdminCondition implements Condition {
    private final UserManager userManager;

    @Inject
    public SystemAdminCondition(UserManager userManager) {
        this.userManager = Objects.requireNonNull(userManager, "userManager");
    }

    @Override
    public void init(Map<String, String> params) {
        // No parameters.
    }

    @Override
    public boolean shouldDisplay(Map<String, Object> context) {
        UserKey user = userManager.getRemoteUserKey();
        return user != null && userManager.isSystemAdmin(user);
    }
}
