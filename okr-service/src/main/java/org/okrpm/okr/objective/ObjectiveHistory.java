package org.okrpm.okr.objective;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.okr.objective.ObjectiveDtos.ObjectiveHistoryView;

/** The objective_progress table: one entry per change of an objective's progress, read like a key result's. */
@ApplicationScoped
@Transactional
public class ObjectiveHistory {

    /** The history's one order, oldest first; the id keeps entries of the same instant in place across pages. */
    private static final Sort ORDER = Sort.by("at").and("id");

    private static final int MAX_CAUSE = 300;

    void record(Objective objective, ObjectiveHistorySource source, String cause) {
        ObjectiveProgressEntry entry = new ObjectiveProgressEntry();
        entry.id = UUID.randomUUID();
        entry.objectiveId = objective.id;
        entry.at = Instant.now();
        entry.progress = objective.progress;
        entry.source = source;
        entry.cause = cause.length() > MAX_CAUSE ? cause.substring(0, MAX_CAUSE) : cause;
        entry.persist();
    }

    /** The whole history within [from, to) (either bound may be null), oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    List<ObjectiveHistoryView> list(UUID objectiveId, Instant from, Instant to) {
        Criteria criteria = criteria(objectiveId, from, to);
        return ObjectiveProgressEntry.<ObjectiveProgressEntry>list(criteria.query(), ORDER, criteria.parameters())
                .stream().map(ObjectiveHistoryView::of).toList();
    }

    /** One page of that history. */
    @Transactional(Transactional.TxType.SUPPORTS)
    PageResponse<ObjectiveHistoryView> page(UUID objectiveId, Instant from, Instant to, PageRequest page) {
        Criteria criteria = criteria(objectiveId, from, to);
        return PageResponse.of(ObjectiveProgressEntry.<ObjectiveProgressEntry>find(criteria.query(), ORDER,
                criteria.parameters()), page, ObjectiveHistoryView::of);
    }

    void deleteOf(UUID objectiveId) {
        ObjectiveProgressEntry.delete("objectiveId", objectiveId);
    }

    private static Criteria criteria(UUID objectiveId, Instant from, Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw ProblemException.invalid("to", "must be after from");
        }
        return Criteria.where().eq("objectiveId", objectiveId)
                .when(from, "at >= :from", "from")
                .when(to, "at < :to", "to");
    }
}
