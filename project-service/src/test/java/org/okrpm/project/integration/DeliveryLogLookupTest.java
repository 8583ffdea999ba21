package org.okrpm.project.integration;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.project.ProjectFixtures.project;
import static org.okrpm.project.integration.Webhooks.REPO;
import static org.okrpm.project.integration.Webhooks.asIntegrator;
import static org.okrpm.project.integration.Webhooks.github;
import static org.okrpm.project.integration.Webhooks.githubIssue;
import static org.okrpm.project.integration.Webhooks.secret;

import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The delivery log looked up the way a tool's own screens name a delivery: by its delivery id. */
@QuarkusTest
class DeliveryLogLookupTest {

    @Test
    void theLogIsFoundByTheToolsDeliveryIdAndNarrowedByOutcomeAndItem() {
        String secret = secret();
        String id = Webhooks.create("github", project(), REPO, null, secret);
        String wanted = "gh-" + UUID.randomUUID();
        github(id, secret, wanted, githubIssue("opened", 31, "Sign-up", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("APPLIED"));
        github(id, secret, "gh-" + UUID.randomUUID(), githubIssue("opened", 32, "Other", "open", "2026-11-20T09:01:00Z"))
                .statusCode(200);
        // GitHub's "redeliver" button sends the same delivery id again
        github(id, secret, wanted, githubIssue("opened", 31, "Sign-up", "open", "2026-11-20T09:00:00Z"))
                .statusCode(200).body("outcome", is("DUPLICATE"));

        String log = "/api/v1/integrations/" + id + "/deliveries";
        asIntegrator().get(log).then().statusCode(200).body("totalItems", is(3));
        asIntegrator().queryParam("deliveryId", wanted).get(log).then().statusCode(200)
                .body("totalItems", is(2))
                .body("items.deliveryId", contains(wanted, wanted))
                .body("items.outcome", contains("DUPLICATE", "APPLIED"));
        asIntegrator().queryParam("deliveryId", wanted).queryParam("outcome", "APPLIED").get(log).then()
                .statusCode(200).body("totalItems", is(1)).body("items[0].externalId", is(REPO + "#31"));
        asIntegrator().queryParam("externalId", REPO + "#32").get(log).then()
                .statusCode(200).body("totalItems", is(1)).body("items[0].externalId", is(REPO + "#32"));
        asIntegrator().queryParam("deliveryId", "never-sent").get(log).then()
                .statusCode(200).body("totalItems", is(0));
    }

    @Test
    void aBadFilterIs400NamingItAndAWrongRoleIsToldWhichRoleItNeeds() {
        String id = Webhooks.create("github", project(), REPO, null, secret());
        String log = "/api/v1/integrations/" + id + "/deliveries";
        asIntegrator().queryParam("delivery", "x").get(log).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("delivery"));
        asIntegrator().queryParam("outcome", "LOST").get(log).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", is("outcome"));
        asIntegrator().queryParam("deliveryId", "x".repeat(201)).get(log).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("deliveryId"));
        asMember().get(log).then().statusCode(403).contentType("application/problem+json")
                .body("detail", is("Requires role admin or integrator"));
    }
}
