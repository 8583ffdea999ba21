package org.okrpm.okr.keyresult;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.cycle.CyclePhase;
import org.okrpm.okr.cycle.CycleService;
import org.okrpm.okr.keyresult.KeyResultDtos.HistoryView;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultCreate;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultUpdate;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;
import org.okrpm.okr.pace.PaceCalculator;
import org.okrpm.okr.pace.PaceStatus;
import org.okrpm.okr.pace.SeriesBuilder;
import org.okrpm.okr.pace.SeriesBuilder.State;
import org.okrpm.okr.pace.SeriesDtos.Series;
import org.okrpm.okr.pace.SeriesInterval;

@ApplicationScoped
@Transactional
public class KeyResultService {

    /** The history's one order, oldest first; the id keeps entries of the same instant in place across pages. */
    private static final Sort HISTORY_ORDER = Sort.by("at").and("id");

    @Inject
    CycleService cycles;

    @Inject
    ObjectiveLink objectives;

    @Inject
    MergePatcher patcher;

    @Inject
    KeyResultEvents events;

    @Inject
    KeyResultPace pace;

    public KeyResultView create(UUID objectiveId, KeyResultCreate body, String cause) {
        UUID cycleId = objectives.requireCycleOf(objectiveId);
        objectives.requireMayChangeKeyResults(objectiveId);
        Cycle cycle = cycles.require(cycleId);
        CycleService.requireOpen(cycle);
        checkDueDate(body.dueDate(), cycle);
        BigDecimal start = body.startValue();
        BigDecimal target = body.targetValue();
        if (body.metricType() == MetricType.BOOLEAN) {
            start = start == null ? BigDecimal.ZERO : start;
            target = target == null ? BigDecimal.ONE : target;
        }
        if (start == null) {
            throw ProblemException.invalid("startValue", "must not be null");
        }
        if (target == null) {
            throw ProblemException.invalid("targetValue", "must not be null");
        }
        checkScale(body.metricType(), start, target);

        KeyResult kr = new KeyResult();
        kr.id = UUID.randomUUID();
        kr.objectiveId = objectiveId;
        kr.cycleId = cycleId;
        kr.title = body.title().trim();
        kr.ownerId = body.ownerId() == null || body.ownerId().isBlank() ? objectives.ownerOf(objectiveId)
                : body.ownerId().trim();
        kr.dueDate = body.dueDate();
        kr.metricType = body.metricType();
        kr.unit = body.unit();
        kr.startValue = start;
        kr.targetValue = target;
        kr.currentValue = start;
        kr.weight = body.weight() == null ? 1.0 : body.weight();
        kr.progressSource = body.progressSource() == null ? ProgressSource.MANUAL : body.progressSource();
        recompute(kr);
        kr.persist();
        record(kr, HistorySource.valueOf(kr.progressSource.name()), "created: " + cause);
        Panache.getEntityManager().flush();
        events.publish(KeyResultEvents.CREATED, kr);
        objectives.keyResultsChanged(objectiveId, "key result " + kr.id + " added: " + cause);
        return pace.view(kr);
    }

    /** The filters of {@code GET /key-results}; null means "any". */
    public record KeyResultFilter(UUID objectiveId, UUID cycleId, String ownerId, PaceStatus status, String q) {
    }

