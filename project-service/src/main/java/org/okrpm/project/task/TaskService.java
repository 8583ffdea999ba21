package org.okrpm.project.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.project.keyresult.KeyResultDirectory;
import org.okrpm.project.keyresult.KeyResultUnconfirmedException;
import org.okrpm.project.keyresultwork.KeyResultWorkService;
import org.okrpm.project.keyresultwork.TouchedKeyResults;
import org.okrpm.project.project.Project;
import org.okrpm.project.project.ProjectAccess;
import org.okrpm.project.project.ProjectService;
import org.okrpm.project.task.TaskDtos.TaskCreate;
import org.okrpm.project.task.TaskDtos.TaskUpdate;
import org.okrpm.project.task.TaskDtos.TaskView;

/**
 * Tasks of a project. Every change locks the project first, so none slips in while it closes, and ends with the
 * rollup of the key results it touched (one per key result, however many tasks changed).
 */
@ApplicationScoped
@Transactional
public class TaskService {

    /** At most this many changes in one {@code POST /tasks/bulk}. */
    public static final int MAX_BULK_CHANGES = 500;

    @Inject
    ProjectService projects;

    @Inject
    KeyResultDirectory keyResults;

    @Inject
    MergePatcher patcher;

    @Inject
    TaskEvents events;

    @Inject
    KeyResultWorkService keyResultWork;

    @Inject
    ProjectAccess access;

    /** The filters of {@code GET /projects/{id}/tasks}; null means "any". */
    public record TaskFilter(TaskStatus status, String assigneeId, UUID keyResultId, LocalDate dueBefore, String q) {
    }

    /** Where a task made by an integration comes from: the integration, its source and the external item. */
    public record ExternalOrigin(UUID integrationId, String source, String externalId) {
    }

    /** A task as it was before a change was applied to it, to publish the change once it is flushed. */
    private record Change(Task task, TaskStatus status, UUID keyResultId, double weight, long version) {

        static Change before(Task task) {
            return new Change(task, task.status, task.keyResultId, task.weight, task.version);
        }

        /** Only status, weight and key result move a rollup; a new title, say, does not. */
        boolean movesWork() {
            return task.status != status || task.weight != weight || !Objects.equals(task.keyResultId, keyResultId);
        }
    }

    /** A caller's new task: only in a project whose tasks the caller may change ({@link ProjectAccess}, 403). */
    public TaskView create(UUID projectId, TaskCreate body) {
        access.requireMayChangeTasks(projects.lock(projectId));
        return create(projectId, body, null, TaskStatus.TODO);
    }

    /** A caller's change of a task ({@code PATCH /tasks/{id}}): as {@link #update}, once {@link ProjectAccess} agrees. */
    public TaskView updateAsCaller(UUID id, String ifMatch, JsonNode patch) {
        access.requireMayChangeTasks(projects.lock(require(id).projectId));
        return update(id, ifMatch, patch);
    }

    /** A caller's deletion of a task: as {@link #delete}, once {@link ProjectAccess} agrees. */
    public void deleteAsCaller(UUID id, String ifMatch) {
        access.requireMayChangeTasks(projects.lock(require(id).projectId));
        delete(id, ifMatch);
    }

