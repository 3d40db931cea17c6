package com.sqltables.confluence.audit.ao;

import java.util.Date;
import net.java.ao.Preload;
import net.java.ao.RawEntity;
import net.java.ao.schema.AutoIncrement;
import net.java.ao.schema.Indexed;
import net.java.ao.schema.NotNull;
import net.java.ao.schema.PrimaryKey;
import net.java.ao.schema.StringLength;
import net.java.ao.schema.Table;

/**
 * One entry of the audit log: who did what to which object, when. Append-only. Table
 * {@code AO_40B3A7_AUDIT_EVENT}. The id is a {@code long}, as the log only ever grows until pruned.
 */
@Preload
@Table("AUDIT_EVENT")
public interface AuditEventEntity extends RawEntity<Long> {
    String COLUMN_ID = "ID";
    String COLUMN_OCCURRED_AT = "OCCURRED_AT";
    String COLUMN_ACTOR_USER_KEY = "ACTOR_USER_KEY";
    String COLUMN_EVENT_ACTION = "EVENT_ACTION";
    String COLUMN_OBJECT_TYPE = "OBJECT_TYPE";
    String COLUMN_OBJECT_ID = "OBJECT_ID";
    String COLUMN_OBJECT_NAME = "OBJECT_NAME";
    String COLUMN_DETAILS = "DETAILS";

    /** @return the id; the log is ordered by it, newest highest */
    @AutoIncrement
    @NotNull
    @PrimaryKey(COLUMN_ID)
    long getID();

    /** @return when it happened; indexed for pruning old entries */
    @NotNull
    @Indexed
    Date getOccurredAt();

    void setOccurredAt(Date occurredAt);

    /** @return the acting user's key, or {@code null} for the system */
    String getActorUserKey();

    void setActorUserKey(String actorUserKey);

    /** @return what happened, e.g. {@code datasource.update} */
    @NotNull
    @StringLength(64)
    String getEventAction();

    void setEventAction(String eventAction);

    /** @return the kind of object, e.g. {@code datasource} */
    @NotNull
    @StringLength(64)
    String getObjectType();

    void setObjectType(String objectType);

    /** @return the object's id, or {@code null} */
    String getObjectId();

    void setObjectId(String objectId);

    /** @return the object's name at the time, or {@code null} */
    String getObjectName();

    void setObjectName(String objectName);

    /** @return more detail, or {@code null}; never passwords or other secrets */
    @StringLength(StringLength.UNLIMITED)
    String getDetails();

    void setDetails(String details);
}