    /**
     * The status is derived from the time, so it is filtered when read: with {@code status} every key result
     * matching the other filters is loaded, its status computed, and the page cut from those that match.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<KeyResultView> list(KeyResultFilter filter, Sort sort, PageRequest page) {
        List<UUID> hidden = objectives.hiddenFromCaller(); // of PRIVATE objectives the caller may not see
        Criteria criteria = Criteria.where().eq("objectiveId", filter.objectiveId()).eq("cycleId", filter.cycleId())
                .eq("ownerId", filter.ownerId()).contains("title", filter.q())
                .when(hidden.isEmpty() ? null : hidden, "objectiveId not in :hidden", "hidden");
        PanacheQuery<KeyResult> query = KeyResult.find(criteria.query(), sort, criteria.parameters());
        PageResponse<KeyResult> found;
        if (filter.status() == null) {
            found = PageResponse.of(query, page, kr -> kr);
        } else {
            List<KeyResult> all = query.list();
            Map<UUID, PaceStatus> statuses = pace.statuses(all);
            found = PageResponse.of(all.stream().filter(kr -> statuses.get(kr.id) == filter.status()).toList(), page);
        }
        return new PageResponse<>(pace.views(found.items()), found.page(), found.size(), found.totalItems(),
                found.totalPages());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyResultView get(UUID id) {
        return pace.view(requireVisible(id));
    }

    /**
     * The key result as it was at {@code asOf} (docs/api.md): progress, current value and confidence from its
     * history, its pace as of then, all else as now. 404 when it did not exist yet.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyResultView get(UUID id, Instant asOf) {
        KeyResult kr = requireVisible(id);
        List<KeyResultView> then = pace.viewsAsOf(List.of(kr), asOf);
        if (then.isEmpty()) {
            throw new ProblemException(ProblemType.NOT_FOUND, "Key result " + id + " did not exist yet at " + asOf
                    + "; it was created at " + kr.createdAt);
        }
        return then.get(0);
    }

    /**
     * The progress series of docs/api.md: one point per day or week from {@code from} (default the cycle's start)
     * to {@code to} (default today or the due date, whichever is earlier), the last state in each carried forward.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Series series(UUID id, LocalDate from, LocalDate to, SeriesInterval interval) {
        KeyResult kr = requireVisible(id);
        Cycle cycle = cycles.require(kr.cycleId);
        LocalDate due = KeyResultPace.dueDate(kr, cycle);
        LocalDate first = from != null ? from : cycle.startDate;
        LocalDate last = to;
        if (last == null) {
            LocalDate today = LocalDate.ofInstant(pace.now(), ZoneOffset.UTC);
            last = today.isBefore(due) ? today : due;
            last = last.isBefore(first) ? first : last;
        }
        List<State> history = ProgressEntry.<ProgressEntry>list("keyResultId = ?1 and at < ?2", HISTORY_ORDER, id,
                        PaceCalculator.endOf(last)).stream()
                .map(e -> new State(e.at, e.progress, KeyResultDtos.plain(e.currentValue), e.confidence)).toList();
        State initial = new State(Instant.MIN, 0.0, KeyResultDtos.plain(kr.startValue), null);
        return SeriesBuilder.build(first, last, interval == null ? SeriesInterval.DAY : interval, initial, history,
                at -> PaceCalculator.expectedProgress(cycle.startDate, due, at));
    }

    /** The whole history of a key result within [from, to) (either bound may be null), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<HistoryView> history(UUID id, Instant from, Instant to) {
        Criteria criteria = historyCriteria(id, from, to);
        return ProgressEntry.<ProgressEntry>list(criteria.query(), HISTORY_ORDER, criteria.parameters()).stream()
                .map(HistoryView::of).toList();
    }

    /** One page of that history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<HistoryView> history(UUID id, Instant from, Instant to, PageRequest page) {
        Criteria criteria = historyCriteria(id, from, to);
        return PageResponse.of(ProgressEntry.<ProgressEntry>find(criteria.query(), HISTORY_ORDER,
                criteria.parameters()), page, HistoryView::of);
    }

    private Criteria historyCriteria(UUID id, Instant from, Instant to) {
        requireVisible(id);
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return Criteria.where().eq("keyResultId", id)
                .when(from, "at >= :from", "from")
                .when(to, "at < :to", "to");
    }

    public KeyResultView update(UUID id, String ifMatch, JsonNode patch, String cause) {
        KeyResult kr = require(id);
        objectives.requireMayChangeKeyResults(kr.objectiveId);
        IfMatch.check(ifMatch, kr.version);
        Cycle cycle = cycles.require(kr.cycleId);
        CycleService.requireOpen(cycle);
        KeyResultUpdate update = patcher.apply(KeyResultUpdate.of(kr), patch, KeyResultUpdate.class);
        if (!Objects.equals(update.dueDate(), kr.dueDate)) {
            checkDueDate(update.dueDate(), cycle);
        }
        if (!Objects.equals(update.score(), kr.score) && cycle.phase != CyclePhase.RETROSPECTIVE) {
            throw ProblemException.conflict("A score can be given only while the cycle is in RETROSPECTIVE; it is "
                    + cycle.phase);
        }
        checkScale(update.metricType(), update.startValue(), update.targetValue());
        if (update.progressSource() == ProgressSource.TASKS && kr.progressSource == ProgressSource.TASKS
                && update.currentValue().compareTo(kr.currentValue) != 0) {
            throw ProblemException.invalid("currentValue", "follows the linked tasks of a TASKS key result");
        }
        Double confidenceBefore = kr.confidence;
        kr.title = update.title().trim();
        kr.ownerId = update.ownerId().trim();
        kr.dueDate = update.dueDate();
        kr.metricType = update.metricType();
        kr.unit = update.unit();
        kr.startValue = update.startValue();
        kr.targetValue = update.targetValue();
        kr.currentValue = update.currentValue();
        kr.weight = update.weight();
        kr.progressSource = update.progressSource();
        kr.confidence = update.confidence();
        kr.score = update.score();
        applyProgress(kr, HistorySource.MANUAL, cause, confidenceBefore);
        Panache.getEntityManager().flush();
        events.publish(KeyResultEvents.UPDATED, kr);
        return pace.view(kr);
    }

    public void delete(UUID id, String ifMatch) {
        KeyResult kr = require(id);
        objectives.requireMayChangeKeyResults(kr.objectiveId);
        IfMatch.check(ifMatch, kr.version);
        CycleService.requireOpen(cycles.require(kr.cycleId));
        events.publish(KeyResultEvents.DELETED, kr);
        ProgressEntry.delete("keyResultId", id);
        kr.delete();
        Panache.getEntityManager().flush();
        objectives.keyResultsChanged(kr.objectiveId, "key result " + id + " deleted");
    }

    /**
     * Recomputes a key result's progress after anything it depends on changed; when progress, value or
     * confidence (from {@code confidenceBefore}) moved, appends a history entry naming the cause; when progress
     * or value moved, announces {@code okr.key-result.progress-changed}; and updates the objective.
     */
    public void applyProgress(KeyResult kr, HistorySource source, String cause, Double confidenceBefore) {
        recordIfMoved(kr, source, cause, confidenceBefore);
        objectives.keyResultsChanged(kr.objectiveId, "key result " + kr.id + " changed: " + cause);
    }

