package org.okrpm.checkin.review;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.okrpm.checkin.okr.OkrFacts;
import org.okrpm.checkin.review.ReviewDtos.ReviewCreate;
import org.okrpm.checkin.review.ReviewDtos.ReviewView;
import org.okrpm.kit.paging.PageRequest;
import org.okrpm.kit.paging.PageResponse;
import org.okrpm.kit.persistence.Criteria;
import org.okrpm.kit.problem.ProblemException;
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

    public ReviewView create(ReviewCreate body, String createdBy) {
        List<String> participants = new ArrayList<>(new LinkedHashSet<>(body.participants().stream()
                .map(String::trim).toList()));
        if (body.type() == ReviewType.ONE_ON_ONE && participants.size() != 2) {
            throw ProblemException.invalid("participants", "of a ONE_ON_ONE must be exactly 2 different people");
        }
        boolean noTeam = body.teamId() == null || body.teamId().isBlank();
        if (body.type() == ReviewType.TEAM_REVIEW && noTeam) {
            throw ProblemException.invalid("teamId", "is required for a TEAM_REVIEW");
        }
        List<UUID> objectiveIds = body.objectiveIds() == null ? List.of()
                : new ArrayList<>(new LinkedHashSet<>(body.objectiveIds()));
        for (UUID objectiveId : objectiveIds) {
            if (okr.objective(objectiveId).isEmpty()) {
                throw ProblemException.unprocessable("objectiveIds", "Objective " + objectiveId + " does not exist");
            }
        }
        Review review = new Review();
        review.id = UUID.randomUUID();
        review.type = body.type();
        review.teamId = noTeam ? null : body.teamId().trim();
        review.participants.addAll(participants);
        review.objectiveIds.addAll(objectiveIds);
        review.notes = body.notes();
        review.heldOn = body.heldOn();
        review.createdBy = createdBy;
        review.persistAndFlush();
        return ReviewView.of(review, caller.get());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PageResponse<ReviewView> list(String teamId, UUID objectiveId, Sort sort, PageRequest page) {
        Criteria criteria = Criteria.where()
                .eq("teamId", teamId)
                .when(objectiveId, ":objectiveId member of objectiveIds", "objectiveId");
        Caller viewer = caller.get();
        return PageResponse.of(Review.<Review>find(criteria.query(), sort, criteria.parameters()), page,
                review -> ReviewView.of(review, viewer));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ReviewView get(UUID id) {
        Review review = Review.findById(id);
        if (review == null) {
            throw ProblemException.notFound("Review", id);
        }
        return ReviewView.of(review, caller.get());
    }
}
