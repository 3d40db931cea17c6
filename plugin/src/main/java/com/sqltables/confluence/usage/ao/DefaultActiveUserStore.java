package com.sqltables.confluence.usage.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Named;

/** {@link ActiveUserStore} on Active Objects; the unique {@code PERIOD_HASH} column settles races. */
@Named
public class DefaultActiveUserStore implements ActiveUserStore {
    private final PeriodHashSet set;

    @Inject
    public DefaultActiveUserStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultActiveUserStore(ActiveObjects ao, Clock clock) {
        this.set = new PeriodHashSet(ao, clock, ActiveUserEntity.class, ActiveUserEntity.COLUMN_USER_HASH, "userHash",
                "a user name or key");
    }

    /** Must not run inside another {@code executeInTransaction}: see {@link ActiveUserStore}. */
    @Override
    public boolean record(String period, String userHash) {
        return set.record(period, userHash);
    }

    @Override
    public int count(String period) {
        return set.count(period);
    }

    @Override
    public int purge(String period) {
        return set.purge(period);
    }
}
