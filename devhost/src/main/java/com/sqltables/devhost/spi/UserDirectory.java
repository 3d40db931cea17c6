package com.sqltables.devhost.spi;

import java.util.List;
import java.util.Optional;

/** Users and groups of the dev host (implemented by the web host, read by SAL's UserManager and friends). */
public interface UserDirectory {
    Optional<DevUser> byUsername(String username);

    Optional<DevUser> byKey(String userKey);

    /** @return the user when the password matches, empty otherwise (never says which part was wrong). */
    Optional<DevUser> authenticate(String username, String password);

    List<DevUser> all();

    /** Users that would consume a Confluence licence: members of {@code confluence-users} or administrators. */
    int countLicensedUsers();
}
