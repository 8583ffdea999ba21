package org.okrpm.okr.objective;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.keyresult.KeyResult;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.keyresult.KeyResultPace;
import org.okrpm.okr.pace.Pace;
import org.okrpm.okr.pace.PaceCalculator;
import org.okrpm.okr.pace.PaceCalculator.Sample;
import org.okrpm.okr.pace.PaceCalculator.WeightedExpectation;
import org.okrpm.okr.pace.PaceConfig;
import org.okrpm.okr.pace.SeriesBuilder;
import org.okrpm.okr.pace.SeriesBuilder.State;
import org.okrpm.okr.pace.SeriesDtos.Series;
import org.okrpm.okr.pace.SeriesInterval;

/**
 * An objective's pace (docs/api.md, Pace): expected progress from its key results' (the cycle's without any),
 * status from its progress and its key results' mean confidence, forecast from its own history; its series and
 * its state as of an instant, from objective_progress.
 */
@ApplicationScoped
public class ObjectivePace {

    @Inject
    KeyResultPace keyResults;

    @Inject
    PaceConfig config;

    /** The key result views of these objectives, with their pace now, grouped by objective, oldest first. */
    public Map<UUID, List<KeyResultView>> keyResultsOf(List<UUID> objectiveIds) {
        if (objectiveIds.isEmpty()) {
            return Map.of();
        }
        List<KeyResult> all = KeyResult.list("objectiveId in ?1", Criteria.oldestFirst(), objectiveIds);
        return keyResults.views(all).stream().collect(Collectors.groupingBy(KeyResultView::objectiveId));
    }

    /** The key result views of the objective as they were at {@code asOf} (those created later left out). */
    public List<KeyResultView> keyResultsAsOf(UUID objectiveId, Instant asOf) {
        return keyResults.viewsAsOf(KeyResult.list("objectiveId", Criteria.oldestFirst(), objectiveId), asOf);
    }

    /** The pace now of each objective, given its key result views: three queries for the whole page. */
    public Map<UUID, Pace> of(List<Objective> objectives, Map<UUID, List<KeyResultView>> keyResultViews) {
        if (objectives.isEmpty()) {
            return Map.of();
        }
        Instant now = keyResults.now();
        Map<UUID, Cycle> cycles = cyclesOf(objectives);
        List<UUID> ids = objectives.stream().map(o -> o.id).toList();
        Instant windowStart = now.minus(config.forecastWindow());
        Map<UUID, List<Sample>> within = ObjectiveProgressEntry.<ObjectiveProgressEntry>list(
                        "objectiveId in ?1 and at >= ?2 and at <= ?3 order by at, id", ids, windowStart, now)
                .stream().collect(Collectors.groupingBy(e -> e.objectiveId,
                        Collectors.mapping(ObjectivePace::sample, Collectors.toList())));
        Map<UUID, Sample> before = new HashMap<>();
        ObjectiveProgressEntry.<ObjectiveProgressEntry>list("from ObjectiveProgressEntry e where e.objectiveId in ?1 "
                        + "and e.at < ?2 and e.at = (select max(f.at) from ObjectiveProgressEntry f "
                        + "where f.objectiveId = e.objectiveId and f.at < ?2)", ids, windowStart)
                .forEach(entry -> before.put(entry.objectiveId, sample(entry)));
        Map<UUID, Pace> paces = new HashMap<>();
        for (Objective objective : objectives) {
            List<Sample> samples = PaceCalculator.window(before.get(objective.id),
                    within.getOrDefault(objective.id, List.of()), objective.progress, windowStart, now);
            paces.put(objective.id, pace(objective.progress, cycles.get(objective.cycleId),
                    keyResultViews.getOrDefault(objective.id, List.of()), samples, now));
        }
        return paces;
    }

    public Pace of(Objective objective, List<KeyResultView> keyResultViews) {
        return of(List.of(objective), Map.of(objective.id, keyResultViews)).get(objective.id);
    }

    /** The objective's progress at {@code asOf} and its pace then, given its key results as of then. */
    public record Then(double progress, Pace pace) {
    }

