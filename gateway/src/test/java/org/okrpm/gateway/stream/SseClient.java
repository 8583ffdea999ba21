package org.okrpm.gateway.stream;

import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import org.okrpm.kit.testing.TestEvents;

/** An SSE client for the tests: keeps every line and every complete event it receives, and can hang up. */
final class SseClient implements Flow.Subscriber<String> {

    /** One server-sent event: its id (null when it had none), its name and its data line. */
    record Event(String id, String name, String data) {
    }

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<Event> events = new CopyOnWriteArrayList<>();
    final CompletableFuture<HttpResponse<Void>> response;
    volatile int status;
    volatile String contentType;
    private volatile Flow.Subscription subscription;
    private String id;
    private String name;
    private String data;

    SseClient(URI uri, String token) {
        this(uri, token, null);
    }

    SseClient(URI uri, String token, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        response = HttpClient.newHttpClient().sendAsync(request.GET().build(), info -> {
            status = info.statusCode();
            contentType = info.headers().firstValue("Content-Type").orElse("");
            return HttpResponse.BodySubscribers.fromLineSubscriber(this);
        });
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
        lines.add(line);
        if (line.startsWith("id: ")) {
            id = line.substring(4);
        } else if (line.startsWith("event: ")) {
            name = line.substring(7);
        } else if (line.startsWith("data: ")) {
            data = line.substring(6);
        } else if (line.isEmpty()) {
            if (name != null) {
                events.add(new Event(id, name, data));
            }
            id = null;
            name = null;
            data = null;
        }
    }

    @Override
    public void onError(Throwable throwable) {
    }

    @Override
    public void onComplete() {
    }

    boolean received(String fragment) {
        return lines.stream().anyMatch(line -> line.contains(fragment));
    }

    /** The events whose data contains {@code fragment}. */
    List<Event> eventsWith(String fragment) {
        return events.stream().filter(event -> event.data() != null && event.data().contains(fragment)).toList();
    }

    void hangUp() {
        subscription.cancel();
    }

    /**
     * Publishes the event again until this client has it: the stream's consumer may join the topic after the first
     * send, so one publish could go unseen.
     */
    void publishUntilReceived(String topic, String key, String type, JsonObject value) {
        String marker = value.getString("id");
        String name = type.substring(type.indexOf('.') + 1);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (events.stream().anyMatch(e -> e.name().equals(name) && e.data().contains(marker))) {
                return true;
            }
            TestEvents.publish(topic, key, type, value.encode());
            return false;
        });
    }

    /** The names of the events whose data mention {@code id}, without repeats of a publish-until loop. */
    List<String> namesOf(String id) {
        return eventsWith(id).stream().map(Event::name).distinct().toList();
    }
}
