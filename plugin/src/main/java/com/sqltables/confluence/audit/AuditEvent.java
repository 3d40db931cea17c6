package com.sqltables.confluence.audit;

import java.time.Instant;
import java.util.Objects;

/** An entry of the audit log as stored: the entry, its id and when it happened. Immutable. */
public final class AuditEvent {
    private final long id;
    private final Instant occurredAt;
    private final AuditEntry entry;

    public AuditEvent(long id, Instant occurredAt, AuditEntry entry) {
        this.id = id;
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.entry = Objects.requireNonNull(entry, "entry");
    }

    /** @return the id; later events have higher ids */
    public long getId() {
        return id;
    }

    /** @return when it happened (to the second) */
    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** @return who did what to which object (details already stripped of anything resembling a secret) */
    public AuditEntry getEntry() {
        return entry;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AuditEvent)) {
            return false;
        }
        AuditEvent that = (AuditEvent) o;
        return id == that.id && occurredAt.equals(that.occurredAt) && entry.equals(that.entry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, occurredAt, entry);
    }

    @Override
    public String toString() {
        return "AuditEvent{id=" + id + ", at " + occurredAt + ", " + entry + "}";
    }
}
