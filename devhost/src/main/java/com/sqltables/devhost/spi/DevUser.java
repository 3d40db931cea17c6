package com.sqltables.devhost.spi;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/** A user of the dev host's directory. The key is stable and opaque, as Confluence's user keys are. */
public final class DevUser {
    private final String key;
    private final String username;
    private final String fullName;
    private final String email;
    private final Set<String> groups;
    private final boolean systemAdmin;

    public DevUser(String key, String username, String fullName, String email, Set<String> groups, boolean systemAdmin) {
        this.key = Objects.requireNonNull(key, "key");
        this.username = Objects.requireNonNull(username, "username");
        this.fullName = fullName;
        this.email = email;
        this.groups = Collections.unmodifiableSet(new LinkedHashSet<>(groups));
        this.systemAdmin = systemAdmin;
    }

    public String key() { return key; }
    public String username() { return username; }
    public String fullName() { return fullName; }
    public String email() { return email; }
    public Set<String> groups() { return groups; }
    /** Members of {@code confluence-administrators} are system administrators, as in a fresh Confluence. */
    public boolean systemAdmin() { return systemAdmin; }

    @Override public boolean equals(Object o) { return o instanceof DevUser && ((DevUser) o).key.equals(key); }
    @Override public int hashCode() { return key.hashCode(); }
    @Override public String toString() { return "DevUser[" + username + "]"; }
}
