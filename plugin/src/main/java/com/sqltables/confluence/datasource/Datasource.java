package com.sqltables.confluence.datasource;

import java.time.Instant;
import java.util.Objects;

/** A stored datasource: its settings plus identity, revision and who changed it when. Immutable. */
public final class Datasource {
    private final long id;
    private final DatasourceSettings settings;
    private final long revision;
    private final Instant created;
    private final String createdBy;
    private final Instant modified;
    private final String modifiedBy;

    public Datasource(long id, DatasourceSettings settings, long revision, Instant created, String createdBy,
                      Instant modified, String modifiedBy) {
        this.id = id;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.revision = revision;
        this.created = created;
        this.createdBy = createdBy;
        this.modified = modified;
        this.modifiedBy = modifiedBy;
    }

    /** @return the database id */
    public long getId() {
        return id;
    }

    /** @return the name (shortcut for {@code getSettings().getName()}) */
    public String getName() {
        return settings.getName();
    }

    /** @return the settings */
    public DatasourceSettings getSettings() {
        return settings;
    }

    /** @return starts at 1 and grows with every change; pass it back to update */
    public long getRevision() {
        return revision;
    }

    /** @return when it was created (to the second) */
    public Instant getCreated() {
        return created;
    }

    /** @return the creator's user key, or {@code null} */
    public String getCreatedBy() {
        return createdBy;
    }

    /** @return when it was last changed (to the second) */
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
        if (!(o instanceof Datasource)) {
            return false;
        }
        Datasource that = (Datasource) o;
        return id == that.id && revision == that.revision && settings.equals(that.settings)
                && Objects.equals(created, that.created) && Objects.equals(createdBy, that.createdBy)
                && Objects.equals(modified, that.modified) && Objects.equals(modifiedBy, that.modifiedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, settings, revision, created, createdBy, modified, modifiedBy);
    }

    @Override
    public String toString() {
        return "Datasource{id=" + id + ", revision=" + revision + ", " + settings + "}";
    }
}
