package com.sqltables.confluence.admin;

import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

/**
 * Every payload of the shared XSS corpus, typed into the datasource form (name, description, allowed
 * spaces), comes back inert: on the redisplayed form when rejected, on the list and edit form when stored.
 */
public class AdminXssCorpusTest {
    private static final String[] ACTIVE_MARKUP = {"<script", "<img", "<svg", "<iframe", "<body ", "<div style",
            "href=\"javascript:"};

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private AdminFixture fixture;

    @Before
    public void setUp() throws IOException {
        fixture = new AdminFixture(folder.newFolder("shared").toPath());
    }

    @After
    public void tearDown() {
        fixture.close();
    }

    @Test
    public void everyPayload_isShownInert() throws IOException {
        List<String> payloads = payloads();
        assertTrue(payloads.size() >= 30);
        int stored = 0;
        for (int i = 0; i < payloads.size(); i++) {
            String payload = payloads.get(i);
            FakeHttp.Response saved = fixture.send(AdminFixture.datasourceForm(AdminFixture.post("/datasources/save"), payload)
                    .param("jdbcUrl", "jdbc:h2:mem:xss" + i).param("description", payload).param("allowedSpaces", payload));
            if (saved.status == 303) {
                stored++;
                assertInert(payload, fixture.send(AdminFixture.get("/datasources")).body());
                long id = fixture.datasourceStore.findByName(payload.trim()).orElseThrow().getId();
                assertInert(payload, fixture.send(AdminFixture.get("/datasources/edit").param("id", String.valueOf(id))).body());
                fixture.service.delete(id, "admin");
            } else {
                assertInert(payload, saved.body());
            }
        }
        assertTrue("most payloads are valid names, so the stored path is exercised: " + stored, stored > payloads.size() / 2);
    }

    private static void assertInert(String payload, String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        for (String markup : ACTIVE_MARKUP) {
            assertFalse("payload " + payload + " produced " + markup, lower.contains(markup));
        }
        if (payload.matches("(?s).*[<>\"'].*")) {
            assertFalse("payload " + payload + " appears unescaped", html.contains(payload.trim()));
        }
    }

    private static List<String> payloads() throws IOException {
        String text;
        try (InputStream in = AdminXssCorpusTest.class.getResourceAsStream("/corpus/xss-payloads.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> payloads = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("# ")) {
                continue;
            }
            payloads.add(decode(line));
        }
        return payloads;
    }

    /** The corpus's escapes: \n \r \t \\ and \\uXXXX; any other backslash stays. */
    private static String decode(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                char next = line.charAt(i + 1);
                if (next == 'n' || next == 'r' || next == 't' || next == '\\') {
                    out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next == 't' ? '\t' : '\\');
                    i++;
                    continue;
                }
                if (next == 'u' && i + 5 < line.length() && line.substring(i + 2, i + 6).matches("[0-9a-fA-F]{4}")) {
                    out.append((char) Integer.parseInt(line.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
