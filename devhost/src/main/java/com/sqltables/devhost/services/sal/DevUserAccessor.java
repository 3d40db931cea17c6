package com.sqltables.devhost.services.sal;

import com.atlassian.confluence.user.UserAccessor;
import com.sqltables.devhost.spi.UserDirectory;

/** Confluence's user accessor, as far as plugins count licensed users with it. */
public final class DevUserAccessor implements UserAccessor {
    private final UserDirectory users;

    public DevUserAccessor(UserDirectory users) {
        this.users = users;
    }

    @Override
    public int countLicenseConsumingUsers() {
        return users.countLicensedUsers();
    }
}
