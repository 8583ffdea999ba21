package org.okrpm.okr.linkedtask;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.okrpm.kit.events.ConsumedEvents;
import org.okrpm.kit.events.IncomingEvent;
import org.okrpm.kit.events.UnreadableEventException;
import org.okrpm.okr.keyresult.KeyResultService;

/**
 * Applies one project.tasks event in one transaction: the linked-task row, then the TASKS progress of
 * every key result the task touches (the old and the new one when it moved). A redelivered event or an
 * older version of the task changes nothing.
 */
@ApplicationScoped
public class TaskEventHandler {

    public static final String DELETED = "project.task.deleted";

    @Inject
    ConsumedEvents consumed;

    @Inject
    KeyResultService keyResults;

    @Inject
    ObjectMapper mapper;

    @Transactional
    public void apply(IncomingEvent event) {
        TaskSnapshot task = UnreadableEventException.parse(mapper, event, TaskSnapshot.class);
        if (!consumed.firstDelivery(event) || task.id() == null) {
            return;
        }
        LinkedTask row = LinkedTask.findById(task.id());
        if (row != null && task.version() <= row.taskVersion) {
            return;
        }
        Set<UUID> touched = new LinkedHashSet<>();
        if (row != null && row.keyResultId != null) {
            touched.add(row.keyResultId);
        }
        if (DELETED.equals(event.type())) {
            if (row != null) {
                row.delete();
            }
        } else {
            if (row == null) {
                row = new LinkedTask();
                row.taskId = task.id();
            }
            row.keyResultId = task.keyResultId();
            row.status = task.status();
            row.weight = task.weight() == null ? 1.0 : task.weight();
            row.taskVersion = task.version();
            row.persist();
            if (task.keyResultId() != null) {
                touched.add(task.keyResultId());
            }
        }
        String cause = event.describe() + " for task " + task.id();
        touched.forEach(keyResultId -> keyResults.linkedTasksChanged(keyResultId, cause));
    }
}
