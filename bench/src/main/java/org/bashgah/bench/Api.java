package org.bashgah.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;

/** A thin client of the REST API: JSON in and out, one bearer credential. */
final class Api {
    static final ObjectMapper JSON = new ObjectMapper();

    final String base;
    private final HttpClient http;
    private volatile String bearer;

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (" + status + "): " + body, e);
            }
        }
    }

    Api(String baseUrl, int threads) {
        String b = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        if (!b.endsWith("/api/v1")) b = b + "/api/v1";
        this.base = b;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1) // what a POS speaks; no h2c upgrade round trip
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newFixedThreadPool(Math.max(2, Math.min(threads, 8)), r -> {
                    Thread t = new Thread(r, "http");
                    t.setDaemon(true);
                    return t;
                }))
                .build();
    }

    /** Logs in as a user and uses the token from then on. */
    Api login(String user, String password) throws IOException, InterruptedException {
        Reply r = post("/auth/token", JSON.createObjectNode().put("user", user).put("password", password).toString());
        if (r.status != 200 && r.status != 201) throw new IllegalStateException("login failed: " + r.status + " " + r.body);
        bearer = r.json().path("token").asText();
        return this;
    }

    /** Creates a chain-wide API key (what a POS would use) and returns a client that authenticates with it. */
    Api withNewApiKey(String name, int threads) throws IOException, InterruptedException {
        Reply r = post("/api-keys", JSON.createObjectNode().put("name", name).toString());
        if (r.status != 201) throw new IllegalStateException("creating an API key failed: " + r.status + " " + r.body);
        Api other = new Api(base, threads);
        other.bearer = r.json().path("key").asText();
        return other;
    }

    Reply post(String path, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), resp.body());
    }

    Reply get(String path) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(resp.statusCode(), resp.body());
    }
}
