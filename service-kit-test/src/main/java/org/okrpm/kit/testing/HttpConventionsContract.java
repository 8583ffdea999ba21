package org.okrpm.kit.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.as;
import static org.okrpm.kit.testing.TestTokens.asAdmin;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import io.smallrye.jwt.build.Jwt;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The conventions of docs/api.md that the kit gives every service (problem+json errors, paging, roles, tokens,
 * idempotency keys, request ids, health and OpenAPI), written once and run against each service: a service's
 * {@code HttpConventionsTest extends HttpConventionsContract} is a {@code @QuarkusTest} that names, through the
 * hooks below, the endpoints to check them on, and adds its own service-specific tests.
 */
public abstract class HttpConventionsContract {

    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    /** A paged list endpoint that a viewer may read, e.g. {@code /api/v1/cycles}. */
    protected abstract String listPath();

    /** An endpoint where a member creates a resource from a JSON body (201 with {@code id} and Location). */
    protected abstract String createPath();

    /** A valid body for {@link #createPath()}; each call returns a body for a new, different resource. */
    protected abstract Map<String, Object> validCreateBody();

    /** How many resources created from {@code body} (by {@link #createPath()}) exist now. */
    protected abstract int countCreatedFrom(Map<String, Object> body);

    /** The path of one resource without its id, e.g. {@code /api/v1/objectives/}; its GET is for viewers. */
    protected abstract String itemPathPrefix();

    @Test
    public void malformedJsonIsA400Problem() {
        assertProblem(asMember().body("{\"name\": \"x\", ").post(createPath()).then(), 400);
    }

    @Test
    public void invalidUuidInThePathIsNotFound() {
        assertProblem(asViewer().get(itemPathPrefix() + "not-a-uuid").then(), 404);
    }

    @Test
    public void unknownIdIsA404Problem() {
        assertProblem(asViewer().get(itemPathPrefix() + UUID.randomUUID()).then(), 404);
    }

    @Test
    public void pageSizeIsBetween1And200() {
        assertProblem(asViewer().queryParam("size", 201).get(listPath()).then(), 400)
                .body("errors[0].field", is("size"));
        assertProblem(asViewer().queryParam("size", 0).get(listPath()).then(), 400);
        assertProblem(asViewer().queryParam("page", -1).get(listPath()).then(), 400);
        asViewer().queryParam("size", 200).get(listPath()).then().statusCode(200)
                .body("page", is(0)).body("size", is(200)).body("totalItems", notNullValue())
                .body("totalPages", notNullValue());
    }

    @Test
    public void unconvertiblePagingParametersAreA400NamingTheParameter() {
        assertProblem(asViewer().queryParam("size", "ten").get(listPath()).then(), 400)
                .body("errors[0].field", is("size"));
        assertProblem(asViewer().queryParam("page", "first").get(listPath()).then(), 400)
                .body("errors[0].field", is("page"));
    }

    @Test
    public void anUnknownQueryParameterIsA400NamingIt() {
        assertProblem(asViewer().queryParam("sizee", "10").get(listPath()).then(), 400)
                .body("errors[0].field", is("sizee"))
                .body("detail", containsString("size"));
        asViewer().queryParam("size", "10").get(listPath()).then().statusCode(200);
    }

    @Test
    public void bodyOverOneMebibyteIsA413Problem() {
        String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
        assertProblem(asMember().body(big).post(createPath()).then(), 413);
    }

    @Test
    public void wrongContentTypeIsA415Problem() {
        assertProblem(asMember().contentType("text/plain").body("name=x").post(createPath()).then(), 415);
    }

    @Test
    public void anUnsupportedMethodIsA405Problem() {
        assertProblem(asMember().body("{}").put(listPath()).then(), 405);
    }

    @Test
    public void anUnacceptableMediaTypeIsA406Problem() {
        assertProblem(asViewer().accept("application/xml").get(listPath()).then(), 406);
    }

