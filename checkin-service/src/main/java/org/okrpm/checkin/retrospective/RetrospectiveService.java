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

    public RetrospectiveView create(RetrospectiveCreate body, String authorId) {
        CyclePhase phase = okr.cyclePhase(body.cycleId()).orElseThrow(() -> ProblemException.unprocessable(
                "cycleId", "Cycle " + body.cycleId() + " does not exist"));
        ObjectiveFact objective = okr.objective(body.objectiveId())
                .filter(o -> o.cycleId().equals(body.cycleId()))
                .orElseThrow(() -> ProblemException.unprocessable("objectiveId",
                        "Objective " + body.objectiveId() + " does not exist in cycle " + body.cycleId()));
        checkText(body.text());
        requireRetrospectivePhase(phase);
        if (Retrospective.count("objectiveId", objective.id()) > 0) {
            throw ProblemException.conflict("Objective " + objective.id()
                    + " already has a retrospective; change it with PATCH");
        }
        Retrospective retro = new Retrospective();
        retro.id = UUID.randomUUID();
        retro.cycleId = body.cycleId();
        retro.objectiveId = objective.id();
        retro.wentWell = body.wentWell();
        retro.toImprove = body.toImprove();
        retro.lessons = body.lessons();
        retro.authorId = authorId;
        try {
            retro.persistAndFlush();
        } catch (PersistenceException concurrentDuplicate) {
            throw ProblemException.conflict("Objective " + objective.id() + " already has a retrospective");
        }
        return RetrospectiveView.of(retro);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<RetrospectiveView> list(UUID cycleId, UUID objectiveId, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where().eq("cycleId", cycleId).eq("objectiveId", objectiveId);
        return PageResponse.of(Retrospective.<Retrospective>find(criteria.query(), sort,
                criteria.parameters()), page, RetrospectiveView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RetrospectiveView get(UUID id) {
        return RetrospectiveView.of(require(id));
    }

    /** Changes the text while the cycle is still in RETROSPECTIVE. */
    public RetrospectiveView update(UUID id, String ifMatch, JsonNode patch) {
        Retrospective retro = require(id);
        IfMatch.check(ifMatch, retro.version);
        requireRetrospectivePhase(okr.cyclePhase(retro.cycleId).orElse(null));
        RetrospectiveUpdate update = patcher.apply(RetrospectiveUpdate.of(retro), patch, RetrospectiveUpdate.class);
        checkText(update);
        retro.wentWell = update.wentWell();
        retro.toImprove = update.toImprove();
        retro.lessons = update.lessons();
        Panache.getEntityManager().flush();
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
