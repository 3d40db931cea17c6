package com.sqltables.devhost.services;

import javax.sql.DataSource;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A data source that remembers every SQL error the database raised on its statements, even when the code
 * under test caught it: what a database server logs as an error (PostgreSQL logs each failed statement).
 */
public final class FailedStatements {
    private final DataSource database;
    private final List<String> failures = new ArrayList<>();

    public FailedStatements(DataSource database) {
        this.database = database;
    }

    /** @return the data source to hand to the code under test */
    public DataSource dataSource() {
        return proxy(DataSource.class, database);
    }

    /** @return the SQL states and messages of the failed statements, in order */
    public synchronized List<String> failures() {
        return new ArrayList<>(failures);
    }

    private synchronized void record(SQLException e) {
        failures.add(e.getSQLState() + " " + e.getMessage());
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, T target) {
        InvocationHandler handler = (self, method, args) -> {
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof SQLException && Statement.class.isAssignableFrom(type)) {
                    record((SQLException) e.getCause());
                }
                throw e.getCause();
            }
            // Connections and statements are wrapped too, so that every execution passes through here.
            Class<?> returned = method.getReturnType();
            if (result != null && returned.isInterface()
                    && (returned == Connection.class || Statement.class.isAssignableFrom(returned))) {
                return proxy((Class<Object>) returned, result);
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(FailedStatements.class.getClassLoader(), new Class<?>[] {type}, handler);
    }
}
