package org.okrpm.kit.events;

import java.util.List;
import org.okrpm.kit.envelope.IncomingEvent;

/**
 * A handler that applies a poll's events together, to coalesce them (e.g. one progress change per key result
 * per batch). It must be idempotent on its own terms (sequence numbers, versions): the kit records no event
 * ids for it, which spares a write per event.
 */
public interface BatchEventHandler extends EventHandler {

    /** Applies these events, in partition order, inside one transaction. */
    void applyAll(List<IncomingEvent> events);

    @Override
    default void apply(IncomingEvent event) {
        applyAll(List.of(event));
    }
}
