package com.sqltables.confluence.usage.ao;

import com.atlassian.activeobjects.external.ActiveObjects;
import com.atlassian.plugin.spring.scanner.annotation.imports.ComponentImport;
import java.time.Clock;
import javax.inject.Inject;
import javax.inject.Named;

/** {@link RenderedTableStore} on Active Objects; the unique {@code PERIOD_HASH} column settles races. */
@Named
public class DefaultRenderedTableStore implements RenderedTableStore {
    private final PeriodHashSet set;

    @Inject
    public DefaultRenderedTableStore(@ComponentImport ActiveObjects ao) {
        this(ao, Clock.systemUTC());
    }

    DefaultRenderedTableStore(ActiveObjects ao, Clock clock) {
        this.set = new PeriodHashSet(ao, clock, RenderedTableEntity.class, RenderedTableEntity.COLUMN_TABLE_HASH,
                "tableHash", "a page id, title, SQL text or name");
    }

    /** Must not run inside another {@code executeInTransaction}: see {@link RenderedTableStore}. */
    @Override
    public boolean record(String period, String tableHash) {
        return set.record(period, tableHash);
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
