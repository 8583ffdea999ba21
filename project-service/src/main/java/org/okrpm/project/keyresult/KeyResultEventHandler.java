package org.okrpm.project.keyresult;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.okrpm.kit.events.ConsumedEvents;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * Applies one okr.key-results event to the replica in one transaction. A redelivered event (same ce_id)
 * or an older version of the key result changes nothing; {@code deleted: true} (or the type
 * okr.key-result.deleted) leaves a tombstone, so a late older event cannot bring the key result back.
 */
@ApplicationScoped
public class KeyResultEventHandler {

    public static final String DELETED = "okr.key-result.deleted";

    @Inject
    ConsumedEvents consumed;

    @Inject
    KeyResultReplicas replicas;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public void apply(IncomingEvent event) {
        KeyResultSnapshot snapshot = UnreadableEventException.parse(mapper, event, KeyResultSnapshot.class);
        if (snapshot.id() == null || snapshot.version() == null) {
            throw new UnreadableEventException(event.describe() + " carries no key result id or version", null);
        }
        if (!consumed.firstDelivery(event)) {
            return;
        }
        replicas.applyIfNewer(snapshot, snapshot.deleted() || DELETED.equals(event.type()));
    }
}
