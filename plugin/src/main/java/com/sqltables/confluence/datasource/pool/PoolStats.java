package com.sqltables.confluence.datasource.pool;

/** A snapshot of one pool's connections on this node. Immutable. */
public final class PoolStats {
    private final int active;
    private final int idle;
    private final int total;
    private final int waiting;
    private final int maximum;

    public PoolStats(int active, int idle, int total, int waiting, int maximum) {
        this.active = active;
        this.idle = idle;
        this.total = total;
        this.waiting = waiting;
        this.maximum = maximum;
    }

    /** @return connections lent out right now */
    public int getActive() {
        return active;
    }

    /** @return open connections waiting to be lent */
    public int getIdle() {
        return idle;
    }

    /** @return open connections */
    public int getTotal() {
        return total;
    }

    /** @return threads waiting for a connection */
    public int getWaiting() {
        return waiting;
    }

    /** @return the pool size */
    public int getMaximum() {
        return maximum;
    }

    @Override
    public String toString() {
        return "PoolStats{active=" + active + ", idle=" + idle + ", total=" + total + ", waiting=" + waiting
                + ", maximum=" + maximum + "}";
    }
}
