package com.sqltables.devhost.services.scheduler;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.AfterClass;
import org.junit.BeforeClass;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** The scheduler contract on a real PostgreSQL, as two dev hosts started with {@code --db-url} share it. */
public class SchedulerOnPostgresTest extends SchedulerContract {
    private static EmbeddedPostgres postgres;
    private static final AtomicInteger databases = new AtomicInteger();

    @BeforeClass
    public static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.start();
    }

    @AfterClass
    public static void stopPostgres() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Override
    protected DataSource database() throws Exception {
        String name = "scheduler_" + databases.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return postgres.getDatabase("postgres", name);
    }
}
