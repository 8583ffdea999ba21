package org.okrpm.project.events;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.token;
import static org.okrpm.project.ProjectFixtures.project;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.okrpm.project.OkrServiceStub;

/**
 * okr-service has two replicas and the first one refuses connections (nothing listens on its port): the lookup
 * of a key result the replica has not seen yet is asked once more, of the other replica, and succeeds.
 */
@QuarkusTest
@TestProfile(OkrServiceReplicasTest.FirstReplicaDown.class)
class OkrServiceReplicasTest {

    public static class FirstReplicaDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("%test.okrpm.lookup.okr-service.replicas",
                    "http://127.0.0.1:1,${" + OkrServiceStub.URL + "}");
        }
    }

    @Test
    void lookupsSucceedWhileOneOfOkrServicesReplicasRefusesConnections() {
        String projectId = project();
        String bearer = token("alice", "member");
        for (int i = 0; i < 4; i++) {
            String kr = UUID.randomUUID().toString();
            OkrServiceStub.knows(kr, OkrServiceStub.keyResultJson(kr, 1));
            api().auth().oauth2(bearer).contentType("application/json")
                    .body(Map.of("title", "t" + i, "keyResultId", kr))
                    .post("/api/v1/projects/" + projectId + "/tasks")
                    .then().statusCode(201).body("keyResultId", is(kr));
            assertThat(OkrServiceStub.seen(kr).count(), is(1));
        }
    }
}
