package org.okrpm.checkin.checkin;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.okrpm.checkin.checkin.CheckInDtos.CheckInCreate;
import org.okrpm.checkin.checkin.CheckInDtos.CheckInView;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.KeyResultFact;
import org.okrpm.checkin.okr.ObjectiveAudience;
import org.okrpm.checkin.okr.OkrFacts;
import org.okrpm.checkin.okr.ProgressSource;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;

@ApplicationScoped
@Transactional
public class CheckInService {

    /** Newest first, id as tie-breaker. */
    static final Sort NEWEST_FIRST = Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

    @Inject
    OkrFacts okr;

    @Inject
    CheckInEvents events;

    @Inject
    ObjectiveAudience audience;

    /**
     * The filters of {@code GET /check-ins}; null means "any". {@code since} is inclusive; {@code cycleId} is the
     * cycle of the check-in's key result (the replica knows it for every key result a check-in was taken on);
     * {@code latest} keeps only the newest check-in of each key result.
     */
    public record CheckInFilter(UUID keyResultId, UUID cycleId, String authorId, Instant since, boolean latest) {
    }

    /**
     * Records a check-in by {@code authorId} on a key result whose cycle is in EXECUTION, and its
     * {@code checkin.check-in.recorded} event in the same transaction (outbox).
     */
    public CheckInView record(CheckInCreate body, String authorId) {
        KeyResultFact kr = okr.keyResult(body.keyResultId()).filter(k -> audience.canSeeKeyResult(k.id()))
                .orElseThrow(() -> ProblemException.unprocessable("keyResultId",
                        "Key result " + body.keyResultId() + " does not exist"));
        checkValue(kr, body);
        CyclePhase phase = okr.cyclePhase(kr.cycleId()).orElseThrow(() -> ProblemException.unprocessable(
                "keyResultId", "The cycle " + kr.cycleId() + " of key result " + kr.id() + " is not known"));
        if (phase != CyclePhase.EXECUTION) {
            throw ProblemException.conflict("Check-ins are taken while the cycle is in EXECUTION; the cycle of key result "
                    + kr.id() + " is in " + phase);
        }
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.keyResultId = kr.id();
        checkIn.value = body.value();
        checkIn.confidence = body.confidence();
        checkIn.comment = body.comment();
        checkIn.blockers = body.blockers();
        checkIn.authorId = authorId;
        checkIn.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        checkIn.persistAndFlush();
        events.recorded(checkIn, kr);
        return CheckInView.of(checkIn);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<CheckInView> list(CheckInFilter filter, Sort sort, PageRequest page) {
        List<UUID> hidden = audience.hiddenKeyResults();
        Criteria criteria = Criteria.where()
                .when(hidden.isEmpty() ? null : hidden, "keyResultId not in :hidden", "hidden")
                .eq("keyResultId", filter.keyResultId())
                .eq("authorId", filter.authorId())
                .when(filter.since(), "createdAt >= :since", "since")
                .when(filter.cycleId(),
                        "keyResultId in (select r.id from KeyResultReplica r where r.cycleId = :cycleId)", "cycleId");
        String query = criteria.query();
        if (filter.latest()) {
            // two check-ins of one key result in the same microsecond would both count as its newest
            query += " and id in (select c.id from CheckIn c where c.createdAt = "
                    + "(select max(n.createdAt) from CheckIn n where n.keyResultId = c.keyResultId))";
        }
        return PageResponse.of(CheckIn.<CheckIn>find(query, sort, criteria.parameters()), page, CheckInView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public CheckInView get(UUID id) {
        CheckIn checkIn = CheckIn.findById(id);
        if (checkIn == null || !audience.canSeeKeyResult(checkIn.keyResultId)) {
            throw ProblemException.notFound("Check-in", id);
        }
        return CheckInView.of(checkIn);
    }

    /** A MANUAL key result moves by the value of its check-ins; a TASKS one by its tasks, so it takes none. */
    private static void checkValue(KeyResultFact kr, CheckInCreate body) {
        if (kr.progressSource() == ProgressSource.MANUAL && body.value() == null) {
            throw ProblemException.invalid("value", "is required for a MANUAL key result");
        }
        if (kr.progressSource() == ProgressSource.TASKS) {
            if (body.value() != null) {
                throw ProblemException.invalid("value",
                        "is not allowed for a TASKS key result; its value follows its linked tasks");
            }
            if (body.confidence() == null && isBlank(body.comment()) && isBlank(body.blockers())) {
                throw ProblemException.invalid("confidence",
                        "a check-in of a TASKS key result needs a confidence, a comment or blockers");
            }
        }
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
