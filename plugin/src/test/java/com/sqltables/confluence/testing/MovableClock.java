package com.sqltables.confluence.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A UTC clock the test moves; safe to read from other threads. */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(String instant) {
        this.now = Instant.parse(instant);
    }

    public void set(String instant) {
        now = Instant.parse(instant);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
