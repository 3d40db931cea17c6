package com.sqltables.confluence.audit.ao;

import com.sqltables.confluence.Page;
import com.sqltables.confluence.ValidationException;
import com.sqltables.confluence.audit.AuditEntry;
import com.sqltables.confluence.audit.AuditEvent;
import java.time.Instant;

/** The app's audit log: appended to by every admin change, listed newest first, pruned by age. */
public interface AuditLogStore {
    /**
     * Appends an entry, timestamped now. Anything in the details that looks like a secret
     * ({@code password=…}, {@code "token": "…"}) is masked as a safety net; callers must not pass secrets.
     *
     * @return the stored event
     * @throws ValidationException on a missing or malformed action or object type, or oversized text
     */
    AuditEvent append(AuditEntry entry);

    /**
     * @param offset how many of the newest events to skip, {@code >= 0}
     * @param limit page size, 1 to {@value DefaultAuditLogStore#MAX_PAGE_SIZE}
     * @return a page of events, newest first
     */
    Page<AuditEvent> list(int offset, int limit);

    /** @return how many events older than {@code cutoff} were deleted */
    int deleteOlderThan(Instant cutoff);
}
