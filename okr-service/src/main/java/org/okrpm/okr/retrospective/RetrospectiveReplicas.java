package org.okrpm.okr.retrospective;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.okrpm.kit.lookup.ReplicaWrites;

/** The retrospective replica: written from events, read by the cycle summary. */
@ApplicationScoped
public class RetrospectiveReplicas {

    /**
     * Which objectives of a cycle have a retrospective of their own, and which teams wrote one for the whole
     * cycle.
     */
    public record Coverage(Set<UUID> objectiveIds, Set<String> teamIds) {

        /** Covered by its own retrospective or by a whole-cycle retrospective of its team. */
        public boolean covers(UUID objectiveId, String teamId) {
            return objectiveIds.contains(objectiveId) || teamId != null && teamIds.contains(teamId);
        }
    }

    /** Applies the snapshot when it is newer than the one held; returns whether it changed the replica. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(RetrospectiveSnapshot s) {
        return ReplicaWrites.applyIfNewer(RetrospectiveReplica.class, s.id(), s.version(), row -> row.version, () -> {
            RetrospectiveReplica row = new RetrospectiveReplica();
            row.id = s.id();
            return row;
        }, row -> {
            row.cycleId = s.cycleId();
            row.objectiveId = s.objectiveId();
            // the team only matters for a whole-cycle retrospective; longer ids than checkin-service allows are cut
            String team = s.objectiveId() != null || s.teamId() == null ? null : s.teamId().trim();
            row.teamId = team == null || team.length() <= 100 ? team : team.substring(0, 100);
            row.version = s.version();
        });
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Coverage coverage(UUID cycleId) {
        Set<UUID> objectives = new HashSet<>();
        Set<String> teams = new HashSet<>();
        RetrospectiveReplica.<RetrospectiveReplica>list("cycleId", cycleId).forEach(row -> {
            if (row.objectiveId != null) {
                objectives.add(row.objectiveId);
            }
            if (row.teamId != null) {
                teams.add(row.teamId);
            }
        });
        return new Coverage(Set.copyOf(objectives), Set.copyOf(teams));
    }
}
