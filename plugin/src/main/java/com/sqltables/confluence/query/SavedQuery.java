package com.sqltables.confluence.query;

import java.time.Instant;
import java.util.Objects;

/** A stored saved query: settings plus identity, owner, revision and change stamps. Immutable. */
public final class SavedQuery {
    private final long id;
    private final SavedQuerySettings settings;
    private final String ownerUserKey;
    private final long revision;
    private final Instant created;
    private final Instant modified;
    private final String modifiedBy;

    public SavedQuery(long id, SavedQuerySettings settings, String ownerUserKey, long revision, Instant created,
                      Instant modified, String modifiedBy) {
        this.id = id;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ownerUserKey = ownerUserKey;
        this.revision = revision;
        this.created = created;
        this.modified = modified;
        this.modifiedBy = modifiedBy;
    }

    public long getId() {
        return id;
    }

    /** @return the name (shortcut for {@code getSettings().getName()}) */
    public String getName() {
        return settings.getName();
    }

    public SavedQuerySettings getSettings() {
        return settings;
    }

    /** @return the owner's user key, or {@code null} */
    public String getOwnerUserKey() {
        return ownerUserKey;
    }

    /** @return starts at 1 and grows with every change; pass it back to update */
    public long getRevision() {
        return revision;
    }

    public Instant getCreated() {
        return created;
    }

    public Instant getModified() {
        return modified;
    }

    /** @return the last editor's user key, or {@code null} */
    public String getModifiedBy() {
        return modifiedBy;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SavedQuery)) {
            return false;
        }
        SavedQuery that = (SavedQuery) o;
        return id == that.id && revision == that.revision && settings.equals(that.settings)
                && Objects.equals(ownerUserKey, that.ownerUserKey) && Objects.equals(created, that.created)
                && Objects.equals(modified, that.modified) && Objects.equals(modifiedBy, that.modifiedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, settings, ownerUserKey, revision, created, modified, modifiedBy);
    }

    @Override
    public String toString() {
        return "SavedQuery{id=" + id + ", revision=" + revision + ", " + settings + "}";
    }
}
