package org.okrpm.okr.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which scoped subscriptions an event reaches, from what its snapshot carries. */
class EventScopeTest {

    private static final UUID CYCLE = UUID.randomUUID();
    private static final UUID OBJECTIVE = UUID.randomUUID();
    private static final UUID PROJECT = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text.replace('\'', '"'));
    }

    @Test
    void aLinkedTaskReachesItsKeyResultsCycleAndObjectiveAndItsProject() throws Exception {
        EventScope scope = EventScope.of("task.completed", json("{'id': '" + UUID.randomUUID() + "', 'projectId': '"
                + PROJECT + "', 'cycleId': '" + CYCLE + "', 'objectiveId': '" + OBJECTIVE + "'}"));
        assertTrue(scope.within(CYCLE, null, null));
        assertTrue(scope.within(CYCLE, OBJECTIVE, PROJECT));
        assertFalse(scope.within(OTHER, null, null));
        assertFalse(scope.within(null, null, OTHER));
    }

    @Test
    void anUnlinkedTaskReachesOnlyUnscopedOrProjectScopedSubscriptions() throws Exception {
        EventScope scope = EventScope.of("task.created", json("{'projectId': '" + PROJECT + "', 'cycleId': null}"));
        assertTrue(scope.within(null, null, PROJECT));
        assertFalse(scope.within(CYCLE, null, null));
    }

    @Test
    void aProjectReachesEveryCycleAndObjectiveOfItsLinkedKeyResults() throws Exception {
        EventScope scope = EventScope.of("project.health-changed", json("{'id': '" + PROJECT + "', 'cycleIds': ['"
                + OTHER + "', '" + CYCLE + "'], 'objectiveIds': ['" + OBJECTIVE + "', 'not-a-uuid']}"));
        assertTrue(scope.within(CYCLE, OBJECTIVE, PROJECT));
        assertTrue(scope.within(OTHER, null, null));
        assertFalse(scope.within(null, UUID.randomUUID(), null));
    }

    @Test
    void aCheckInReachesItsCycleAndObjective() throws Exception {
        EventScope scope = EventScope.of("check-in.recorded", json("{'cycleId': '" + CYCLE + "', 'objectiveId': '"
                + OBJECTIVE + "'}"));
        assertTrue(scope.within(CYCLE, OBJECTIVE, null));
        assertFalse(scope.within(null, null, PROJECT));
    }
}
