package com.sqltables.devhost;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Measures what issue 3 asks to note, without asserting anything: (1) cold start to first served page, a fresh
 * JVM running the dev host's main class on a fresh data directory until {@code /login.action} answers 200;
 * (2) page view latency of a macro-free page (the demo space's home page) for a logged-in browser session.
 *
 * <pre>java -cp devhost/target/classes:devhost/target/test-classes:&lt;deps&gt; com.sqltables.devhost.DevHostBench [--no-plugin]</pre>
 */
public final class DevHostBench {
    private DevHostBench() {
    }

    public static void main(String[] args) throws Exception {
        boolean noPlugin = Arrays.asList(args).contains("--no-plugin");
        Path data = Files.createTempDirectory("devhost-bench");
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DevHost.class.getName(), "--port", String.valueOf(port),
                "--smtp-port", "0", "--data-dir", data.toString(), "--log-level", "warn"));
        if (noPlugin) {
            command.add("--no-plugin");
        }
        String base = "http://localhost:" + port + "/confluence";
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        long launched = System.nanoTime();
        Process process = new ProcessBuilder(command).inheritIO().start();
        try {
            while (true) {
                try {
                    if (client.send(HttpRequest.newBuilder(URI.create(base + "/login.action")).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("dev host exited with " + process.exitValue());
                    }
                }
                Thread.sleep(20);
            }
            long coldStartMillis = (System.nanoTime() - launched) / 1_000_000;

            client.send(HttpRequest.newBuilder(URI.create(base + "/login.action"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("os_username=viewer&os_password=viewer")).build(),
                    HttpResponse.BodyHandlers.discarding());
            HttpRequest view = HttpRequest.newBuilder(URI.create(base + "/display/DEMO")).build();
            for (int i = 0; i < 500; i++) {
                check(client.send(view, HttpResponse.BodyHandlers.discarding()).statusCode());
            }
            int samples = 1000;
            long[] nanos = new long[samples];
            for (int i = 0; i < samples; i++) {
                long t = System.nanoTime();
                check(client.send(view, HttpResponse.BodyHandlers.ofString()).statusCode());
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf("cold start to first served page: %d ms (%s)%n", coldStartMillis,
                    noPlugin ? "--no-plugin" : "with the plugin jar");
            System.out.printf("page view of a macro-free page: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms (%d samples)%n",
                    nanos[samples / 2] / 1e6, nanos[samples * 9 / 10] / 1e6, nanos[samples * 99 / 100] / 1e6, samples);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static void check(int status) {
        if (status != 200) {
            throw new IllegalStateException("page view answered " + status);
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
