package org.okrpm.okr.keyresult;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashSet;
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
import org.okrpm.okr.cycle.Cycle;
import org.okrpm.okr.cycle.CyclePhase;
import org.okrpm.okr.cycle.CycleService;
import org.okrpm.okr.keyresult.KeyResultDtos.HistoryView;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultCreate;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultUpdate;
import org.okrpm.okr.keyresult.KeyResultDtos.KeyResultView;

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

    public KeyResultView create(UUID objectiveId, KeyResultCreate body, String cause) {
        UUID cycleId = objectives.requireCycleOf(objectiveId);
        objectives.requireMayChangeKeyResults(objectiveId);
        CycleService.requireOpen(cycles.require(cycleId));
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
        objectives.keyResultsChanged(objectiveId);
        return KeyResultView.of(kr);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<KeyResultView> list(UUID objectiveId, UUID cycleId, String q, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where().eq("objectiveId", objectiveId).eq("cycleId", cycleId).contains("title", q);
        return PageResponse.of(KeyResult.<KeyResult>find(criteria.query(), sort, criteria.parameters()), page,
                KeyResultView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public KeyResultView get(UUID id) {
        return KeyResultView.of(require(id));
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
        require(id);
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
        if (!Objects.equals(update.score(), kr.score) && cycle.phase != CyclePhase.RETROSPECTIVE) {
            throw ProblemException.conflict("A score can be given only while the cycle is in RETROSPECTIVE; it is "
                    + cycle.phase);
        }
        checkScale(update.metricType(), update.startValue(), update.targetValue());
        if (update.progressSource() == ProgressSource.TASKS && kr.progressSource == ProgressSource.TASKS
                && update.currentValue().compareTo(kr.currentValue) != 0) {
            throw ProblemException.invalid("currentValue", "follows the linked tasks of a TASKS key result");
        }
        kr.title = update.title().trim();
        kr.metricType = update.metricType();
        kr.unit = update.unit();
        kr.startValue = update.startValue();
        kr.targetValue = update.targetValue();
        kr.currentValue = update.currentValue();
        kr.weight = update.weight();
        kr.progressSource = update.progressSource();
        kr.confidence = update.confidence();
        kr.score = update.score();
        applyProgress(kr, HistorySource.MANUAL, cause);
        Panache.getEntityManager().flush();
        events.publish(KeyResultEvents.UPDATED, kr);
        return KeyResultView.of(kr);
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
        objectives.keyResultsChanged(kr.objectiveId);
    }

    /**
     * Recomputes a key result's progress after anything it depends on changed; when progress or value
     * moved, appends a history entry naming the cause, announces {@code okr.key-result.progress-changed}
     * and updates the objective.
     */
    public void applyProgress(KeyResult kr, HistorySource source, String cause) {
        recordIfMoved(kr, source, cause);
        objectives.keyResultsChanged(kr.objectiveId);
    }

    /** The newest rollup of one key result's linked tasks (project.key-result-work), and what caused it. */
    public record TaskWork(UUID keyResultId, long sequence, BigDecimal doneWeight, BigDecimal countedWeight,
                           String cause) {
    }

    /**
     * Rollups of linked tasks arrived, at most one per key result. A key result keeps a rollup only if it is
     * newer than the one it holds; a TASKS key result then follows it (not in a CLOSED cycle), each moved key
     * result with one history entry and one event, and each objective concerned is recomputed once.
     */
    public void tasksWorkChanged(List<TaskWork> rollups) {
        List<UUID> ids = rollups.stream().map(TaskWork::keyResultId).toList();
        Map<UUID, KeyResult> known = KeyResult.<KeyResult>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(kr -> kr.id, kr -> kr));
        Set<UUID> objectivesMoved = new LinkedHashSet<>();
        for (TaskWork work : rollups) {
            KeyResult kr = known.get(work.keyResultId());
            if (kr == null || work.sequence() <= kr.tasksSequence) {
                continue; // deleted here, or a rollup no newer than the one applied
            }
            kr.tasksSequence = work.sequence();
            kr.tasksDoneWeight = work.doneWeight();
            kr.tasksCountedWeight = work.countedWeight();
            if (kr.progressSource == ProgressSource.TASKS && !cycles.require(kr.cycleId).isClosed()
                    && recordIfMoved(kr, HistorySource.TASKS, work.cause())) {
                objectivesMoved.add(kr.objectiveId);
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
        if (confidence != null) {
            kr.confidence = confidence;
        }
        if (value != null && kr.progressSource == ProgressSource.MANUAL) {
            kr.currentValue = value;
        }
        applyProgress(kr, HistorySource.CHECKIN, cause);
        Panache.getEntityManager().flush();
        events.publish(KeyResultEvents.UPDATED, kr);
    }

    /** The key result, or 404. */
    public KeyResult require(UUID id) {
        KeyResult kr = KeyResult.findById(id);
        if (kr == null) {
            throw ProblemException.notFound("Key result", id);
        }
        return kr;
    }

    /** Recomputes progress; when it or the value moved, a history entry and a progress-changed event. */
    private boolean recordIfMoved(KeyResult kr, HistorySource source, String cause) {
        double before = kr.progress;
        BigDecimal valueBefore = kr.currentValue;
        recompute(kr);
        if (before == kr.progress && valueBefore.compareTo(kr.currentValue) == 0) {
            return false;
        }
        record(kr, source, cause);
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

    private static void record(KeyResult kr, HistorySource source, String cause) {
        ProgressEntry entry = new ProgressEntry();
        entry.id = UUID.randomUUID();
        entry.keyResultId = kr.id;
        entry.at = Instant.now();
        entry.progress = kr.progress;
        entry.currentValue = kr.currentValue;
        entry.source = source;
        entry.cause = cause.length() > 300 ? cause.substring(0, 300) : cause;
        entry.persist();
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
