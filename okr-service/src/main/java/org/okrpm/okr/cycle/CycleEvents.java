package org.okrpm.okr.cycle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.UUID;
import org.okrpm.kit.events.Outbox;

/** The okr.cycles topic of docs/events.md: what other services learn about cycles. */
@ApplicationScoped
public class CycleEvents {

    public static final String TOPIC = "okr.cycles";
    public static final String CREATED = "okr.cycle.created";
    public static final String UPDATED = "okr.cycle.updated";
    public static final String PHASE_CHANGED = "okr.cycle.phase-changed";

    /** The cycle's state after the change. */
    public record CycleSnapshot(UUID id, String name, LocalDate startDate, LocalDate endDate, CyclePhase phase,
                                long version) {
    }

    @Inject
    Outbox outbox;

    /** Call after flushing, so the snapshot carries the new version. */
    public void publish(String type, Cycle cycle) {
        outbox.publish(TOPIC, type, cycle.id,
                new CycleSnapshot(cycle.id, cycle.name, cycle.startDate, cycle.endDate, cycle.phase, cycle.version));
    }
}
