package org.okrpm.okr.taskwork;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.okrpm.kit.envelope.IncomingEvent;
import org.okrpm.kit.events.BatchEventHandler;
import org.okrpm.kit.events.KafkaEventConsumer;
import org.okrpm.kit.events.PoisonEventException;
import org.okrpm.kit.events.UnreadableEventException;
import org.okrpm.okr.keyresult.KeyResultService;
import org.okrpm.okr.keyresult.KeyResultService.TaskWork;

/**
 * okr-service ← project.key-result-work: project-service's rollup of the tasks linked to each key result,
 * keyed by key result and numbered per key result (docs/events.md, 'Facts that combine many aggregates'). A poll is applied in one
 * transaction and coalesced: per key result only the rollup with the highest sequence counts, and the key
 * result applies it only if it is newer than the one it holds. So one progress change per key result per
 * poll, and duplicates, replays and reordering between relay replicas change nothing.
 */
@ApplicationScoped
public class TaskWorkConsumer extends KafkaEventConsumer implements BatchEventHandler {

    public static final String CHANNEL = "key-result-work";
    public static final String CHANGED = "project.key-result-work.changed";
    /** How many task ids, request ids and event ids a history entry names, at most. */
    private static final int CAUSES_NAMED = 2;

    @Inject
    KeyResultService keyResults;

    @Inject
    ObjectMapper mapper;

    public TaskWorkConsumer() {
        super(CHANNEL);
    }

    @Incoming(CHANNEL)
    @Blocking
    public CompletionStage<Void> onPoll(Message<List<String>> batch) {
        return consume(batch);
    }

    @Override
    public void applyAll(List<IncomingEvent> events) {
        Map<UUID, Coalesced> newest = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            TaskWorkSnapshot work = read(event);
            newest.computeIfAbsent(work.keyResultId(), id -> new Coalesced()).add(work, event);
        }
        keyResults.tasksWorkChanged(newest.values().stream().map(Coalesced::toTaskWork).toList());
    }

    private TaskWorkSnapshot read(IncomingEvent event) {
        if (!CHANGED.equals(event.type())) {
            throw new PoisonEventException(event.describe() + " is of no type this consumer knows");
        }
        TaskWorkSnapshot work = UnreadableEventException.parse(mapper, event, TaskWorkSnapshot.class);
        String defect = work.defect();
        if (defect != null) {
            throw new PoisonEventException(event.describe() + " " + defect);
        }
        return work;
    }

    /** The rollups of one key result in one poll: the newest, and what caused them all. */
    private static final class Coalesced {
        private TaskWorkSnapshot newest;
        private final Set<UUID> tasks = new LinkedHashSet<>();
        private final Set<String> requests = new LinkedHashSet<>();
        private final List<String> events = new ArrayList<>();

        void add(TaskWorkSnapshot work, IncomingEvent event) {
            if (newest == null || work.sequence() > newest.sequence()) {
                newest = work;
            }
            if (work.changedTaskIds() != null) {
                tasks.addAll(work.changedTaskIds());
            }
            if (work.requestIds() != null) {
                requests.addAll(work.requestIds());
            }
            if (event.requestId() != null) {
                requests.add(event.requestId());
            }
            events.add(event.id());
        }

        TaskWork toTaskWork() {
            return new TaskWork(newest.keyResultId(), newest.sequence(), newest.doneWeight(),
                    newest.countedWeight(), cause());
        }

        /** e.g. "tasks a, b (+3 more); requests r1; rollup 12 from events e1, e2" — bounded, for the history. */
        private String cause() {
            StringBuilder cause = new StringBuilder();
            if (!tasks.isEmpty()) {
                cause.append(tasks.size() == 1 ? "task " : "tasks ").append(named(tasks)).append("; ");
            }
            if (!requests.isEmpty()) {
                cause.append(requests.size() == 1 ? "request " : "requests ").append(named(requests)).append("; ");
            }
            cause.append("rollup ").append(newest.sequence()).append(" from ")
                    .append(events.size() == 1 ? "event " : "events ").append(named(events));
            return cause.toString();
        }

        private static String named(java.util.Collection<?> items) {
            StringBuilder text = new StringBuilder();
            int shown = 0;
            for (Object item : items) {
                if (shown == CAUSES_NAMED) {
                    return text.append(" (+").append(items.size() - shown).append(" more)").toString();
                }
                text.append(shown++ == 0 ? "" : ", ").append(item);
            }
            return text.toString();
        }
    }
}
