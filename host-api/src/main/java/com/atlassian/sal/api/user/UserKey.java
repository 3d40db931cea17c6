package com.atlassian.sal.api.user;

import java.io.Serializable;
import java.util.Objects;

// Signature confirmed against Decompiled-Files sal-api-5.1.4 com/atlassian/sal/api/user/UserKey.java and public mock UserManagers calling new UserKey(String)/getStringValue().
/**
 * Compile-only stand-in for the stable key of a user (unlike the username, it never changes).
 * Immutable; {@code toString()} is the key itself, like the real one.
 */
public final class UserKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String userkey;

    public UserKey(String userkey) {
        this.userkey = Objects.requireNonNull(userkey, "userkey");
    }

    public static UserKey fromLong(long userId) {
        return new UserKey(String.valueOf(userId));
    }

    public String getStringValue() {
        return userkey;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other != null && getClass() == other.getClass() && userkey.equals(((UserKey) other).userkey);
    }

    @Override
    public int hashCode() {
        return userkey.hashCode();
    }

    @Override
    public String toString() {
        return userkey;
    }
}
