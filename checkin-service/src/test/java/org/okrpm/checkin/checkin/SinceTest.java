package org.okrpm.checkin.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.okrpm.kit.problem.ProblemException;

class SinceTest {

    @Test
    void aDateMeansTheStartOfThatDayInUtc() {
        assertEquals(Instant.parse("2026-11-25T00:00:00Z"), Since.parse("2026-11-25"));
    }

    @Test
    void anInstantMayCarryAnOffset() {
        assertEquals(Instant.parse("2026-11-25T10:15:30.123Z"), Since.parse("2026-11-25T10:15:30.123Z"));
        assertEquals(Instant.parse("2026-11-25T08:15:30Z"), Since.parse("2026-11-25T10:15:30+02:00"));
    }

    @Test
    void absentIsNoFilter() {
        assertNull(Since.parse(null));
        assertNull(Since.parse(" "));
    }

    @Test
    void anythingElseIsInvalid() {
        for (String bad : new String[] {"yesterday", "2026-13-01", "2026-11-25T10:15", "25.11.2026"}) {
            ProblemException e = assertThrows(ProblemException.class, () -> Since.parse(bad));
            assertEquals(400, e.type().status());
            assertEquals("since", e.errors().get(0).field());
        }
    }
}
