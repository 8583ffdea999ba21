package org.okrpm.gateway.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a reconnecting client gets back, on a fake clock. */
class ReplayWindowTest {

    private final AtomicLong now = new AtomicLong();
    private final Instant t0 = Instant.parse("2026-11-30T10:00:00Z");

    private StreamEvent event(int offset, Instant time) {
        return new StreamEvent("okr.key-results/0/" + offset, "key-result.updated", time, Set.of(), Set.of(),
                null, null, "{}");
    }

    private static List<String> ids(List<StreamEvent> events) {
        return events.stream().map(StreamEvent::id).toList();
    }

    @Test
    void returnsWhatCameAfterTheLastSeenEventAndForgetsByAgeAndCount() {
        ReplayWindow window = new ReplayWindow(3, Duration.ofMinutes(5), now::get);
        window.add(event(1, t0));
        window.add(event(2, t0.plusSeconds(10)));
        window.add(event(3, t0.plusSeconds(20)));
        assertEquals(List.of("okr.key-results/0/2", "okr.key-results/0/3"),
                ids(window.after("okr.key-results/0/1").orElseThrow()));
        assertEquals(List.of(), ids(window.after("okr.key-results/0/3").orElseThrow()));

        // a fourth event pushes the oldest out: it can no longer be resumed from
        window.add(event(4, t0.plusSeconds(30)));
        assertTrue(window.after("okr.key-results/0/1").isEmpty());
        assertEquals(3, window.size());

        // five minutes later everything received before is forgotten
        now.addAndGet(Duration.ofMinutes(5).plusSeconds(1).toNanos());
        assertTrue(window.after("okr.key-results/0/4").isEmpty());
        assertEquals(0, window.size());
    }

    @Test
    void eventsCommittedJustBeforeTheLastSeenOneAreSentAgain() {
        // another replica may have interleaved partitions differently: what was committed within 2 s before
        // the last seen event may not have reached the client yet
        ReplayWindow window = new ReplayWindow(100, Duration.ofMinutes(5), now::get);
        window.add(event(1, t0));
        window.add(event(2, t0.plusSeconds(9)));
        window.add(event(3, t0.plusSeconds(10)));
        window.add(event(4, t0.plusSeconds(11)));
        assertEquals(List.of("okr.key-results/0/2", "okr.key-results/0/4"),
                ids(window.after("okr.key-results/0/3").orElseThrow()));
    }
}
