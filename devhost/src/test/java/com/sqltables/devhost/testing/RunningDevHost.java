package com.sqltables.devhost.testing;

import com.sqltables.devhost.DevHost;
import com.sqltables.devhost.DevHostOptions;
import com.sqltables.devhost.PluginSystemFactory;
import org.junit.rules.ExternalResource;
import org.junit.rules.TemporaryFolder;

import java.util.function.UnaryOperator;

/**
 * A dev host started in-process on free ports with a fresh data directory, for the tests of one class
 * ({@code @ClassRule}). Without a plugin unless a fake plugin system is given.
 */
public final class RunningDevHost extends ExternalResource {
    private final TemporaryFolder folder = new TemporaryFolder();
    private final UnaryOperator<DevHostOptions.Builder> customizer;
    private DevHost host;

    private RunningDevHost(UnaryOperator<DevHostOptions.Builder> customizer) {
        this.customizer = customizer;
    }

    /** A host with {@code --no-plugin}. */
    public static RunningDevHost withoutPlugin() {
        return new RunningDevHost(DevHostOptions.Builder::noPlugin);
    }

    /** A host whose plugin system is the given (fake) one. */
    public static RunningDevHost withPluginSystem(PluginSystemFactory factory) {
        return new RunningDevHost(b -> b.pluginSystem(factory));
    }

    /** A host configured by the caller (ports and data directory are set already). */
    public static RunningDevHost with(UnaryOperator<DevHostOptions.Builder> customizer) {
        return new RunningDevHost(customizer);
    }

    @Override
    protected void before() throws Throwable {
        folder.create();
        DevHostOptions.Builder builder = DevHostOptions.builder().port(0).smtpPort(0)
                .dataDir(folder.newFolder("data").toPath()).logLevel("warn");
        host = DevHost.start(customizer.apply(builder).build());
    }

    @Override
    protected void after() {
        if (host != null) {
            host.close();
        }
        folder.delete();
    }

    public DevHost host() {
        return host;
    }

    public String baseUrl() {
        return host.baseUrl();
    }

    /** A client sending HTTP basic credentials with every request. */
    public HttpTestClient basic(String username, String password) {
        return HttpTestClient.basic(baseUrl(), username, password);
    }

    /** A browser-like client with a cookie jar, not logged in. */
    public HttpTestClient browser() {
        return HttpTestClient.browser(baseUrl());
    }

    /** A browser-like client logged in through the login form. */
    public HttpTestClient loggedIn(String username) {
        HttpTestClient client = browser();
        client.login(username, username);
        return client;
    }
}
