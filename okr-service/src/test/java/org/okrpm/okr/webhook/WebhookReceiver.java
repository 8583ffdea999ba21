package org.okrpm.okr.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on a free local port, as an integrator would run one: it records every request
 * (path, headers, exact body bytes) and answers 200 unless told to answer something else first, or is
 * stopped and started again on the same port.
 */
final class WebhookReceiver {

    record Received(String path, Map<String, String> headers, byte[] body, int answeredWith) {

        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private volatile HttpServer server;
    private volatile int port;

    static WebhookReceiver start() {
        WebhookReceiver receiver = new WebhookReceiver();
        receiver.listen(0);
        return receiver;
    }

    private void listen(int onPort) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            Deque<Integer> script = scripted.get(path);
            Integer next = script == null ? null : script.pollFirst();
            int status = next == null ? 200 : next;
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            received.add(new Received(path, headers, body, status));
            byte[] answer = ("{\"secret-of-the-receiver\":\"must never be echoed\",\"status\":" + status + "}").getBytes();
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
        port = server.getAddress().getPort();
    }

    /** The next requests to {@code path} get these statuses, then 200 again. */
    void answer(String path, Integer... statuses) {
        scripted.computeIfAbsent(path, p -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
    }

    /** Forgets what {@code path} was told to answer: 200 from now on. */
    void clear(String path) {
        scripted.remove(path);
    }

    /** Connections are refused until {@link #restart()}. */
    void stop() {
        server.stop(0);
    }

    void restart() {
        listen(port);
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    List<Received> at(String path) {
        List<Received> result = new ArrayList<>();
        for (Received r : received) {
            if (r.path().equals(path)) {
                result.add(r);
            }
        }
        return result;
    }

    List<Received> deliveredAt(String path) {
        return at(path).stream().filter(r -> r.answeredWith() >= 200 && r.answeredWith() < 300).toList();
    }
}
