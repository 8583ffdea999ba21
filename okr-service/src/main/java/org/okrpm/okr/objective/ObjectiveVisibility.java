package org.okrpm.okr.objective;

import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.okrpm.kit.security.Caller;
import org.okrpm.kit.security.CurrentCaller;
import org.okrpm.kit.security.Ownership;

/**
 * Who sees a PRIVATE objective (and its key results): its owner, its creator, members of its team and admins,
 * the same people who may change it. For everyone else it does not exist: GET is a 404, lists leave it out.
 */
@ApplicationScoped
public class ObjectiveVisibility {

    @Inject
    CurrentCaller caller;

    public boolean canSee(Objective objective) {
        return canSee(caller.get(), objective);
    }

    static boolean canSee(Caller caller, Objective objective) {
        return objective.visibility != Visibility.PRIVATE || Ownership.allows(caller,
                new Ownership.Owned(objective.ownerId, objective.createdBy, objective.teamId));
    }

    /** A query condition (on Objective) that keeps what the caller may see, with its parameters added. */
    String condition(Parameters parameters) {
        Caller current = caller.get();
        if (current.isAdmin()) {
            return "1 = 1";
        }
        parameters.and("visPublic", Visibility.PUBLIC);
        StringBuilder condition = new StringBuilder("(visibility = :visPublic");
        if (current.subject() != null) {
            // coalesce: a null column must make the test false, not unknown (it is negated in hiddenIds)
            condition.append(" or ownerId = :visMe or coalesce(createdBy, '') = :visMe");
            parameters.and("visMe", current.subject());
        }
        if (!current.teams().isEmpty()) {
            condition.append(" or coalesce(teamId, '') in :visTeams");
            parameters.and("visTeams", List.copyOf(current.teams()));
        }
        return condition.append(")").toString();
    }

    /** The ids of the PRIVATE objectives the caller may not see (few: private objectives are the exception). */
    public List<UUID> hiddenIds() {
        Parameters parameters = Parameters.with("visPrivate", Visibility.PRIVATE);
        String visible = condition(parameters);
        if (visible.equals("1 = 1")) {
            return List.of();
        }
        return Objective.<Objective>find("visibility = :visPrivate and not " + visible, parameters)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of an objective's id. */
    public record IdOnly(UUID id) {
    }
}
