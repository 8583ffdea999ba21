package org.okrpm.gateway.stream;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The recent events of this replica, kept so that a client reconnecting with {@code Last-Event-ID} gets what it
 * missed: at most {@code capacity} events, none received longer ago than {@code keepFor}. Not thread-safe: the
 * stream uses it under its own lock, together with its subscriber list, so a resumed client misses nothing
 * between its replay and its first live event.
 */
final class ReplayWindow {

    /**
     * Replicas read different partitions in a slightly different order, so events committed just before the
     * last one a client saw (by their {@code ce_time}) may have reached it on another replica only later: those
     * are sent again too. A client recognises repeats by their id.
     */
    static final Duration REORDERING = Duration.ofSeconds(2);

    private record Entry(StreamEvent event, long receivedAt) {
    }

    private final int capacity;
    private final long keepForNanos;
    private final Supplier<Long> clock;
    private final Deque<Entry> entries = new ArrayDeque<>();

    ReplayWindow(int capacity, Duration keepFor, Supplier<Long> nanoClock) {
        this.capacity = Math.max(1, capacity);
        this.keepForNanos = keepFor.toNanos();
        this.clock = nanoClock;
    }

    void add(StreamEvent event) {
        entries.addLast(new Entry(event, clock.get()));
        while (entries.size() > capacity) {
            entries.removeFirst();
        }
        expire();
    }

    /**
     * The events a client that last saw {@code lastEventId} missed, oldest first; empty when that event is not
     * (or no longer) in the window, so the client cannot be brought up to date and must refetch.
     */
    Optional<List<StreamEvent>> after(String lastEventId) {
        expire();
        Entry last = null;
        for (Entry entry : entries) {
            if (entry.event().id().equals(lastEventId)) {
                last = entry;
                break;
            }
        }
        if (last == null) {
            return Optional.empty();
        }
        Instant since = last.event().time() == null ? null : last.event().time().minus(REORDERING);
        List<StreamEvent> missed = new ArrayList<>();
        boolean reached = false;
        for (Entry entry : entries) {
            if (entry == last) {
                reached = true;
            } else if (reached || since != null && entry.event().time() != null
                    && !entry.event().time().isBefore(since)) {
                missed.add(entry.event());
            }
        }
        return Optional.of(missed);
    }

    int size() {
        return entries.size();
    }

    private void expire() {
        long now = clock.get();
        Iterator<Entry> oldest = entries.iterator();
        while (oldest.hasNext() && now - oldest.next().receivedAt() > keepForNanos) {
            oldest.remove();
        }
    }
}
