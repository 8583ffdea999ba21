package org.okrpm.okr.objective;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.security.CurrentCaller;
import org.okrpm.kit.security.Ownership;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.cycle.CycleService;
import org.okrpm.okr.keyresult.KeyResult;
import org.okrpm.okr.keyresult.KeyResultEvents;
import org.okrpm.okr.keyresult.ObjectiveLink;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.keyresult.ProgressCalculator;
import org.okrpm.okr.keyresult.ProgressCalculator.WeightedProgress;
import org.okrpm.okr.keyresult.ProgressEntry;
import org.okrpm.okr.objective.ObjectiveDtos.AlignmentNode;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveCreate;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveUpdate;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveView;

@ApplicationScoped
@Transactional
public class ObjectiveService implements ObjectiveLink {

    @Inject
    CycleService cycles;

    @Inject
    MergePatcher patcher;

    @Inject
    ObjectiveEvents events;

    @Inject
    KeyResultEvents keyResultEvents;

    @Inject
    CurrentCaller caller;

    /** The filters of {@code GET /objectives}; null means "any". */
    public record ObjectiveFilter(UUID cycleId, String ownerId, String teamId, ObjectiveLevel level,
                                  UUID parentId, ObjectiveStatus status, String q) {
    }

    public ObjectiveView create(ObjectiveCreate body, String callerId) {
        Cycle cycle = Cycle.findById(body.cycleId());
        if (cycle == null) {
            throw ProblemException.unprocessable("cycleId", "Cycle " + body.cycleId() + " does not exist");
        }
        CycleService.requireOpen(cycle);
        if (body.parentId() != null && Objective.findById(body.parentId()) == null) {
            throw ProblemException.unprocessable("parentId", "Objective " + body.parentId() + " does not exist");
        }
        Objective objective = new Objective();
        objective.id = UUID.randomUUID();
        objective.cycleId = cycle.id;
        objective.title = body.title().trim();
        objective.description = body.description();
        objective.level = body.level();
        objective.ownerId = body.ownerId() == null || body.ownerId().isBlank() ? callerId : body.ownerId();
        objective.teamId = body.teamId();
        objective.createdBy = callerId;
        objective.parentId = body.parentId();
        objective.status = ObjectiveStatus.ACTIVE;
        objective.progress = 0.0;
        objective.persistAndFlush();
        events.publish(ObjectiveEvents.CREATED, objective);
        return ObjectiveView.of(objective, List.of());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ObjectiveView> list(ObjectiveFilter filter, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where()
                .contains("title", filter.q())
                .eq("cycleId", filter.cycleId())
                .eq("ownerId", filter.ownerId())
                .eq("teamId", filter.teamId())
                .eq("level", filter.level())
                .eq("parentId", filter.parentId())
                .eq("status", filter.status());
        PageResponse<Objective> objectives = PageResponse.of(
                Objective.<Objective>find(criteria.query(), sort, criteria.parameters()), page,
                objective -> objective);
        Map<UUID, List<KeyResultView>> keyResults = keyResultsOf(
                objectives.items().stream().map(o -> o.id).toList());
        return new PageResponse<>(
                objectives.items().stream().map(o -> ObjectiveView.of(o, keyResults.getOrDefault(o.id, List.of()))).toList(),
                objectives.page(), objectives.size(), objectives.totalItems(), objectives.totalPages());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectiveView get(UUID id) {
        return view(require(id));
    }

    public ObjectiveView update(UUID id, String ifMatch, JsonNode patch) {
        Objective objective = require(id);
        requireMayChange(objective, "objective " + id);
        IfMatch.check(ifMatch, objective.version);
        CycleService.requireOpen(cycles.require(objective.cycleId));
        ObjectiveUpdate update = patcher.apply(ObjectiveUpdate.of(objective), patch, ObjectiveUpdate.class);
        if (!Objects.equals(update.parentId(), objective.parentId)) {
            checkParent(objective, update.parentId());
        }
        objective.title = update.title().trim();
        objective.description = update.description();
        objective.level = update.level();
        objective.ownerId = update.ownerId();
        objective.teamId = update.teamId();
        objective.parentId = update.parentId();
        objective.status = update.status();
        Panache.getEntityManager().flush();
        events.publish(ObjectiveEvents.UPDATED, objective);
        return view(objective);
    }

    /** Deletes the objective and its key results; objectives aligned under it move to the top level. */
    public void delete(UUID id, String ifMatch) {
        Objective objective = require(id);
        requireMayChange(objective, "objective " + id);
        IfMatch.check(ifMatch, objective.version);
        CycleService.requireOpen(cycles.require(objective.cycleId));
        List<KeyResult> keyResults = KeyResult.list("objectiveId", id);
        keyResults.forEach(kr -> keyResultEvents.publish(KeyResultEvents.DELETED, kr));
        if (!keyResults.isEmpty()) {
            ProgressEntry.delete("keyResultId in ?1", keyResults.stream().map(kr -> kr.id).toList());
            KeyResult.delete("objectiveId", id);
        }
        List<Objective> children = Objective.list("parentId", id);
        children.forEach(child -> child.parentId = null);
        events.publish(ObjectiveEvents.DELETED, objective);
        objective.delete();
        Panache.getEntityManager().flush();
        children.forEach(child -> events.publish(ObjectiveEvents.UPDATED, child));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlignmentNode alignment(UUID id) {
        return node(require(id), new HashSet<>());
    }

    /**
     * Recomputes an objective's progress from its key results; called after every change to them. A change
     * is announced as {@code okr.objective.progress-changed}.
     */
    @Override
    public UUID requireCycleOf(UUID objectiveId) {
        return require(objectiveId).cycleId;
    }

    @Override
    public void requireMayChangeKeyResults(UUID objectiveId) {
        requireMayChange(require(objectiveId), "the key results of objective " + objectiveId);
    }

    @Override
    public void keyResultsChanged(UUID objectiveId) {
        recomputeProgress(objectiveId);
    }

    public void recomputeProgress(UUID objectiveId) {
        Objective objective = Objective.findById(objectiveId);
        if (objective == null) {
            return;
        }
        Panache.getEntityManager().flush();
        List<WeightedProgress> parts = KeyResult.find("objectiveId", objectiveId).project(WeightedProgress.class).list();
        double progress = ProgressCalculator.weightedMean(parts);
        if (progress != objective.progress) {
            objective.progress = progress;
            Panache.getEntityManager().flush();
            events.publish(ObjectiveEvents.PROGRESS_CHANGED, objective);
        }
    }

    /** 403 unless the caller is an admin, the owner, the creator or a member of the objective's team. */
    private void requireMayChange(Objective objective, String what) {
        Ownership.require(caller.get(), new Ownership.Owned(objective.ownerId, objective.createdBy, objective.teamId),
                what);
    }

    /** The objective, or 404. */
    public Objective require(UUID id) {
        Objective objective = Objective.findById(id);
        if (objective == null) {
            throw ProblemException.notFound("Objective", id);
        }
        return objective;
    }

    private void checkParent(Objective objective, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Objective parent = Objective.findById(parentId);
        if (parent == null) {
            throw ProblemException.unprocessable("parentId", "Objective " + parentId + " does not exist");
        }
        Set<UUID> seen = new HashSet<>();
        for (Objective ancestor = parent; ancestor != null && seen.add(ancestor.id);
             ancestor = ancestor.parentId == null ? null : Objective.findById(ancestor.parentId)) {
            if (ancestor.id.equals(objective.id)) {
                throw ProblemException.conflict("Aligning under " + parentId + " would make a loop in the cascade");
            }
        }
    }

    private AlignmentNode node(Objective objective, Set<UUID> visited) {
        visited.add(objective.id);
        List<AlignmentNode> children = Objective.<Objective>list("parentId", Criteria.oldestFirst(), objective.id)
                .stream().filter(child -> !visited.contains(child.id))
                .map(child -> node(child, visited)).toList();
        return new AlignmentNode(objective.id, objective.title, objective.level, objective.ownerId,
                objective.teamId, objective.status, objective.progress, children);
    }

    private ObjectiveView view(Objective objective) {
        return ObjectiveView.of(objective, keyResultsOf(List.of(objective.id)).getOrDefault(objective.id, List.of()));
    }

    private static Map<UUID, List<KeyResultView>> keyResultsOf(List<UUID> objectiveIds) {
        if (objectiveIds.isEmpty()) {
            return Map.of();
        }
        return KeyResult.<KeyResult>list("objectiveId in ?1", Criteria.oldestFirst(), objectiveIds).stream()
                .collect(Collectors.groupingBy(kr -> kr.objectiveId, Collectors.mapping(KeyResultView::of,
                        Collectors.toList())));
    }
}