    @Test
    public void viewerReadsButCannotWrite() {
        Map<String, Object> body = validCreateBody();
        assertProblem(asViewer().body(body).post(createPath()).then(), 403);
        asViewer().get(listPath()).then().statusCode(200);
        assertThat(countCreatedFrom(body), is(0));
    }

    @Test
    public void integratorMayNotReadTheList() {
        assertProblem(as("jira-bot", "integrator").get(listPath()).then(), 403);
    }

    @Test
    public void adminMayCreateAndRead() {
        Map<String, Object> body = validCreateBody();
        asAdmin().body(body).post(createPath()).then().statusCode(201).body("id", notNullValue());
        asAdmin().get(listPath()).then().statusCode(200);
        assertThat(countCreatedFrom(body), is(1));
    }

    @Test
    public void noTokenIsA401WithAChallenge() {
        assertProblem(api().get(listPath()).then(), 401).header("WWW-Authenticate", startsWith("Bearer"));
        assertProblem(api().contentType("application/json").body("{}").post(createPath()).then(), 401);
    }

    @Test
    public void tokenSignedWithAnotherKeyOrNoJwtIsA401() throws Exception {
        var generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String issuer = ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class);
        String forged = Jwt.issuer(issuer).subject("mallory").groups(Set.of("admin"))
                .sign(generator.generateKeyPair().getPrivate());
        assertProblem(api().auth().oauth2(forged).get(listPath()).then(), 401);
        assertProblem(api().auth().oauth2("not.a.jwt").get(listPath()).then(), 401);
    }

    @Test
    public void sameIdempotencyKeyAndBodyReturnsTheFirstResponseAndCreatesNothingNew() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = validCreateBody();
        String first = asMember().header("Idempotency-Key", key).body(body).post(createPath())
                .then().statusCode(201).extract().path("id");
        var again = asMember().header("Idempotency-Key", key).body(body).post(createPath())
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", is(first))
                .extract();
        assertThat(again.header("Location"), containsString(first));
        assertThat(countCreatedFrom(body), is(1));
    }

    @Test
    public void sameIdempotencyKeyWithAnotherBodyIsA422() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> first = validCreateBody();
        Map<String, Object> other = validCreateBody();
        asMember().header("Idempotency-Key", key).body(first).post(createPath()).then().statusCode(201);
        assertProblem(asMember().header("Idempotency-Key", key).body(other).post(createPath()).then(), 422);
        assertThat(countCreatedFrom(other), is(0));
    }

    @Test
    public void requestIdIsEchoedOrGenerated() {
        asViewer().header("X-Request-Id", "trace-42").get(listPath())
                .then().header("X-Request-Id", "trace-42");
        asViewer().get(listPath()).then().header("X-Request-Id", notNullValue());
        api().get(listPath()).then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    public void healthAndMetricsAreOnTheManagementPortOnly() {
        Management.api().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        Management.api().get("/q/metrics").then().statusCode(200);
        // not on the API's port, where the gateway routes (and clients reach) everything else
        api().get("/q/health/ready").then().statusCode(404).contentType("application/problem+json");
        api().get("/q/metrics").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    public void openApiNeedsNoToken() {
        api().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem(listPath()))
                .body("paths.'" + createPath() + "'.post.responses.'401'.description", notNullValue())
                .body("components.schemas.Problem", notNullValue());
    }

    @Test
    public void aMatchingIfNoneMatchIsA304WithoutBody() {
        String location = asMember().body(validCreateBody()).post(createPath()).then().statusCode(201)
                .extract().header("Location");
        String etag = asViewer().get(location).then().statusCode(200).extract().header("ETag");
        assertThat(etag, startsWith("\""));
        asViewer().header("If-None-Match", "\"999999\", " + etag).get(location).then().statusCode(304)
                .header("ETag", etag)
                .body(is(""));
        asViewer().header("If-None-Match", "W/" + etag).get(location).then().statusCode(304);
        asViewer().header("If-None-Match", "\"999999\"").get(location).then().statusCode(200)
                .header("ETag", etag);
    }

    /** Client generators name their functions after operationIds; the gateway merges every service's into one. */
    @Test
    public void everyOperationHasAnOperationIdOfItsOwn() {
        Map<String, Map<String, Object>> paths = api().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath().getMap("paths");
        List<String> missing = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!HTTP_METHODS.contains(method) || !(value instanceof Map<?, ?> operation)) {
                return;
            }
            Object id = operation.get("operationId");
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            if (!(id instanceof String name) || name.isBlank()) {
                missing.add(where);
            } else {
                String other = seen.putIfAbsent(name, where);
                assertThat("operationId " + name + " of " + where + " is also " + other + "'s", other, nullValue());
            }
        }));
        assertThat("operations without an operationId", missing, empty());
    }

    /**
     * What a client generator needs beyond operationIds: the security scheme the operations name, a typed
     * merge-patch body whose fields are all optional, response bodies that say which fields are always there,
     * the Location header of a create, an example for every request body and a description for every parameter.
     */
    @Test
    @SuppressWarnings("unchecked")
    public void openApiIsExactEnoughForClientGenerators() {
        io.restassured.path.json.JsonPath document = api().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        assertThat(document.getMap("components.securitySchemes.jwt"), notNullValue());
        Map<String, Object> create = document.getMap("paths.'" + createPath() + "'.post");
        Map<String, Object> created = (Map<String, Object>) ((Map<String, Object>) create.get("responses")).get("201");
        assertThat(createPath() + " 201 documents Location", ((Map<String, Object>) created.get("headers")).get("Location"),
                notNullValue());
        String createdSchema = document.getString("paths.'" + createPath()
                + "'.post.responses.'201'.content.'application/json'.schema.'$ref'");
        assertThat(document.getList("components.schemas." + createdSchema.substring(createdSchema.lastIndexOf('/') + 1)
                + ".required"), hasItem("id"));

        Map<String, Map<String, Object>> paths = document.getMap("paths");
        List<String> undescribed = new ArrayList<>();
        List<String> withoutExample = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, value) -> {
            if (!path.startsWith("/api/") || !HTTP_METHODS.contains(method) || !(value instanceof Map<?, ?> operation)) {
                return;
            }
            String where = method.toUpperCase(Locale.ROOT) + " " + path;
            if (operation.get("parameters") instanceof List<?> parameters) {
                parameters.forEach(parameter -> {
                    if (parameter instanceof Map<?, ?> p && !(p.get("description") instanceof String)) {
                        undescribed.add(where + " " + p.get("name"));
                    }
                });
            }
            if (operation.get("requestBody") instanceof Map<?, ?> body && body.get("content") instanceof Map<?, ?> content) {
                content.forEach((type, media) -> {
                    if (!(media instanceof Map<?, ?> m) || (m.get("example") == null && m.get("examples") == null)) {
                        withoutExample.add(where + " " + type);
                    }
                });
                if ("patch".equals(method)) {
                    Object ref = document.getString("paths.'" + path + "'.patch.requestBody.content."
                            + "'application/merge-patch+json'.schema.'$ref'");
                    assertThat(where + " takes a typed merge patch", ref, notNullValue());
                    String schema = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
                    assertThat(where + ": every field of a merge patch is optional",
                            document.get("components.schemas." + schema + ".required"), nullValue());
                }
            }
        }));
        assertThat("parameters without a description", undescribed, empty());
        assertThat("request bodies without an example", withoutExample, empty());
    }

    @Test
    public void aMemberCanCreate() {
        Map<String, Object> body = validCreateBody();
        asMember().body(body).post(createPath()).then().statusCode(201)
                .header("Location", notNullValue());
        assertThat(countCreatedFrom(body), is(1));
    }
}
