package org.okrpm.stack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link AotTraining} asks of the stack while the services record their caches: a quarter in small, through the
 * gateway as a frontend would (cycle, objective, key results, a linked project and its tasks, a task done and the
 * key result moving, a check-in, the reads a dashboard makes, the stream). Every class these requests load is in
 * the cache afterwards, so the first requests after a start are fast too.
 */
final class TrainingWorkload {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROGRESS = Pattern.compile("\"progress\"\\s*:\\s*([0-9.]+)");
    private static final Duration PROPAGATION = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private String token;

    TrainingWorkload(String gateway) {
        this.gateway = gateway;
    }

    /** Plays the quarter {@code rounds} times; fails loudly if the stack does not behave. */
    void run(int rounds) throws IOException, InterruptedException {
        token = match(TOKEN, send("POST", "/api/v1/auth/dev-token",
                "{\"subject\":\"aot-training\",\"roles\":[\"member\",\"admin\"]}", 200));
        for (int round = 0; round < rounds; round++) {
            quarter(round);
        }
    }

    private void quarter(int round) throws IOException, InterruptedException {
        LocalDate start = LocalDate.now().with(IsoFields.DAY_OF_QUARTER, 1);
        String cycle = id(send("POST", "/api/v1/cycles", "{\"name\":\"AOT training " + round + " " + System.nanoTime()
                + "\",\"startDate\":\"" + start + "\",\"endDate\":\"" + start.plusMonths(3).minusDays(1) + "\"}", 201));
        send("POST", "/api/v1/cycles/" + cycle + "/phase", "{\"phase\":\"EXECUTION\"}", 200);
        String objective = id(send("POST", "/api/v1/objectives",
                "{\"cycleId\":\"" + cycle + "\",\"title\":\"Train the cache\",\"level\":\"TEAM\"}", 201));
        String linked = id(send("POST", "/api/v1/objectives/" + objective + "/key-results", "{\"title\":\"Tasks done\","
                + "\"metricType\":\"NUMBER\",\"startValue\":0,\"targetValue\":100,\"progressSource\":\"TASKS\"}", 201));
        String manual = id(send("POST", "/api/v1/objectives/" + objective + "/key-results", "{\"title\":\"Checked in\","
                + "\"metricType\":\"PERCENT\",\"startValue\":0,\"targetValue\":100}", 201));
        String project = id(send("POST", "/api/v1/projects",
                "{\"name\":\"Training project\",\"keyResultIds\":[\"" + linked + "\"]}", 201));
        String task = null;
        for (int t = 0; t < 4; t++) {
            task = id(send("POST", "/api/v1/projects/" + project + "/tasks",
                    "{\"title\":\"Task " + t + "\",\"keyResultId\":\"" + linked + "\"}", 201));
        }
        send("PATCH", "/api/v1/tasks/" + task, "{\"status\":\"DONE\"}", 200);
        send("POST", "/api/v1/check-ins", "{\"keyResultId\":\"" + manual + "\",\"value\":40,\"confidence\":0.7,"
                + "\"comment\":\"on track\"}", 201);
        awaitProgress(linked);
        for (String read : new String[] {"/api/v1/cycles", "/api/v1/cycles/" + cycle + "/overview",
                "/api/v1/cycles/" + cycle + "/summary", "/api/v1/objectives?cycleId=" + cycle,
                "/api/v1/objectives/" + objective, "/api/v1/objectives/" + objective + "/history",
                "/api/v1/key-results/" + linked + "/history", "/api/v1/key-results/" + linked + "/series",
                "/api/v1/projects/" + project, "/api/v1/projects/" + project + "/tasks",
                "/api/v1/check-ins?cycleId=" + cycle + "&latest=true", "/api/v1/audit?limit=20",
                "/api/v1/key-results/does-not-exist"}) {
            send("GET", read, null, -1);
        }
        openStream();
    }

    /** The linked key result's progress moves once the task's rollup has gone through okr-service. */
    private void awaitProgress(String keyResult) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        while (System.nanoTime() < deadline) {
            Matcher progress = PROGRESS.matcher(send("GET", "/api/v1/key-results/" + keyResult, null, 200));
            if (progress.find() && Double.parseDouble(progress.group(1)) > 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("A finished task did not move its key result within " + PROPAGATION);
    }

    /** Connects to the event stream and reads its first bytes (the gateway answers with a comment at once). */
    private void openStream() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/stream"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            body.read();
        }
    }

    private String send(String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (expected > 0 && response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ", not "
                    + expected + ": " + response.body());
        }
        return response.body();
    }

    private static String id(String body) {
        return match(ID, body);
    }

    private static String match(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected answer: " + body);
        }
        return matcher.group(1);
    }
}
