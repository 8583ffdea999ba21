package org.okrpm.kit.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;
import org.okrpm.kit.security.Ownership.Owned;

class OwnershipTest {

    private static final Owned OBJECTIVE = new Owned("olivia", "carl", "growth");

    private static Caller member(String subject, String... teams) {
        return new Caller(subject, Set.of(Roles.MEMBER), Set.of(teams), Set.of());
    }

    @Test
    void theOwnerTheCreatorATeamMemberAndAnAdminMayChange() {
        assertTrue(Ownership.allows(member("olivia"), OBJECTIVE));
        assertTrue(Ownership.allows(member("carl"), OBJECTIVE));
        assertTrue(Ownership.allows(member("tom", "sales", "growth"), OBJECTIVE));
        assertTrue(Ownership.allows(new Caller("ada", Set.of(Roles.ADMIN), Set.of(), Set.of()), OBJECTIVE));
    }

    @Test
    void anyoneElseGetsA403NamingTheRule() {
        assertFalse(Ownership.allows(member("mallory", "sales"), OBJECTIVE));
        ProblemException refused = assertThrows(ProblemException.class,
                () -> Ownership.require(member("mallory"), OBJECTIVE, "objective 42"));
        assertEquals(ProblemType.FORBIDDEN, refused.type());
        assertEquals("Only the owner, the creator, a member of team growth or an admin may change objective 42",
                refused.getMessage());
    }

    @Test
    void nothingUnsetMatchesACallerWithoutSubjectOrTeams() {
        Owned legacy = new Owned("olivia", null, null);
        assertFalse(Ownership.allows(new Caller(null, Set.of(Roles.MEMBER), Set.of(), Set.of()), legacy));
        assertEquals("Only the owner, the creator or an admin may change project 7", Ownership.rule(legacy, "project 7"));
    }

    @Test
    void teamsAreReadFromAJsonArrayAListOrOneString() {
        assertEquals(Set.of("a", "b"), CurrentCaller.strings(Json.createArrayBuilder().add("a").add("b").build()));
        assertEquals(Set.of("a"), CurrentCaller.strings(List.of("a", "")));
        assertEquals(Set.of("a"), CurrentCaller.strings("a"));
        assertEquals(Set.of(), CurrentCaller.strings(null));
    }
}
