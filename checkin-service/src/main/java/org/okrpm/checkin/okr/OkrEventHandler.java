package org.okrpm.checkin.okr;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;
import org.okrpm.kit.events.ConsumedEvents;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * Applies one okr.* event to the replica in one transaction, together with the record that its ce_id was
 * processed: a redelivered event, or a snapshot not newer than the one held, changes nothing. A snapshot
 * without the fields the replica needs cannot become readable by retrying: it goes straight to the DLQ.
 */
@ApplicationScoped
public class OkrEventHandler {

    @Inject
    ConsumedEvents consumed;

    @Inject
    OkrReplicas replicas;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public void keyResult(IncomingEvent event) {
        KeyResultSnapshot snapshot = UnreadableEventException.parse(mapper, event, KeyResultSnapshot.class);
        requireComplete(event, snapshot.missing());
        if (consumed.firstDelivery(event)) {
            replicas.keyResult(snapshot);
        }
    }

    @Transactional
    public void objective(IncomingEvent event) {
        ObjectiveSnapshot snapshot = UnreadableEventException.parse(mapper, event, ObjectiveSnapshot.class);
        requireComplete(event, snapshot.missing());
        if (consumed.firstDelivery(event)) {
            replicas.objective(snapshot);
        }
    }

    @Transactional
    public void cycle(IncomingEvent event) {
        CycleSnapshot snapshot = UnreadableEventException.parse(mapper, event, CycleSnapshot.class);
        requireComplete(event, snapshot.missing());
        if (consumed.firstDelivery(event)) {
            replicas.cycle(snapshot);
        }
    }

    private static void requireComplete(IncomingEvent event, String missing) {
        if (missing != null) {
            throw new UnreadableEventException(event.describe() + " has no " + missing, null);
        }
    }
}
