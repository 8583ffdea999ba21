package org.okrpm.checkin.review;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.okrpm.checkin.okr.ObjectiveFact;
import org.okrpm.checkin.okr.OkrFacts;
import org.okrpm.checkin.review.ReviewDtos.ReviewCreate;
import org.okrpm.checkin.review.ReviewDtos.ReviewUpdate;
import org.okrpm.checkin.review.ReviewDtos.ReviewView;
import org.okrpm.kit.http.IfMatch;
import org.okrpm.kit.http.MergePatcher;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.security.Caller;
import org.okrpm.kit.security.CurrentCaller;

@ApplicationScoped
@Transactional
public class ReviewService {

    /** The latest meeting first. */
    static final Sort LATEST_FIRST = Sort.by("heldOn", Sort.Direction.Descending)
            .and("createdAt", Sort.Direction.Descending).and("id");

    @Inject
    OkrFacts okr;

    @Inject
    CurrentCaller caller;

    @Inject
    MergePatcher patcher;

    public ReviewView create(ReviewCreate body, String createdBy) {
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.type = body.type();
        review.createdBy = createdBy;
        apply(review, body.fields());
        review.persistAndFlush();
        return ReviewView.of(review, caller.get());
    }

    /** The filters of {@code GET /reviews}; null means "any". */
    public record ReviewFilter(String teamId, UUID objectiveId, UUID cycleId) {
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ReviewView> list(ReviewFilter filter, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where()
                .eq("teamId", filter.teamId())
                .eq("cycleId", filter.cycleId())
                .when(filter.objectiveId(), ":objectiveId member of objectiveIds", "objectiveId");
        Caller viewer = caller.get();
        return PageResponse.of(Review.<Review>find(criteria.query(), sort, criteria.parameters()), page,
                review -> ReviewView.of(review, viewer));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewView get(UUID id) {
        return ReviewView.of(require(id), caller.get());
    }

    /**
     * A merge patch of everything but the type, by its creator, a participant or an admin; the create rules apply
     * to the result. A ONE_ON_ONE's notes change only by its participants or an admin (whoever may not read them
     * may not overwrite them either), and the answer shows them only to those who may read them.
     */
    public ReviewView update(UUID id, String ifMatch, JsonNode patch) {
        Review review = require(id);
        Caller current = caller.get();
        requireMayChange(review, current);
        IfMatch.check(ifMatch, review.version);
        ReviewUpdate update = patcher.apply(ReviewUpdate.of(review), patch, ReviewUpdate.class);
        if (!Objects.equals(update.notes(), review.notes) && !ReviewDtos.notesVisibleTo(review, current)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the participants of a ONE_ON_ONE or an admin may change its notes");
        }
        apply(review, update);
        Panache.getEntityManager().flush();
        return ReviewView.of(review, current);
    }

    /** Deletes the review, by its creator, a participant or an admin. */
    public void delete(UUID id, String ifMatch) {
        Review review = require(id);
        requireMayChange(review, caller.get());
        IfMatch.check(ifMatch, review.version);
        review.delete();
    }

    /** The create rules, for a new review and for the result of a patch. */
    private void apply(Review review, ReviewUpdate fields) {
        List<String> participants = new ArrayList<>(new LinkedHashSet<>(fields.participants().stream()
                .map(String::trim).toList()));
        if (review.type == ReviewType.ONE_ON_ONE && participants.size() != 2) {
            throw ProblemException.invalid("participants", "of a ONE_ON_ONE must be exactly 2 different people");
        }
        boolean noTeam = fields.teamId() == null || fields.teamId().isBlank();
        if (review.type == ReviewType.TEAM_REVIEW && noTeam) {
            throw ProblemException.invalid("teamId", "is required for a TEAM_REVIEW");
        }
        if (fields.cycleId() != null && okr.cyclePhase(fields.cycleId()).isEmpty()) {
            throw ProblemException.unprocessable("cycleId", "Cycle " + fields.cycleId() + " does not exist");
        }
        List<UUID> objectiveIds = fields.objectiveIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(fields.objectiveIds()));
        for (UUID objectiveId : objectiveIds) {
            ObjectiveFact objective = okr.objective(objectiveId).orElseThrow(() -> ProblemException.unprocessable(
                    "objectiveIds", "Objective " + objectiveId + " does not exist"));
            if (fields.cycleId() != null && !fields.cycleId().equals(objective.cycleId())) {
                throw ProblemException.unprocessable("objectiveIds",
                        "Objective " + objectiveId + " is not in cycle " + fields.cycleId());
            }
        }
        review.cycleId = fields.cycleId();
        review.teamId = noTeam ? null : fields.teamId().trim();
        // replaced only when changed: rewriting an equal collection would bump the version for nothing
        if (!review.participants.equals(participants)) {
            review.participants.clear();
            review.participants.addAll(participants);
        }
        if (!review.objectiveIds.equals(objectiveIds)) {
            review.objectiveIds.clear();
            review.objectiveIds.addAll(objectiveIds);
        }
        review.notes = fields.notes();
        review.heldOn = fields.heldOn();
    }

    /** The creator, a participant or an admin; anyone else gets a 403 naming the rule. */
    private static void requireMayChange(Review review, Caller caller) {
        String subject = caller.subject();
        boolean allowed = caller.isAdmin() || subject != null
                && (subject.equals(review.createdBy) || review.participants.contains(subject));
        if (!allowed) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "Only the creator, a participant or an admin may change review " + review.id);
        }
    }

    private static Review require(UUID id) {
        Review review = Review.findById(id);
        if (review == null) {
            throw ProblemException.notFound("Review", id);
        }
        return review;
    }
}
