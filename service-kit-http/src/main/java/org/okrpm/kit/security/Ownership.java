package org.okrpm.kit.security;

import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/**
 * Who may change a thing that has an owner: an admin, its owner, its creator, or a member of its team (the token's
 * {@code teams} claim). Everyone else gets a 403 whose detail names the rule, so the client knows whom to ask.
 */
public final class Ownership {

    /** What the rule looks at: the owner's and the creator's subject and the team, each possibly null. */
    public record Owned(String ownerId, String createdBy, String teamId) {
    }

    private Ownership() {
    }

    public static boolean allows(Caller caller, Owned owned) {
        if (caller.isAdmin()) {
            return true;
        }
        String subject = caller.subject();
        return subject != null && (subject.equals(owned.ownerId()) || subject.equals(owned.createdBy()))
                || caller.belongsTo(owned.teamId());
    }

    /**
     * 403 unless {@link #allows}; {@code what} completes the sentence "... may change", e.g. "objective 8d7c…" or
     * "the tasks of project 5f0c…".
     */
    public static void require(Caller caller, Owned owned, String what) {
        if (!allows(caller, owned)) {
            throw new ProblemException(ProblemType.FORBIDDEN, rule(owned, what));
        }
    }

    /** E.g. "Only the owner, the creator, a member of team growth or an admin may change objective 8d7c…". */
    public static String rule(Owned owned, String what) {
        String team = owned.teamId() == null ? "" : ", a member of team " + owned.teamId();
        return "Only the owner, the creator" + team + " or an admin may change " + what;
    }
}
