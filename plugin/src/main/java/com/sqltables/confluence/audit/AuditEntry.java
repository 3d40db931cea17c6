package com.sqltables.confluence.audit;

import java.util.Objects;

/**
 * What to append to the audit log: who did what to which object. Immutable; build with
 * {@link #builder(String, String)}. Never put passwords or other secrets in {@code details}.
 */
public final class AuditEntry {
    private final String actorUserKey;
    private final String action;
    private final String objectType;
    private final String objectId;
    private final String objectName;
    private final String details;

    private AuditEntry(Builder b) {
        this.actorUserKey = b.actorUserKey;
        this.action = b.action;
        this.objectType = b.objectType;
        this.objectId = b.objectId;
        this.objectName = b.objectName;
        this.details = b.details;
    }

    /**
     * @param action what happened, e.g. {@code datasource.update}
     * @param objectType the kind of object, e.g. {@code datasource}
     */
    public static Builder builder(String action, String objectType) {
        return new Builder(action, objectType);
    }

    /** @return the acting user's key, or {@code null} for the system */
    public String getActorUserKey() {
        return actorUserKey;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    /** @return the object's id, or {@code null} */
    public String getObjectId() {
        return objectId;
    }

    /** @return the object's name at the time, or {@code null} */
    public String getObjectName() {
        return objectName;
    }

    /** @return more detail, e.g. the changed fields, or {@code null}; never secrets */
    public String getDetails() {
        return details;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof AuditEntry)) {
            return false;
        }
        AuditEntry that = (AuditEntry) o;
        return Objects.equals(actorUserKey, that.actorUserKey) && Objects.equals(action, that.action)
                && Objects.equals(objectType, that.objectType) && Objects.equals(objectId, that.objectId)
                && Objects.equals(objectName, that.objectName) && Objects.equals(details, that.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(actorUserKey, action, objectType, objectId, objectName, details);
    }

    @Override
    public String toString() {
        return "AuditEntry{" + action + " " + objectType + " " + objectId + " by " + actorUserKey + "}";
    }

    /** Builds an {@link AuditEntry}. */
    public static final class Builder {
        private final String action;
        private final String objectType;
        private String actorUserKey;
        private String objectId;
        private String objectName;
        private String details;

        private Builder(String action, String objectType) {
            this.action = action;
            this.objectType = objectType;
        }

        public Builder actor(String actorUserKey) {
            this.actorUserKey = actorUserKey;
            return this;
        }

        public Builder objectId(String objectId) {
            this.objectId = objectId;
            return this;
        }

        public Builder objectName(String objectName) {
            this.objectName = objectName;
            return this;
        }

        public Builder details(String details) {
            this.details = details;
            return this;
        }

        public AuditEntry build() {
            return new AuditEntry(this);
        }
    }
}
