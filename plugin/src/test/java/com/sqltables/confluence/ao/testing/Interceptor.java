package com.sqltables.confluence.ao.testing;

import com.atlassian.activeobjects.external.ActiveObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real ActiveObjects that runs an action around the n-th call of one of its methods: lets a test
 * stop one "node" at an exact point of a store operation (e.g. between its check and its insert) while
 * another node acts, so that races are reproduced deterministically instead of by luck.
 */
public final class Interceptor {
    private Interceptor() {
    }

    /** Runs {@code action} just before the {@code occurrence}-th call (1-based) of {@code method}. */
    public static ActiveObjects before(ActiveObjects target, String method, int occurrence, Runnable action) {
        return wrap(target, method, occurrence, action, true);
    }

    /** Runs {@code action} just after the {@code occurrence}-th call (1-based) of {@code method} returned. */
    public static ActiveObjects after(ActiveObjects target, String method, int occurrence, Runnable action) {
        return wrap(target, method, occurrence, action, false);
    }

    private static ActiveObjects wrap(ActiveObjects target, String method, int occurrence, Runnable action,
                                      boolean before) {
        AtomicInteger calls = new AtomicInteger();
        return (ActiveObjects) Proxy.newProxyInstance(Interceptor.class.getClassLoader(),
                new Class<?>[] {ActiveObjects.class}, (proxy, m, args) -> {
                    boolean hit = m.getName().equals(method) && calls.incrementAndGet() == occurrence;
                    if (hit && before) {
                        action.run();
                    }
                    Object result;
                    try {
                        result = m.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (hit && !before) {
                        action.run();
                    }
                    return result;
                });
    }
}
