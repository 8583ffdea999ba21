package org.okrpm.checkin.okr;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.checkin.okr.OkrSnapshots.CycleSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.KeyResultSnapshot;
import org.okrpm.checkin.okr.OkrSnapshots.ObjectiveSnapshot;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.ReplicaEventConsumer;
import org.okrpm.kit.events.PoisonEventException;
import org.okrpm.kit.events.UnreadableEventException;

/**
 * checkin-service ← okr.key-results, okr.objectives, okr.cycles: the okr replica. The kit applies each event
 * once per consumer group; a snapshot not newer than the one held changes nothing ({@link OkrReplicas}). A
 * snapshot without the fields the replica needs cannot become readable by retrying: it is dead-lettered.
 * Progress changes are skipped without a transaction: the replica keeps no progress.
 */
@ApplicationScoped
public class OkrEventsConsumer extends ReplicaEventConsumer {

    public static final String CHANNEL = "okr-events";

    @Inject
    OkrReplicas replicas;

    @Inject
    ObjectMapper mapper;

    public OkrEventsConsumer() {
        super(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(Message<List<String>> batch) {
        return consume(batch);
    }

    @Override
    public void apply(IncomingEvent event) {
        switch (event.topic()) {
            case "okr.key-results" -> {
                KeyResultSnapshot snapshot = read(event, KeyResultSnapshot.class);
                requireComplete(event, snapshot.missing());
                replicas.keyResult(snapshot);
            }
            case "okr.objectives" -> {
                ObjectiveSnapshot snapshot = read(event, ObjectiveSnapshot.class);
                requireComplete(event, snapshot.missing());
                replicas.objective(snapshot);
            }
            case "okr.cycles" -> {
                CycleSnapshot snapshot = read(event, CycleSnapshot.class);
                requireComplete(event, snapshot.missing());
                replicas.cycle(snapshot);
            }
            default -> throw new PoisonEventException(event.describe() + " comes from an unexpected topic");
        }
    }

    private <T> T read(IncomingEvent event, Class<T> type) {
        return UnreadableEventException.parse(mapper, event, type);
    }

    private static void requireComplete(IncomingEvent event, String missing) {
        if (missing != null) {
            throw new UnreadableEventException(event.describe() + " has no " + missing, null);
        }
    }
}
