package org.okrpm.okr.objective;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
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
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveHistoryView;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveUpdate;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveView;
import org.okrpm.okr.objective.ObjectiveDtos.PrivateChildren;
import org.okrpm.okr.pace.Pace;
import org.okrpm.okr.pace.SeriesDtos.Series;
import org.okrpm.okr.pace.SeriesInterval;

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

    @Inject
    ObjectiveVisibility visibility;

    @Inject
    ObjectiveRollup rollup;

    @Inject
    ObjectiveHistory history;

    @Inject
    ObjectivePace pace;

    /** The filters of {@code GET /objectives}; null means "any". */
    public record ObjectiveFilter(UUID cycleId, String ownerId, String teamId, ObjectiveLevel level,
                                  UUID parentId, ObjectiveState state, String q) {
    }

    public ObjectiveView create(ObjectiveCreate body, String callerId, String cause) {
        Cycle cycle = Cycle.findById(body.cycleId());
        if (cycle == null) {
            throw ProblemException.unprocessable("cycleId", "Cycle " + body.cycleId() + " does not exist");
        }
        CycleService.requireOpen(cycle);
        if (body.parentId() != null) {
            requireParent(body.parentId());
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
        objective.state = ObjectiveState.ACTIVE;
        objective.progressMode = body.progressMode();
        objective.weight = body.weight() == null ? 1.0 : body.weight();
        objective.visibility = body.visibility() == null ? Visibility.PUBLIC : body.visibility();
        objective.progress = 0.0;
        objective.persistAndFlush(); // progress starts at 0: no history entry until it moves
        events.publish(ObjectiveEvents.CREATED, objective, false);
        if (objective.parentId != null) {
            rollup.recompute(objective.parentId, ObjectiveHistorySource.CHILDREN,
                    "aligned objective " + objective.id + " joined: " + cause);
        }
        return ObjectiveView.of(objective, List.of(), PrivateChildren.NONE, pace.of(objective, List.of()));
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
                .eq("state", filter.state());
        Parameters parameters = criteria.parameters();
        String query = criteria.query() + " and " + visibility.condition(parameters);
        PageResponse<Objective> objectives = PageResponse.of(Objective.<Objective>find(query, sort, parameters), page,
                objective -> objective);
        List<UUID> ids = objectives.items().stream().map(o -> o.id).toList();
        Map<UUID, List<KeyResultView>> keyResults = keyResultsOf(ids);
        Map<UUID, Pace> paces = pace.of(objectives.items(), keyResults);
        Map<UUID, PrivateChildren> hidden = hiddenChildrenOf(ids);
        return new PageResponse<>(objectives.items().stream().map(o -> ObjectiveView.of(o,
                        keyResults.getOrDefault(o.id, List.of()), hidden.getOrDefault(o.id, PrivateChildren.NONE),
                        paces.get(o.id)))
                .toList(), objectives.page(), objectives.size(), objectives.totalItems(), objectives.totalPages());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectiveView get(UUID id) {
        return view(requireVisible(id));
    }

    public ObjectiveView update(UUID id, String ifMatch, JsonNode patch, String cause) {
        Objective objective = requireVisible(id);
        requireMayChange(objective, "objective " + id);
        IfMatch.check(ifMatch, objective.version);
        CycleService.requireOpen(cycles.require(objective.cycleId));
        if (patch != null && patch.isObject() && patch.has("status")) {
            throw ProblemException.invalid("status", "is derived from progress and pace; use state for the lifecycle");
        }
        ObjectiveUpdate update = patcher.apply(ObjectiveUpdate.of(objective), patch, ObjectiveUpdate.class);
        UUID formerParent = objective.parentId;
        if (!Objects.equals(update.parentId(), formerParent)) {
            checkParent(objective, update.parentId());
        }
        objective.title = update.title().trim();
        objective.description = update.description();
        objective.level = update.level();
        objective.ownerId = update.ownerId();
        objective.teamId = update.teamId();
        objective.parentId = update.parentId();
        objective.state = update.state();
        objective.progressMode = update.progressMode();
        objective.weight = update.weight();
        objective.visibility = update.visibility();
        Panache.getEntityManager().flush();
        events.publish(ObjectiveEvents.UPDATED, objective);
        // its mode may have changed, and its weight or state count in its parent, old and new
        rollup.recompute(id, ObjectiveHistorySource.MANUAL, cause);
        if (!Objects.equals(formerParent, objective.parentId)) {
            recomputeParent(formerParent, "aligned objective " + id + " left: " + cause);
            recomputeParent(objective.parentId, "aligned objective " + id + " joined: " + cause);
        } else {
            recomputeParent(objective.parentId, "aligned objective " + id + " changed: " + cause);
        }
        return view(objective);
    }

    /** Deletes the objective and its key results; objectives aligned under it move to the top level. */
    public void delete(UUID id, String ifMatch, String cause) {
        Objective objective = requireVisible(id);
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
        events.publish(ObjectiveEvents.DELETED, objective, !keyResults.isEmpty());
        history.deleteOf(id);
        UUID parentId = objective.parentId;
        objective.delete();
        Panache.getEntityManager().flush();
        children.forEach(child -> events.publish(ObjectiveEvents.UPDATED, child));
        recomputeParent(parentId, "aligned objective " + id + " deleted: " + cause);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AlignmentNode alignment(UUID id) {
        return node(requireVisible(id), new HashSet<>());
    }

    /** The whole history of the objective's progress within [from, to) (either bound may be null), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ObjectiveHistoryView> history(UUID id, Instant from, Instant to) {
        requireVisible(id);
        return history.list(id, from, to);
    }

    /** One page of that history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ObjectiveHistoryView> history(UUID id, Instant from, Instant to, PageRequest page) {
        requireVisible(id);
        return history.page(id, from, to, page);
    }

    @Override
    public UUID requireCycleOf(UUID objectiveId) {
        return require(objectiveId).cycleId;
    }

    @Override
    public String ownerOf(UUID objectiveId) {
        return require(objectiveId).ownerId;
    }

    /**
     * The objective as it was at {@code asOf} (docs/api.md): its progress from its history, its key results as of
     * then (those created later left out), the pace as of then; all else as now. 404 before it existed.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ObjectiveView get(UUID id, Instant asOf) {
        Objective objective = requireVisible(id);
        List<KeyResultView> keyResultsThen = pace.keyResultsAsOf(id, asOf);
        ObjectivePace.Then then = pace.asOf(objective, keyResultsThen, asOf);
        return ObjectiveView.of(objective, keyResultsThen,
                hiddenChildrenOf(List.of(id)).getOrDefault(id, PrivateChildren.NONE), then.pace(), then.progress());
    }

    /** The objective's progress series (docs/api.md). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Series series(UUID id, LocalDate from, LocalDate to, SeriesInterval interval) {
        return pace.series(requireVisible(id), from, to, interval);
    }

    @Override
    public void requireMayChangeKeyResults(UUID objectiveId) {
        requireMayChange(requireVisible(objectiveId), "the key results of objective " + objectiveId);
    }

    @Override
    public void keyResultsChanged(UUID objectiveId, String cause) {
        rollup.recompute(objectiveId, ObjectiveHistorySource.KEY_RESULTS, cause);
    }

    @Override
    public boolean visibleToCaller(UUID objectiveId) {
        Objective objective = Objective.findById(objectiveId);
        return objective != null && visibility.canSee(objective);
    }

    @Override
    public List<UUID> hiddenFromCaller() {
        return visibility.hiddenIds();
    }

    @Override
    public Audience audienceOf(UUID objectiveId) {
        Objective objective = Objective.findById(objectiveId);
        return objective == null ? new Audience(Visibility.PUBLIC.name(), null, null)
                : new Audience(objective.visibility.name(), objective.ownerId, objective.teamId);
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

    /** The objective, or 404 also when it is PRIVATE and the caller may not see it. */
    public Objective requireVisible(UUID id) {
        Objective objective = require(id);
        if (!visibility.canSee(objective)) {
            throw ProblemException.notFound("Objective", id);
        }
        return objective;
    }

    private void recomputeParent(UUID parentId, String cause) {
        if (parentId != null) {
            rollup.recompute(parentId, ObjectiveHistorySource.CHILDREN, cause);
        }
    }

    /** A parent the caller may align under: it exists and the caller sees it; else 422. */
    private Objective requireParent(UUID parentId) {
        Objective parent = Objective.findById(parentId);
        if (parent == null || !visibility.canSee(parent)) {
            throw ProblemException.unprocessable("parentId", "Objective " + parentId + " does not exist");
        }
        return parent;
    }

    private void checkParent(Objective objective, UUID parentId) {
        if (parentId == null) {
            return;
        }
        Objective parent = requireParent(parentId);
        Set<UUID> seen = new HashSet<>();
        for (Objective ancestor = parent; ancestor != null && seen.add(ancestor.id);
             ancestor = ancestor.parentId == null ? null : Objective.findById(ancestor.parentId)) {
            if (ancestor.id.equals(objective.id)) {
                throw ProblemException.conflict("Aligning under " + parentId + " would make a loop in the cascade");
            }
        }
    }

    /** The node with the children the caller sees; the hidden ones (and what is under them) only summed up. */
    private AlignmentNode node(Objective objective, Set<UUID> visited) {
        visited.add(objective.id);
        List<Objective> children = Objective.<Objective>list("parentId", Criteria.oldestFirst(), objective.id)
                .stream().filter(child -> !visited.contains(child.id)).toList();
        List<AlignmentNode> shown = children.stream().filter(visibility::canSee)
                .map(child -> node(child, visited)).toList();
        PrivateChildren hidden = summary(children.stream().filter(child -> !visibility.canSee(child)).toList());
        List<KeyResultView> keyResults = keyResultsOf(List.of(objective.id)).getOrDefault(objective.id, List.of());
        Pace nodePace = pace.of(objective, keyResults);
        return new AlignmentNode(objective.id, objective.title, objective.level, objective.ownerId,
                objective.teamId, objective.state, objective.effectiveMode(!keyResults.isEmpty()), objective.weight,
                objective.visibility, objective.progress, objective.score, nodePace.expectedProgress(),
                nodePace.status(), nodePace.forecast(), shown, hidden);
    }

    /** How the hidden children count in their parent: CANCELLED ones do not, so they are left out here too. */
    private static PrivateChildren summary(List<Objective> hidden) {
        List<Objective> counted = hidden.stream().filter(child -> child.state != ObjectiveState.CANCELLED).toList();
        if (counted.isEmpty()) {
            return PrivateChildren.NONE;
        }
        return new PrivateChildren(counted.size(), counted.stream().mapToDouble(child -> child.weight).sum(),
                ProgressCalculator.weightedMean(counted.stream()
                        .map(child -> new WeightedProgress(child.weight, child.progress)).toList()));
    }

    private ObjectiveView view(Objective objective) {
        List<KeyResultView> keyResults = keyResultsOf(List.of(objective.id)).getOrDefault(objective.id, List.of());
        return ObjectiveView.of(objective, keyResults,
                hiddenChildrenOf(List.of(objective.id)).getOrDefault(objective.id, PrivateChildren.NONE),
                pace.of(objective, keyResults));
    }

    /** Per objective, the summary of its PRIVATE children the caller may not see (absent when none). */
    private Map<UUID, PrivateChildren> hiddenChildrenOf(List<UUID> objectiveIds) {
        if (objectiveIds.isEmpty()) {
            return Map.of();
        }
        return Objective.<Objective>list("parentId in ?1 and visibility = ?2", objectiveIds, Visibility.PRIVATE)
                .stream().filter(child -> !visibility.canSee(child))
                .collect(Collectors.groupingBy(child -> child.parentId, Collectors.collectingAndThen(
                        Collectors.toList(), ObjectiveService::summary)));
    }

    /** The key result views (with their pace) of each objective, oldest first. */
    private Map<UUID, List<KeyResultView>> keyResultsOf(List<UUID> objectiveIds) {
        return pace.keyResultsOf(objectiveIds);
    }
}
