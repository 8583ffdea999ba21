package org.okrpm.gateway.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

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
}
