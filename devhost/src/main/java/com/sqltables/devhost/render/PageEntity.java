package com.sqltables.devhost.render;

import com.atlassian.confluence.core.ContentEntityObject;
import com.atlassian.confluence.user.ConfluenceUser;
import com.atlassian.sal.api.user.UserKey;

import java.util.Objects;

/**
 * The page being rendered, as macros see it through {@code ConversionContext.getEntity()}: id, title, the
 * user who saved the version shown ({@link #getLastModifier()}) and that version's storage-format body
 * ({@link #getBodyAsString()}), which the plugin compares inline SQL against.
 */
public final class PageEntity extends ContentEntityObject {
    private final String spaceKey;

    /**
     * @param lastModifierKey user key of whoever saved this version; {@code null} when unknown
     * @param body the saved storage-format body of this version
     */
    public PageEntity(long id, String title, String spaceKey, String lastModifierKey, String body) {
        setId(id);
        setTitle(title);
        this.spaceKey = spaceKey;
        setLastModifier(lastModifierKey == null ? null : new Modifier(new UserKey(lastModifierKey)));
        setBodyAsString(body == null ? "" : body);
    }

    /** The key of the page's space (Confluence reaches it through {@code getSpace().getKey()}). */
    public String getSpaceKey() {
        return spaceKey;
    }

    @Override
    public String getType() {
        return "page";
    }

    @Override
    public String toString() {
        return "page " + getId() + " '" + getTitle() + "' in " + spaceKey;
    }

    /** The user behind a user key, as far as the signature module declares {@link ConfluenceUser}. */
    private static final class Modifier implements ConfluenceUser {
        private final UserKey key;

        Modifier(UserKey key) {
            this.key = key;
        }

        @Override
        public UserKey getKey() {
            return key;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Modifier && ((Modifier) o).key.equals(key);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key);
        }

        @Override
        public String toString() {
            return "user " + key.getStringValue();
        }
    }
}
