package org.okrpm.project.keyresult;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.ReplicaEventConsumer;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * project-service ← okr.key-results: the key-result replica. The kit applies each event once per consumer
 * group; an older version of the key result changes nothing, and {@code deleted: true} (or the type
 * okr.key-result.deleted) leaves a tombstone, so a late older event cannot bring the key result back.
 * Progress changes, most of the topic's traffic, are skipped without a transaction: the replica keeps no
 * progress. A rolled-over key result ({@code okr.key-result.rolled-over}: the new key result's snapshot, with the
 * {@code previousId} it continues) is a snapshot like any other, and then its predecessor's open tasks move to it
 * ({@link KeyResultSuccession}). It is keyed by the new key result, so it comes after that key result's creation;
 * and since it carries the whole snapshot, the replica knows the new key result even if it had missed that.
 */
@ApplicationScoped
public class KeyResultEventsConsumer extends ReplicaEventConsumer {

    public static final String CHANNEL = "okr-key-results";
    public static final String DELETED = "okr.key-result.deleted";
    public static final String ROLLED_OVER = "okr.key-result.rolled-over";

    /** What a rolled-over event adds to the snapshot: the key result it continues. */
    public record Continuation(UUID previousId) {
    }

    @Inject
    KeyResultReplicas replicas;

    @Inject
    ObjectMapper mapper;

    @Inject
    KeyResultSuccession succession;

    public KeyResultEventsConsumer() {
        super(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(Message<List<String>> batch) {
        return consume(batch);
    }

    @Override
    public void apply(IncomingEvent event) {
        KeyResultSnapshot snapshot = UnreadableEventException.parse(mapper, event, KeyResultSnapshot.class);
        if (snapshot.id() == null || snapshot.version() == null) {
            throw new UnreadableEventException(event.describe() + " carries no key result id or version", null);
        }
        replicas.applyIfNewer(snapshot, snapshot.deleted() || DELETED.equals(event.type()));
        if (ROLLED_OVER.equals(event.type())) {
            UUID previousId = UnreadableEventException.parse(mapper, event, Continuation.class).previousId();
            if (previousId == null) {
                throw new UnreadableEventException(event.describe() + " names no previousId", null);
            }
            succession.rolledOver(previousId, snapshot.id());
        }
    }
}
