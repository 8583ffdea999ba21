package org.okrpm.okr.objective;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.okrpm.okr.cycle.CycleService;
import org.okrpm.okr.keyresult.KeyResult;
import org.okrpm.okr.keyresult.ProgressCalculator.WeightedProgress;
import org.okrpm.okr.objective.RollupCalculator.Child;
import org.okrpm.okr.objective.RollupCalculator.Scored;

/**
 * Keeps progress and score true along the alignment tree: an objective is recomputed from its key results and
 * children, and while its progress moves, so is its parent, up to the top. Each objective that moves gets its own
 * history entry and {@code okr.objective.progress-changed} event; a score that moves alone is an
 * {@code okr.objective.updated}. Objectives of a CLOSED cycle keep what they had.
 */
@ApplicationScoped
@Transactional
public class ObjectiveRollup {

    @Inject
    CycleService cycles;

    @Inject
    ObjectiveEvents events;

    @Inject
    ObjectiveHistory history;

    /** Recomputes the objective, then its ancestors as long as progress moves. */
    public void recompute(UUID objectiveId, ObjectiveHistorySource source, String cause) {
        Set<UUID> visited = new HashSet<>(); // the tree has no loops (checked on parentId); this is a safeguard
        UUID next = objectiveId;
        ObjectiveHistorySource why = source;
        String because = cause;
        while (next != null && visited.add(next)) {
            Objective objective = Objective.findById(next);
            if (objective == null || cycles.require(objective.cycleId).isClosed() || !apply(objective, why, because)) {
                return;
            }
            next = objective.parentId;
            why = ObjectiveHistorySource.CHILDREN;
            because = "aligned objective " + objective.id + " moved: " + cause;
        }
    }

    /** Recomputes one objective; true when its progress moved. */
    private boolean apply(Objective objective, ObjectiveHistorySource source, String cause) {
        Panache.getEntityManager().flush();
        List<KeyResult> keyResults = KeyResult.list("objectiveId", objective.id);
        List<Child> children = Objective.<Objective>list("parentId", objective.id).stream()
                .map(child -> new Child(child.weight, child.progress, child.state)).toList();
        ProgressMode mode = objective.effectiveMode(!keyResults.isEmpty());
        double progress = RollupCalculator.progress(mode,
                keyResults.stream().map(kr -> new WeightedProgress(kr.weight, kr.progress)).toList(), children);
        Double score = RollupCalculator.score(keyResults.stream().map(kr -> new Scored(kr.weight, kr.score)).toList());
        boolean moved = progress != objective.progress;
        boolean scored = !Objects.equals(score, objective.score);
        if (!moved && !scored) {
            return false;
        }
        objective.progress = progress;
        objective.score = score;
        if (moved) {
            history.record(objective, source, cause);
        }
        Panache.getEntityManager().flush();
        events.publish(moved ? ObjectiveEvents.PROGRESS_CHANGED : ObjectiveEvents.UPDATED, objective);
        return moved;
    }
}
