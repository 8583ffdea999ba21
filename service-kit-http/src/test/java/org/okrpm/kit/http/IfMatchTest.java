package org.okrpm.kit.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.okrpm.kit.problem.ProblemException;
import org.okrpm.kit.problem.ProblemType;

/** Optimistic concurrency: which If-Match values pass for version 7, and which are 412. */
class IfMatchTest {

    @Test
    void theETagOfAVersionIsTheQuotedNumber() {
        assertEquals("\"7\"", IfMatch.etag(7));
        assertEquals("\"0\"", IfMatch.etag(0));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "*", " * "})
    void noConditionOrAWildcardPasses(String ifMatch) {
        assertDoesNotThrow(() -> IfMatch.check(ifMatch, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"7\"", " \"7\" ", "W/\"7\"", "\"3\", \"7\"", "\"3\",W/\"7\"", "W/\"1\" , \"7\" , \"9\""})
    void theCurrentVersionPassesStrongWeakOrInAList(String ifMatch) {
        assertDoesNotThrow(() -> IfMatch.check(ifMatch, 7));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"6\"", "W/\"6\"", "\"6\", \"8\"", "7", "W/7", "\"77\"", "\"7 \"", "w/\"7\"", "\"07\""})
    void aStaleOrMalformedTagIsPreconditionFailed(String ifMatch) {
        ProblemException problem = assertThrows(ProblemException.class, () -> IfMatch.check(ifMatch, 7));

        assertEquals(ProblemType.PRECONDITION_FAILED, problem.type());
        assertEquals(412, problem.type().status());
    }

    @Test
    void thePreconditionFailureNamesBothVersions() {
        ProblemException problem = assertThrows(ProblemException.class, () -> IfMatch.check(" \"6\" ", 7));

        assertEquals("If-Match \"6\" does not match the current version \"7\"", problem.getMessage());
    }

    @Test
    void theETagOfAVersionPassesForThatVersionOnly() {
        assertDoesNotThrow(() -> IfMatch.check(IfMatch.etag(41), 41));
        assertTrue(assertThrows(ProblemException.class, () -> IfMatch.check(IfMatch.etag(41), 42))
                .type() == ProblemType.PRECONDITION_FAILED);
    }
}
