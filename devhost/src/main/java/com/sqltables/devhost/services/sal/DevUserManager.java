package com.sqltables.devhost.services.sal;

import com.atlassian.sal.api.user.UserKey;
import com.atlassian.sal.api.user.UserManager;
import com.atlassian.sal.api.user.UserProfile;
import com.sqltables.devhost.spi.DevUser;
import com.sqltables.devhost.spi.RequestContext;
import com.sqltables.devhost.spi.UserDirectory;

import javax.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * SAL's user manager over the dev host's directory. The remote user is the one the web host bound to the
 * current thread ({@link RequestContext}), as Confluence reads it from {@code AuthenticatedUserThreadLocal}.
 */
public final class DevUserManager implements UserManager {
    /** Confluence's administrators group; its members hold the "Confluence Administrator" permission. */
    static final String ADMINISTRATORS_GROUP = "confluence-administrators";
    /** Membership in this group (or being an administrator) consumes a licence. */
    static final String USERS_GROUP = "confluence-users";

    private final UserDirectory users;
    private final String baseUrl;

    public DevUserManager(UserDirectory users, String baseUrl) {
        this.users = users;
        this.baseUrl = baseUrl;
    }

    @Override
    public UserProfile getRemoteUser() {
        return RequestContext.currentUser().map(this::profile).orElse(null);
    }

    @Override
    public UserKey getRemoteUserKey() {
        return RequestContext.currentUser().map(u -> new UserKey(u.key())).orElse(null);
    }

    @Override
    public UserProfile getRemoteUser(HttpServletRequest request) {
        return getRemoteUser();
    }

    @Override
    public UserKey getRemoteUserKey(HttpServletRequest request) {
        return getRemoteUserKey();
    }

    @Override
    public UserProfile getUserProfile(String username) {
        return username == null ? null : users.byUsername(username).map(this::profile).orElse(null);
    }

    @Override
    public UserProfile getUserProfile(UserKey userKey) {
        return user(userKey).map(this::profile).orElse(null);
    }

    @Override
    public boolean isUserInGroup(UserKey userKey, String group) {
        return user(userKey).map(u -> u.groups().contains(group)).orElse(false);
    }

    @Override
    public boolean isSystemAdmin(UserKey userKey) {
        return user(userKey).map(DevUser::systemAdmin).orElse(false);
    }

    @Override
    public boolean isAdmin(UserKey userKey) {
        // In Confluence a system administrator is always an administrator too.
        return user(userKey).map(u -> u.systemAdmin() || u.groups().contains(ADMINISTRATORS_GROUP)).orElse(false);
    }

    @Override
    public boolean isLicensed(UserKey userKey) {
        return user(userKey).map(u -> u.systemAdmin() || u.groups().contains(ADMINISTRATORS_GROUP)
                || u.groups().contains(USERS_GROUP)).orElse(false);
    }

    private Optional<DevUser> user(UserKey userKey) {
        return userKey == null ? Optional.empty() : users.byKey(userKey.getStringValue());
    }

    UserProfile profile(DevUser user) {
        return new Profile(user, baseUrl);
    }

    private static final class Profile implements UserProfile {
        private final DevUser user;
        private final String baseUrl;

        Profile(DevUser user, String baseUrl) {
            this.user = user;
            this.baseUrl = baseUrl;
        }

        @Override
        public UserKey getUserKey() {
            return new UserKey(user.key());
        }

        @Override
        public String getUsername() {
            return user.username();
        }

        @Override
        public String getFullName() {
            return user.fullName() == null ? user.username() : user.fullName();
        }

        @Override
        public String getEmail() {
            return user.email();
        }

        @Override
        public URI getProfilePictureUri(int width, int height) {
            return getProfilePictureUri();
        }

        @Override
        public URI getProfilePictureUri() {
            // Confluence's default avatar for users without a picture.
            return URI.create(baseUrl + "/images/icons/profilepics/default.svg");
        }

        @Override
        public URI getProfilePageUri() {
            return URI.create(baseUrl + "/display/~" + URLEncoder.encode(user.username(), StandardCharsets.UTF_8));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Profile && ((Profile) o).user.equals(user);
        }

        @Override
        public int hashCode() {
            return user.hashCode();
        }

        @Override
        public String toString() {
            return user.username();
        }
    }
}
