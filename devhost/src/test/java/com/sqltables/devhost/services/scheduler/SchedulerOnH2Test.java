package com.sqltables.devhost.services.scheduler;

import com.sqltables.devhost.plugins.testing.TestEnvironment;

import javax.sql.DataSource;

/** The scheduler contract on H2, the dev host's default database. */
public class SchedulerOnH2Test extends SchedulerContract {
    @Override
    protected DataSource database() {
        return TestEnvironment.h2(TestEnvironment.newH2MemoryUrl());
    }
}