    /**
     * Creates a task, published like any other. With an {@code origin} (a task an integration makes from an
     * external item) the keyResultId is the integration's default, checked when the integration was created,
     * so it is not looked up again here: a webhook carries no credentials for the okr-service lookup. A
     * {@code status} other than TODO (the external item is closed already) is a change of its own right after
     * (created, then completed), both in one rollup.
     */
    public TaskView create(UUID projectId, TaskCreate body, ExternalOrigin origin, TaskStatus status) {
        Project project = projects.lockOpen(projectId);
        if (origin == null) {
            checkKeyResult(body.keyResultId());
        }
        Task task = new Task();
        task.id = UUID.randomUUID();
        task.projectId = project.id;
        task.title = body.title().trim();
        task.description = body.description();
        task.assigneeId = body.assigneeId();
        task.dueDate = body.dueDate();
        task.keyResultId = body.keyResultId();
        task.weight = body.weight() == null ? 1.0 : body.weight();
        task.status = TaskStatus.TODO;
        if (origin != null) {
            task.integrationId = origin.integrationId();
            task.externalSource = origin.source();
            task.externalId = origin.externalId();
        }
        task.persistAndFlush();
        TouchedKeyResults touched = new TouchedKeyResults().touch(task.id, task.keyResultId);
        Change change = null;
        if (status != TaskStatus.TODO) {
            change = apply(task, TaskUpdate.of(task).withStatus(status));
            Panache.getEntityManager().flush();
            touch(change, touched);
        }
        keyResultWork.rollUp(touched); // first, see publish(Change)
        events.publish(TaskEvents.CREATED, task);
        if (change != null) {
            publish(change);
        }
        projects.recheckHealth(project);
        return TaskView.of(task);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<TaskView> list(UUID projectId, TaskFilter filter, Sort sort, PageRequest page) {
        projects.require(projectId);
        Criteria criteria = Criteria.where()
                .eq("projectId", projectId)
                .eq("status", filter.status())
                .eq("assigneeId", filter.assigneeId())
                .eq("keyResultId", filter.keyResultId())
                .when(filter.dueBefore(), "dueDate < :dueBefore", "dueBefore")
                .contains("title", filter.q());
        return PageResponse.of(Task.<Task>find(criteria.query(), sort, criteria.parameters()),
                page, TaskView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public TaskView get(UUID id) {
        return TaskView.of(require(id));
    }

    /**
     * Changes a task. completedAt is set when it becomes DONE and cleared when it leaves DONE; a changed
     * keyResultId must exist (an unchanged one is not checked again).
     */
    public TaskView update(UUID id, String ifMatch, JsonNode patch) {
        Task task = require(id);
        IfMatch.check(ifMatch, task.version);
        Project project = projects.lockOpen(task.projectId);
        Change change = apply(task, checked(task, patch, this::checkKeyResult));
        Panache.getEntityManager().flush();
        keyResultWork.rollUp(touch(change, new TouchedKeyResults()));
        publish(change);
        projects.recheckHealth(project);
        return TaskView.of(task);
    }

    /**
     * Applies every change (the task's {@code id} beside a merge patch as for {@link #update}) or, when any of
     * them fails the rules of {@link #update}, none: one 422 names each failing item by its index. A task of a project
     * whose tasks the caller may not change ({@link ProjectAccess}) refuses them all with a 403. Answers the tasks in
     * the order of the items.
     */
    public List<TaskView> updateAll(List<? extends JsonNode> items) {
        BulkErrors errors = new BulkErrors();
        Map<Integer, UUID> ids = taskIds(items, errors);
        Map<UUID, Task> tasks = new HashMap<>();
        if (!ids.isEmpty()) {
            Task.<Task>list("id in ?1", ids.values()).forEach(t -> tasks.put(t.id, t));
        }
        Map<UUID, Project> lockedProjects = lockInIdOrder(tasks.values());
        // one task the caller may not change refuses the whole request, as a 403 rather than an item's error
        new TreeMap<>(lockedProjects).values().forEach(access::requireMayChangeTasks);
        Consumer<UUID> keyResultCheck = checkingEachKeyResultOnce();
        Map<Integer, TaskUpdate> updates = new TreeMap<>();
        ids.forEach((index, id) -> {
            try {
                Task task = tasks.get(id);
                if (task == null) {
                    throw ProblemException.notFound("Task", id);
                }
                ProjectService.requireOpen(lockedProjects.get(task.projectId));
                updates.put(index, checked(task, patchOf(items.get(index)), keyResultCheck));
            } catch (RuntimeException e) {
                errors.add(index, e);
            }
        });
        if (!errors.isEmpty()) {
            throw errors.problem(items.size());
        }
        List<Change> changes = new ArrayList<>();
        updates.forEach((index, update) -> changes.add(apply(tasks.get(ids.get(index)), update)));
        Panache.getEntityManager().flush();
        TouchedKeyResults touched = new TouchedKeyResults();
        changes.forEach(change -> touch(change, touched));
        keyResultWork.rollUp(touched);
        changes.forEach(this::publish);
        new TreeMap<>(lockedProjects).values().forEach(projects::recheckHealth);
        return changes.stream().map(change -> TaskView.of(change.task())).toList();
    }

    /** The task id of each item, by index; a missing, malformed or repeated id is the item's error. */
    private static Map<Integer, UUID> taskIds(List<? extends JsonNode> items, BulkErrors errors) {
        Map<Integer, UUID> ids = new TreeMap<>();
        Map<UUID, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                UUID id = idOf(items.get(i));
                Integer first = firstIndex.putIfAbsent(id, i);
                if (first != null) {
                    throw ProblemException.unprocessable("id", "names the task of changes[" + first
                            + "] again; change each task once per request");
                }
                ids.put(i, id);
            } catch (ProblemException e) {
                errors.add(i, e);
            }
        }
        return ids;
    }

    /** The tasks' projects, locked in id order: the one order every bulk change takes, so none can deadlock. */
    private Map<UUID, Project> lockInIdOrder(Collection<Task> tasks) {
        Map<UUID, Project> locked = new HashMap<>();
        for (UUID projectId : new TreeSet<>(tasks.stream().map(t -> t.projectId).toList())) {
            locked.put(projectId, projects.lock(projectId));
        }
        return locked;
    }

    public void delete(UUID id, String ifMatch) {
        Task task = require(id);
        IfMatch.check(ifMatch, task.version);
        Project project = projects.lockOpen(task.projectId);
        task.delete();
        keyResultWork.rollUp(new TouchedKeyResults().touch(task.id, task.keyResultId));
        events.publish(TaskEvents.DELETED, task);
        Panache.getEntityManager().flush(); // the health is computed from the tasks left in the database
        projects.recheckHealth(project);
    }

    /** The task, or 404. */
    public Task require(UUID id) {
        Task task = Task.findById(id);
        if (task == null) {
            throw ProblemException.notFound("Task", id);
        }
        return task;
    }

    /** The patch merged onto the task's writable fields and validated (400), a new keyResultId confirmed (422). */
    private TaskUpdate checked(Task task, JsonNode patch, Consumer<UUID> keyResultCheck) {
        TaskUpdate update = patcher.apply(TaskUpdate.of(task), patch, TaskUpdate.class);
        if (!Objects.equals(update.keyResultId(), task.keyResultId)) {
            keyResultCheck.accept(update.keyResultId());
        }
        return update;
    }

    /** Sets a checked update on the task (not flushed yet); completedAt follows DONE. */
    private static Change apply(Task task, TaskUpdate update) {
        Change change = Change.before(task);
        if (update.status() == TaskStatus.DONE && task.status != TaskStatus.DONE) {
            task.completedAt = Instant.now().truncatedTo(ChronoUnit.MICROS); // what the database keeps
        } else if (update.status() != TaskStatus.DONE) {
            task.completedAt = null;
        }
        task.title = update.title().trim();
        task.description = update.description();
        task.assigneeId = update.assigneeId();
        task.dueDate = update.dueDate();
        task.keyResultId = update.keyResultId();
        task.weight = update.weight();
        task.status = update.status();
        return change;
    }

    /** After the flush: the key results whose rollup the change moves. */
    private static TouchedKeyResults touch(Change change, TouchedKeyResults touched) {
        Task task = change.task();
        if (task.version != change.version() && change.movesWork()) {
            touched.touch(task.id, change.keyResultId(), task.keyResultId);
        }
        return touched;
    }

    /**
     * The task's event, written after the rollups of the same transaction: the outbox relay sends a commit's
     * events in the order they were written, and okr-service waits only for the rollups.
     */
    private void publish(Change change) {
        Task task = change.task();
        if (task.version == change.version()) { // a patch that changed nothing makes no version and no event
            return;
        }
        boolean moved = !Objects.equals(change.keyResultId(), task.keyResultId);
        events.publish(TaskEvents.typeOfChange(change.status(), task.status), task,
                moved ? change.keyResultId() : null);
    }

    private static UUID idOf(JsonNode item) {
        if (item == null || !item.isObject()) {
            throw ProblemException.invalid("body", "must be a JSON object");
        }
        JsonNode id = item.get("id");
        if (id == null || id.isNull()) {
            throw ProblemException.unprocessable("id", "is required: the id of the task to change");
        }
        try {
            return UUID.fromString(id.asText());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable("id", "must be a task id (a UUID)");
        }
    }

    /** The item without its id: the merge patch of the task. */
    private static JsonNode patchOf(JsonNode item) {
        ObjectNode patch = ((ObjectNode) item).deepCopy();
        patch.remove("id");
        return patch;
    }

    /** Confirms each key result once per bulk change, however many items name it (a lookup may be HTTP). */
    private Consumer<UUID> checkingEachKeyResultOnce() {
        Map<UUID, RuntimeException> outcomes = new HashMap<>(); // null: confirmed
        return keyResultId -> {
            if (!outcomes.containsKey(keyResultId)) {
                try {
                    checkKeyResult(keyResultId);
                    outcomes.put(keyResultId, null);
                } catch (RuntimeException e) {
                    outcomes.put(keyResultId, e);
                }
            }
            if (outcomes.get(keyResultId) != null) {
                throw outcomes.get(keyResultId);
            }
        };
    }

    private void checkKeyResult(UUID keyResultId) {
        if (keyResultId == null) {
            return;
        }
        boolean exists;
        try {
            exists = keyResults.exists(keyResultId);
        } catch (KeyResultUnconfirmedException e) {
            throw ProblemException.unprocessable("keyResultId", e.getMessage());
        }
        if (!exists) {
            throw ProblemException.unprocessable("keyResultId", "Key result " + keyResultId + " does not exist");
        }
    }
}