    /** The newest rollup of one key result's linked tasks (project.key-result-work), and what caused it. */
    public record TaskWork(UUID keyResultId, long sequence, BigDecimal doneWeight, BigDecimal countedWeight,
                           String cause) {
    }

    /**
     * Rollups of linked tasks arrived, at most one per key result. A key result keeps a rollup only if it is
     * newer than the one it holds; a TASKS key result then follows it (not in a CLOSED cycle, and not once it was
     * rolled over: its open tasks moved on, and it must not jump to the share of those left DONE), each moved key
     * result with one history entry and one event, and each objective concerned is recomputed once.
     */
    public void tasksWorkChanged(List<TaskWork> rollups) {
        List<UUID> ids = rollups.stream().map(TaskWork::keyResultId).toList();
        Map<UUID, KeyResult> known = KeyResult.<KeyResult>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(kr -> kr.id, kr -> kr));
        Set<UUID> rolledOver = Set.copyOf(KeyResult.<KeyResult>list("previousId in ?1", ids).stream()
                .map(next -> next.previousId).toList());
        Map<UUID, String> objectivesMoved = new LinkedHashMap<>(); // each with the cause of its first moved key result
        for (TaskWork work : rollups) {
            KeyResult kr = known.get(work.keyResultId());
            if (kr == null || work.sequence() <= kr.tasksSequence) {
                continue; // deleted here, or a rollup no newer than the one applied
            }
            kr.tasksSequence = work.sequence();
            kr.tasksDoneWeight = work.doneWeight();
            kr.tasksCountedWeight = work.countedWeight();
            if (kr.progressSource == ProgressSource.TASKS && !cycles.require(kr.cycleId).isClosed()
                    && !rolledOver.contains(kr.id) && recordIfMoved(kr, HistorySource.TASKS, work.cause(), kr.confidence)) {
                objectivesMoved.putIfAbsent(kr.objectiveId, "key result " + kr.id + " changed: " + work.cause());
            }
        }
        objectivesMoved.forEach(objectives::keyResultsChanged);
    }

    /**
     * A check-in was recorded (checkin.check-ins): confidence, and for a MANUAL key result its value, unless
     * the cycle is CLOSED or a newer check-in was applied already.
     */
    public void checkInRecorded(UUID keyResultId, BigDecimal value, Double confidence, Instant madeAt, String cause) {
        KeyResult kr = KeyResult.findById(keyResultId);
        if (kr == null || cycles.require(kr.cycleId).isClosed()
                || kr.lastCheckInAt != null && madeAt.isBefore(kr.lastCheckInAt)) {
            return;
        }
        kr.lastCheckInAt = madeAt;
        Double confidenceBefore = kr.confidence;
        if (confidence != null) {
            kr.confidence = confidence;
        }
        if (value != null && kr.progressSource == ProgressSource.MANUAL) {
            kr.currentValue = value;
        }
        applyProgress(kr, HistorySource.CHECKIN, cause, confidenceBefore);
        Panache.getEntityManager().flush();
        events.publish(KeyResultEvents.UPDATED, kr);
    }

    /** The key result, or 404 also when its objective is PRIVATE and the caller may not see it. */
    public KeyResult requireVisible(UUID id) {
        KeyResult kr = require(id);
        if (!objectives.visibleToCaller(kr.objectiveId)) {
            throw ProblemException.notFound("Key result", id);
        }
        return kr;
    }

    /** The key result, or 404. */
    public KeyResult require(UUID id) {
        KeyResult kr = KeyResult.findById(id);
        if (kr == null) {
            throw ProblemException.notFound("Key result", id);
        }
        return kr;
    }

    /**
     * Recomputes progress; when it, the value or the confidence moved, a history entry; when progress or value
     * moved, also a progress-changed event (the answer).
     */
    private boolean recordIfMoved(KeyResult kr, HistorySource source, String cause, Double confidenceBefore) {
        double before = kr.progress;
        BigDecimal valueBefore = kr.currentValue;
        recompute(kr);
        boolean moved = before != kr.progress || valueBefore.compareTo(kr.currentValue) != 0;
        if (moved || !Objects.equals(confidenceBefore, kr.confidence)) {
            record(kr, source, cause);
        }
        if (!moved) {
            return false;
        }
        Panache.getEntityManager().flush();
        events.publish(KeyResultEvents.PROGRESS_CHANGED, kr);
        return true;
    }

    private static void recompute(KeyResult kr) {
        if (kr.progressSource == ProgressSource.TASKS) {
            kr.progress = ProgressCalculator.tasks(kr.tasksDoneWeight, kr.tasksCountedWeight);
            kr.currentValue = ProgressCalculator.valueAt(kr.startValue, kr.targetValue, kr.tasksDoneWeight,
                    kr.tasksCountedWeight);
        } else {
            kr.progress = ProgressCalculator.manual(kr.startValue, kr.targetValue, kr.currentValue);
        }
    }

    private void record(KeyResult kr, HistorySource source, String cause) {
        ProgressEntry entry = new ProgressEntry();
        entry.id = UUID.randomUUID();
        entry.keyResultId = kr.id;
        entry.at = pace.now();
        entry.progress = kr.progress;
        entry.currentValue = kr.currentValue;
        entry.confidence = kr.confidence;
        entry.source = source;
        entry.cause = cause.length() > 300 ? cause.substring(0, 300) : cause;
        entry.persist();
    }

    /** A due date lies within its cycle: after its first day, at the latest its last (null: the last). */
    private static void checkDueDate(LocalDate dueDate, Cycle cycle) {
        if (dueDate != null && (!dueDate.isAfter(cycle.startDate) || dueDate.isAfter(cycle.endDate))) {
            throw ProblemException.invalid("dueDate", "must be within the cycle: after " + cycle.startDate
                    + " and at the latest " + cycle.endDate);
        }
    }

    private static void checkScale(MetricType type, BigDecimal start, BigDecimal target) {
        if (type == MetricType.BOOLEAN
                && (start.compareTo(BigDecimal.ZERO) != 0 || target.compareTo(BigDecimal.ONE) != 0)) {
            throw ProblemException.invalid("targetValue", "of a BOOLEAN key result is 1, from startValue 0");
        }
        if (start.compareTo(target) == 0) {
            throw ProblemException.invalid("targetValue", "must not equal startValue");
        }
    }
}
