package org.okrpm.okr.keyresult;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.okrpm.kit.json.DateRange;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.pace.Pace;
import org.okrpm.okr.pace.PaceCalculator;
import org.okrpm.okr.pace.PaceCalculator.Sample;
import org.okrpm.okr.pace.PaceConfig;
import org.okrpm.okr.pace.PaceStatus;

/**
 * Key results with their pace (expected progress, status, forecast) for views: a page of them with one query for
 * their cycles and two for their recent history, never one per key result.
 */
@ApplicationScoped
public class KeyResultPace {

    /** The instants {@code asOf} may name: the days every database stores (the kit's DateRange). */
    private static final Instant EARLIEST = PaceCalculator.startOf(DateRange.MIN);
    private static final Instant LATEST = PaceCalculator.endOf(DateRange.MAX).minusSeconds(1);

    @Inject
    Clock clock;

    @Inject
    PaceConfig config;

    /** Now, by the clock tests may fix. */
    public Instant now() {
        return clock.instant();
    }

    /** The views of these key results, in their order, with their pace now. */
    public List<KeyResultView> views(List<KeyResult> keyResults) {
        Instant now = now();
        Map<UUID, Cycle> cycles = cyclesOf(keyResults);
        Map<UUID, List<Sample>> samples = samplesOf(keyResults, now);
        return keyResults.stream().map(kr -> {
            Cycle cycle = cycles.get(kr.cycleId);
            LocalDate due = dueDate(kr, cycle);
            double expected = PaceCalculator.expectedProgress(cycle.startDate, due, now);
            Pace pace = PaceCalculator.pace(kr.progress, kr.confidence, expected, samples.get(kr.id),
                    PaceCalculator.endOf(due), config.thresholds());
            return KeyResultView.of(kr, due, pace);
        }).toList();
    }

    public KeyResultView view(KeyResult kr) {
        return views(List.of(kr)).get(0);
    }

    /** The status of each key result now, without its forecast (the list's {@code status} filter). */
    public Map<UUID, PaceStatus> statuses(List<KeyResult> keyResults) {
        Instant now = now();
        Map<UUID, Cycle> cycles = cyclesOf(keyResults);
        Map<UUID, PaceStatus> statuses = new HashMap<>();
        for (KeyResult kr : keyResults) {
            Cycle cycle = cycles.get(kr.cycleId);
            double expected = PaceCalculator.expectedProgress(cycle.startDate, dueDate(kr, cycle), now);
            statuses.put(kr.id, PaceCalculator.status(kr.progress, expected, kr.confidence, config.thresholds()));
        }
        return statuses;
    }

    /**
     * The views of these key results as they were at {@code asOf}, in their order: progress, current value and
     * confidence from the latest history entry at or before then, their pace as of then; every other field as it
     * is now. Key results that did not exist yet then (created after, no history before) are left out. One query
     * for the history of all of them.
     */
    public List<KeyResultView> viewsAsOf(List<KeyResult> keyResults, Instant asOf) {
        if (asOf.isBefore(EARLIEST) || asOf.isAfter(LATEST)) {
            throw ProblemException.invalid("asOf", "must be an instant from " + EARLIEST + " to " + LATEST);
        }
        if (keyResults.isEmpty()) {
            return List.of();
        }
        Map<UUID, Cycle> cycles = cyclesOf(keyResults);
        Map<UUID, List<ProgressEntry>> histories = ProgressEntry.<ProgressEntry>list(
                        "keyResultId in ?1 and at <= ?2 order by at, id", keyResults.stream().map(kr -> kr.id).toList(),
                        asOf)
                .stream().collect(Collectors.groupingBy(e -> e.keyResultId));
        Instant windowStart = asOf.minus(config.forecastWindow());
        List<KeyResultView> views = new ArrayList<>();
        for (KeyResult kr : keyResults) {
            List<ProgressEntry> until = histories.getOrDefault(kr.id, List.of());
            if (until.isEmpty() && kr.createdAt.isAfter(asOf)) {
                continue;
            }
            ProgressEntry state = until.isEmpty() ? null : until.get(until.size() - 1);
            Cycle cycle = cycles.get(kr.cycleId);
            LocalDate due = dueDate(kr, cycle);
            double expected = PaceCalculator.expectedProgress(cycle.startDate, due, asOf);
            double progress = state == null ? 0.0 : state.progress;
            Double confidence = state == null ? null : state.confidence;
            ProgressEntry before = null;
            for (ProgressEntry entry : until) {
                if (entry.at.isBefore(windowStart)) {
                    before = entry;
                }
            }
            List<Sample> samples = PaceCalculator.window(before == null ? null : sample(before),
                    until.stream().map(KeyResultPace::sample).toList(), progress, windowStart, asOf);
            Pace pace = PaceCalculator.pace(progress, confidence, expected, samples, PaceCalculator.endOf(due),
                    config.thresholds());
            views.add(KeyResultView.of(kr, due, pace, progress,
                    state == null ? kr.startValue : state.currentValue, confidence));
        }
        return views;
    }

    /** The effective due date: its own, or the cycle's end date. */
    public static LocalDate dueDate(KeyResult kr, Cycle cycle) {
        return kr.dueDate != null ? kr.dueDate : cycle.endDate;
    }

    private static Map<UUID, Cycle> cyclesOf(Collection<KeyResult> keyResults) {
        Set<UUID> ids = keyResults.stream().map(kr -> kr.cycleId).collect(Collectors.toSet());
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Cycle.<Cycle>list("id in ?1", ids).stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    /** The forecast's samples of each key result now: two queries for the whole page. */
    private Map<UUID, List<Sample>> samplesOf(List<KeyResult> keyResults, Instant now) {
        if (keyResults.isEmpty()) {
            return Map.of();
        }
        List<UUID> ids = keyResults.stream().map(kr -> kr.id).toList();
        Instant windowStart = now.minus(config.forecastWindow());
        Map<UUID, List<Sample>> within = ProgressEntry.<ProgressEntry>list(
                        "keyResultId in ?1 and at >= ?2 and at <= ?3 order by at, id", ids, windowStart, now)
                .stream().collect(Collectors.groupingBy(e -> e.keyResultId,
                        Collectors.mapping(KeyResultPace::sample, Collectors.toList())));
        Map<UUID, Sample> before = new HashMap<>();
        ProgressEntry.<ProgressEntry>list("from ProgressEntry e where e.keyResultId in ?1 and e.at < ?2 and e.at = "
                        + "(select max(f.at) from ProgressEntry f where f.keyResultId = e.keyResultId and f.at < ?2)",
                ids, windowStart)
                .forEach(entry -> before.put(entry.keyResultId, sample(entry)));
        Map<UUID, List<Sample>> samples = new HashMap<>();
        for (KeyResult kr : keyResults) {
            samples.put(kr.id, PaceCalculator.window(before.get(kr.id), within.getOrDefault(kr.id, List.of()),
                    kr.progress, windowStart, now));
        }
        return samples;
    }

    private static Sample sample(ProgressEntry entry) {
        return new Sample(entry.at, entry.progress);
    }
}
