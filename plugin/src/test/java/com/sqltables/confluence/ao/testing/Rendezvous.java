package com.sqltables.confluence.ao.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Parks one thread at a point until the test lets it go: the parked thread calls {@link #arriveAndWait()},
 * the test calls {@link #awaitArrival()}, does its work, then {@link #release()}. Waits are bounded so
 * that a broken test fails instead of hanging; the bounds are never what a test asserts.
 */
public final class Rendezvous {
    private static final long MAX_WAIT_SECONDS = 60;

    private final CountDownLatch arrived = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** Called by the parked thread. */
    public void arriveAndWait() {
        arrived.countDown();
        await(released, "the test to release the parked thread");
    }

    /** Called by the test: returns once the other thread is parked. */
    public void awaitArrival() {
        await(arrived, "the other thread to reach the rendezvous");
    }

    /** Called by the test: lets the parked thread go on. */
    public void release() {
        released.countDown();
    }

    private static void await(CountDownLatch latch, String what) {
        try {
            if (!latch.await(MAX_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Gave up waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted waiting for " + what, e);
        }
    }
}
