package org.okrpm.okr.summary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.objective.Objective;
import org.okrpm.okr.objective.ObjectivePace;
import org.okrpm.okr.objective.ObjectiveVisibility;
import org.okrpm.okr.pace.Pace;
import org.okrpm.okr.pace.PaceStatus;
import org.okrpm.okr.retrospective.RetrospectiveReplicas;
import org.okrpm.okr.retrospective.RetrospectiveReplicas.Coverage;
import org.okrpm.okr.summary.CycleSummaryDtos.CycleSummary;
import org.okrpm.okr.summary.CycleSummaryDtos.KeyResultCounts;
import org.okrpm.okr.summary.CycleSummaryDtos.ObjectiveCounts;
import org.okrpm.okr.summary.CycleSummaryDtos.ObjectiveWithoutRetrospective;
import org.okrpm.okr.summary.CycleSummaryDtos.UnscoredKeyResult;

/**
 * The cycle summary from the objectives and key results with their pace (the same calculator as their views) and
 * the retrospective replica: a handful of queries for the whole cycle, none per objective.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class CycleSummaryService {

    @Inject
    ObjectivePace pace;

    @Inject
    ObjectiveVisibility visibility;

    @Inject
    RetrospectiveReplicas retrospectives;

    public CycleSummary summary(UUID cycleId) {
        Cycle cycle = Cycle.findById(cycleId);
        if (cycle == null) {
            throw ProblemException.notFound("Cycle", cycleId);
        }
        List<Objective> objectives = Objective.list("cycleId", Criteria.oldestFirst(), cycleId);
        Map<UUID, List<KeyResultView>> keyResults = pace.keyResultsOf(objectives.stream().map(o -> o.id).toList());
        Map<UUID, Pace> paces = pace.of(objectives, keyResults);
        Coverage coverage = retrospectives.coverage(cycleId);

        Map<PaceStatus, Integer> objectiveStatuses = zeroPerStatus();
        Map<PaceStatus, Integer> keyResultStatuses = zeroPerStatus();
        int keyResultTotal = 0;
        int keyResultsScored = 0;
        List<UnscoredKeyResult> unscored = new ArrayList<>();
        int hiddenUnscored = 0;
        List<ObjectiveWithoutRetrospective> withoutRetrospective = new ArrayList<>();
        int hiddenWithoutRetrospective = 0;
        for (Objective objective : objectives) {
            objectiveStatuses.merge(paces.get(objective.id).status(), 1, Integer::sum);
            boolean visible = visibility.canSee(objective);
            for (KeyResultView kr : keyResults.getOrDefault(objective.id, List.of())) {
                keyResultTotal++;
                keyResultStatuses.merge(kr.status(), 1, Integer::sum);
                if (kr.score() != null) {
                    keyResultsScored++;
                } else if (visible) {
                    unscored.add(new UnscoredKeyResult(kr.id(), kr.title(), objective.id));
                } else {
                    hiddenUnscored++;
                }
            }
            if (!coverage.covers(objective.id, objective.teamId)) {
                if (visible) {
                    withoutRetrospective.add(new ObjectiveWithoutRetrospective(objective.id, objective.title,
                            objective.teamId));
                } else {
                    hiddenWithoutRetrospective++;
                }
            }
        }
        int objectivesScored = (int) objectives.stream().filter(o -> o.score != null).count();
        return new CycleSummary(cycle.id, cycle.phase,
                new ObjectiveCounts(objectives.size(), objectiveStatuses, objectivesScored),
                new KeyResultCounts(keyResultTotal, keyResultStatuses, keyResultsScored),
                rounded(objectives.stream().mapToDouble(o -> o.progress).average()),
                rounded(objectives.stream().filter(o -> o.score != null).mapToDouble(o -> o.score).average()),
                unscored, hiddenUnscored, withoutRetrospective, hiddenWithoutRetrospective);
    }

    private static Map<PaceStatus, Integer> zeroPerStatus() {
        Map<PaceStatus, Integer> counts = new EnumMap<>(PaceStatus.class);
        for (PaceStatus status : PaceStatus.values()) {
            counts.put(status, 0);
        }
        return counts;
    }

    /** Half up to 4 decimals, like every progress; null for the mean of nothing. */
    private static Double rounded(OptionalDouble mean) {
        return mean.isPresent() ? BigDecimal.valueOf(mean.getAsDouble()).setScale(4, RoundingMode.HALF_UP).doubleValue()
                : null;
    }
}
