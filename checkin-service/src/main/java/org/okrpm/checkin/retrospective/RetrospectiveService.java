package org.okrpm.checkin.retrospective;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.okrpm.checkin.okr.CyclePhase;
import org.okrpm.checkin.okr.ObjectiveFact;
import org.okrpm.checkin.okr.OkrFacts;
import org.okrpm.checkin.retrospective.RetrospectiveDtos.RetrospectiveCreate;
import org.okrpm.checkin.retrospective.RetrospectiveDtos.RetrospectiveUpdate;
import org.okrpm.checkin.retrospective.RetrospectiveDtos.RetrospectiveView;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;

@ApplicationScoped
@Transactional
public class RetrospectiveService {

    @Inject
    OkrFacts okr;

    @Inject
    MergePatcher patcher;

    @Inject
    RetrospectiveEvents events;

    /**
     * Writes an objective's retrospective, or a whole-cycle one of a team (no objective), and its
     * {@code checkin.retrospective.written} event in the same transaction (outbox).
     */
    public RetrospectiveView create(RetrospectiveCreate body, String authorId) {
        String teamId = body.teamId() == null || body.teamId().isBlank() ? null : body.teamId().trim();
        if (body.objectiveId() != null && teamId != null) {
            throw ProblemException.invalid("teamId", "is only for a whole-cycle retrospective (without objectiveId); "
                    + "an objective's retrospective takes no teamId");
        }
        if (body.objectiveId() == null && teamId == null) {
            throw ProblemException.invalid("objectiveId", "or teamId is required: an objective's retrospective, or a "
                    + "whole-cycle retrospective of a team");
        }
        CyclePhase phase = okr.cyclePhase(body.cycleId()).orElseThrow(() -> ProblemException.unprocessable(
                "cycleId", "Cycle " + body.cycleId() + " does not exist"));
        UUID objectiveId = body.objectiveId() == null ? null : okr.objective(body.objectiveId())
                .filter(o -> o.cycleId().equals(body.cycleId()))
                .map(ObjectiveFact::id)
                .orElseThrow(() -> ProblemException.unprocessable("objectiveId",
                        "Objective " + body.objectiveId() + " does not exist in cycle " + body.cycleId()));
        checkText(body.text());
        requireRetrospectivePhase(phase);
        String duplicate = objectiveId != null
                ? "Objective " + objectiveId + " already has a retrospective"
                : "Team " + teamId + " already has a whole-cycle retrospective of cycle " + body.cycleId();
        boolean exists = objectiveId != null ? Retrospective.count("objectiveId", objectiveId) > 0
                : Retrospective.count("cycleId = ?1 and teamId = ?2", body.cycleId(), teamId) > 0;
        if (exists) {
            throw ProblemException.conflict(duplicate + "; change it with PATCH");
        }
        Retrospective retro = new Retrospective();
        retro.id = UUID.randomUUID();
        retro.cycleId = body.cycleId();
        retro.objectiveId = objectiveId;
        retro.teamId = teamId;
        retro.wentWell = body.wentWell();
        retro.toImprove = body.toImprove();
        retro.lessons = body.lessons();
        retro.authorId = authorId;
        try {
            retro.persistAndFlush();
        } catch (PersistenceException concurrentDuplicate) {
            throw ProblemException.conflict(duplicate);
        }
        events.written(retro);
        return RetrospectiveView.of(retro);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<RetrospectiveView> list(UUID cycleId, UUID objectiveId, String teamId, Sort sort,
                                                PageRequest page) {
        Criteria criteria = Criteria.where().eq("cycleId", cycleId).eq("objectiveId", objectiveId)
                .eq("teamId", teamId);
        return PageResponse.of(Retrospective.<Retrospective>find(criteria.query(), sort,
                criteria.parameters()), page, RetrospectiveView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RetrospectiveView get(UUID id) {
        return RetrospectiveView.of(require(id));
    }

    /** Changes the text while the cycle is still in RETROSPECTIVE, and publishes the new state. */
    public RetrospectiveView update(UUID id, String ifMatch, JsonNode patch) {
        Retrospective retro = require(id);
        IfMatch.check(ifMatch, retro.version);
        requireRetrospectivePhase(okr.cyclePhase(retro.cycleId).orElse(null));
        RetrospectiveUpdate update = patcher.apply(RetrospectiveUpdate.of(retro), patch, RetrospectiveUpdate.class);
        checkText(update);
        retro.wentWell = update.wentWell();
        retro.toImprove = update.toImprove();
        retro.lessons = update.lessons();
        long before = retro.version;
        Panache.getEntityManager().flush();
        if (retro.version != before) { // a patch that changed nothing is no news
            events.updated(retro);
        }
        return RetrospectiveView.of(retro);
    }

    private static Retrospective require(UUID id) {
        Retrospective retro = Retrospective.findById(id);
        if (retro == null) {
            throw ProblemException.notFound("Retrospective", id);
        }
        return retro;
    }

    private static void requireRetrospectivePhase(CyclePhase phase) {
        if (phase != CyclePhase.RETROSPECTIVE) {
            throw ProblemException.conflict("Retrospectives are written while the cycle is in RETROSPECTIVE; it is "
                    + (phase == null ? "unknown" : phase));
        }
    }

    private static void checkText(RetrospectiveUpdate text) {
        if (text.isEmpty()) {
            throw ProblemException.invalid("wentWell", "or toImprove or lessons must say something");
        }
    }
}
