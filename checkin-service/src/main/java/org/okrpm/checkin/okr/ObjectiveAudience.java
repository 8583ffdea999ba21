package org.okrpm.checkin.okr;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.okrpm.kit.security.Caller;
import org.okrpm.kit.security.CurrentCaller;
import org.okrpm.kit.security.Ownership;

/**
 * okr-service's rule for a PRIVATE objective, applied to what hangs off it here: only its owner, its creator,
 * members of its team and admins see it, so only they see the check-ins of its key results. For everyone else
 * those check-ins do not exist (a 404, left out of lists), as the objective does not in okr-service.
 */
@ApplicationScoped
public class ObjectiveAudience {

    public static final String PUBLIC = "PUBLIC";
    static final String PRIVATE = "PRIVATE";

    @Inject
    CurrentCaller caller;

    /** The key results of the PRIVATE objectives the caller may not see (few: private objectives are rare). */
    public List<UUID> hiddenKeyResults() {
        Caller current = caller.get();
        if (current.isAdmin()) {
            return List.of();
        }
        List<UUID> hiddenObjectives = ObjectiveReplica.<ObjectiveReplica>list("visibility", PRIVATE).stream()
                .filter(o -> !Ownership.allows(current, new Ownership.Owned(o.ownerId, o.createdBy, o.teamId)))
                .map(o -> o.id).toList();
        if (hiddenObjectives.isEmpty()) {
            return List.of();
        }
        return KeyResultReplica.<KeyResultReplica>list("objectiveId in ?1", hiddenObjectives).stream()
                .map(kr -> kr.id).toList();
    }

    /** Who may see an objective, as events tell readers: its visibility (PUBLIC when unknown here) and people. */
    public record Audience(String visibility, String ownerId, String createdBy, String teamId) {
    }

    public Audience of(UUID objectiveId) {
        ObjectiveReplica objective = objectiveId == null ? null : ObjectiveReplica.findById(objectiveId);
        return objective == null ? new Audience(PUBLIC, null, null, null)
                : new Audience(objective.visibility, objective.ownerId, objective.createdBy, objective.teamId);
    }

    /** Whether the caller may see the key result's objective (true when the objective is unknown here). */
    public boolean canSeeKeyResult(UUID keyResultId) {
        KeyResultReplica kr = KeyResultReplica.findById(keyResultId);
        ObjectiveReplica objective = kr == null ? null : ObjectiveReplica.findById(kr.objectiveId);
        return objective == null || !PRIVATE.equals(objective.visibility)
                || Ownership.allows(caller.get(), new Ownership.Owned(objective.ownerId, objective.createdBy,
                objective.teamId));
    }
}