    /** 404 when the objective did not exist yet at {@code asOf}. */
    public Then asOf(Objective objective, List<KeyResultView> keyResultViewsThen, Instant asOf) {
        List<ObjectiveProgressEntry> until = ObjectiveProgressEntry.list(
                "objectiveId = ?1 and at <= ?2 order by at, id", objective.id, asOf);
        if (until.isEmpty() && objective.createdAt.isAfter(asOf)) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Objective " + objective.id + " did not exist yet at "
                    + asOf + "; it was created at " + objective.createdAt);
        }
        double progress = until.isEmpty() ? 0.0 : until.get(until.size() - 1).progress;
        Instant windowStart = asOf.minus(config.forecastWindow());
        Sample before = until.stream().filter(e -> e.at.isBefore(windowStart)).map(ObjectivePace::sample)
                .reduce((first, second) -> second).orElse(null);
        List<Sample> samples = PaceCalculator.window(before, until.stream().map(ObjectivePace::sample).toList(),
                progress, windowStart, asOf);
        return new Then(progress, pace(progress, Cycle.findById(objective.cycleId), keyResultViewsThen, samples, asOf));
    }

    /**
     * The objective's series (docs/api.md): from {@code from} (default the cycle's start) to {@code to} (default
     * today or its due date, whichever is earlier); value and confidence are null for objectives.
     */
    public Series series(Objective objective, LocalDate from, LocalDate to, SeriesInterval interval) {
        Cycle cycle = Cycle.findById(objective.cycleId);
        List<KeyResult> all = KeyResult.list("objectiveId", objective.id);
        LocalDate due = dueDate(cycle, all.stream().map(kr -> KeyResultPace.dueDate(kr, cycle)).toList());
        LocalDate first = from != null ? from : cycle.startDate;
        LocalDate last = to;
        if (last == null) {
            LocalDate today = LocalDate.ofInstant(keyResults.now(), ZoneOffset.UTC);
            last = today.isBefore(due) ? today : due;
            last = last.isBefore(first) ? first : last;
        }
        List<State> history = ObjectiveProgressEntry.<ObjectiveProgressEntry>list(
                        "objectiveId = ?1 and at < ?2 order by at, id", objective.id, PaceCalculator.endOf(last))
                .stream().map(e -> new State(e.at, e.progress, null, null)).toList();
        return SeriesBuilder.build(first, last, interval == null ? SeriesInterval.DAY : interval,
                new State(Instant.MIN, 0.0, null, null), history, at -> expectedAt(cycle, all, at));
    }

    /** Its expected progress at {@code at} from its key results as they are now (their weights and due dates). */
    private static double expectedAt(Cycle cycle, List<KeyResult> all, Instant at) {
        List<WeightedExpectation> parts = all.stream().map(kr -> new WeightedExpectation(kr.weight,
                PaceCalculator.expectedProgress(cycle.startDate, KeyResultPace.dueDate(kr, cycle), at))).toList();
        return PaceCalculator.objectiveExpected(parts, cycle.startDate, cycle.endDate, at);
    }

    private Pace pace(double progress, Cycle cycle, List<KeyResultView> views, List<Sample> samples, Instant now) {
        double expected = PaceCalculator.objectiveExpected(views.stream()
                        .map(kr -> new WeightedExpectation(kr.weight(), kr.expectedProgress())).toList(),
                cycle.startDate, cycle.endDate, now);
        OptionalDouble confidence = views.stream().filter(kr -> kr.confidence() != null)
                .mapToDouble(KeyResultView::confidence).average();
        Double meanConfidence = confidence.isPresent() ? confidence.getAsDouble() : null;
        LocalDate due = dueDate(cycle, views.stream().map(KeyResultView::dueDate).toList());
        return PaceCalculator.pace(progress, meanConfidence, expected, samples, PaceCalculator.endOf(due),
                config.thresholds());
    }

    /** An objective is due when its last key result is; without key results at the end of its cycle. */
    private static LocalDate dueDate(Cycle cycle, List<LocalDate> keyResultDueDates) {
        return keyResultDueDates.stream().max(Comparator.naturalOrder()).orElse(cycle.endDate);
    }

    private static Map<UUID, Cycle> cyclesOf(List<Objective> objectives) {
        Set<UUID> ids = objectives.stream().map(o -> o.cycleId).collect(Collectors.toSet());
        return Cycle.<Cycle>list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    private static Sample sample(ObjectiveProgressEntry entry) {
        return new Sample(entry.at, entry.progress);
    }
}
