package org.okrpm.kit.testing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.okrpm.kit.testing.ProblemAssertions.assertProblem;
import static org.okrpm.kit.testing.TestTokens.api;
import static org.okrpm.kit.testing.TestTokens.asMember;
import static org.okrpm.kit.testing.TestTokens.asViewer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What the kit gives every service against hostile clients (issue 14, docs/input-limits.md): strict JSON, clean
 * text, a Content-Type on every body, problem+json for the HTTP layer's 413 and 414, safe paging arithmetic and
 * the token time checks. A service's {@code HostileInputTest extends
 * HostileInputContract} is a {@code @QuarkusTest} naming, through the hooks, where to check them; the numbers of
 * each service's own fields are checked in its own tests.
 */
public abstract class HostileInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A paged list endpoint that a viewer may read. */
    protected abstract String listPath();

    /** An endpoint where a member creates a resource from a JSON body. */
    protected abstract String createPath();

    /** A valid body for {@link #createPath()}; each call returns a body for a new, different resource. */
    protected abstract Map<String, Object> validCreateBody();

    /** A text member of {@link #validCreateBody()} that is stored (e.g. {@code name} or {@code title}). */
    protected abstract String textField();

    /** How many resources created from {@code body} exist now. */
    protected abstract int countCreatedFrom(Map<String, Object> body);

    /** The path of one resource without its id, e.g. {@code /api/v1/objectives/}. */
    protected abstract String itemPathPrefix();

    @Test
    public void textWithANulCharacterIsA400NamingTheFieldAndCreatesNothing() {
        Map<String, Object> body = new HashMap<>(validCreateBody());
        body.put(textField(), "bad\u0000text");
        assertProblem(asMember().body(body).post(createPath()).then(), 400)
                .body("errors[0].field", is(textField()));
        assertThat(countCreatedFrom(body), is(0));
    }

    @Test
    public void aBooleanForTextIsA400NamingTheFieldNotTheWordTrue() {
        Map<String, Object> body = new HashMap<>(validCreateBody());
        body.put(textField(), true);
        assertProblem(asMember().body(body).post(createPath()).then(), 400)
                .body("errors[0].field", is(textField()));
        Map<String, Object> coerced = new HashMap<>(body);
        coerced.put(textField(), "true");
        assertThat(countCreatedFrom(coerced), is(0));
    }

    @Test
    public void jsonAfterTheBodyIsA400AndCreatesNothing() throws Exception {
        Map<String, Object> body = validCreateBody();
        String json = JSON.writeValueAsString(body) + " {\"" + textField() + "\": \"second\"}";
        assertProblem(asMember().body(json).post(createPath()).then(), 400);
        assertThat(countCreatedFrom(body), is(0));
    }

    @Test
    public void aBodyWithoutContentTypeIsA415ProblemAndCreatesNothing() throws Exception {
        Map<String, Object> body = validCreateBody();
        RawHttp.Answer answer = RawHttp.send(host(), RestAssured.port, "POST " + createPath() + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.token("alice", "member") + "\r\n",
                JSON.writeValueAsString(body));
        assertThat(answer.status(), is(415));
        assertThat(answer.header("Content-Type"), startsWith("application/problem+json"));
        assertThat(JSON.readTree(answer.body()).get("status").asInt(), is(415));
        assertThat(countCreatedFrom(body), is(0));
    }

    @Test
    public void aChunkedBodyOverOneMebibyteIsA413ProblemWithoutAnErrorLogged() throws Exception {
        List<LogRecord> errors = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            // no length announced: only the server's own limit can stop it
            RawHttp.Answer answer = RawHttp.chunked(host(), RestAssured.port, "POST " + createPath() + " HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.token("alice", "member") + "\r\n"
                    + "Content-Type: application/json\r\n",
                    "{\"" + textField() + "\": \"", 2 * 1024 * 1024, "\"}");
            assertThat(answer.status(), is(413));
            assertThat(answer.header("Content-Type"), startsWith("application/problem+json"));
            assertThat(JSON.readTree(answer.body()).get("status").asInt(), is(413));
        } finally {
            root.removeHandler(capture);
        }
        assertThat("ERROR logged for a client error: " + errors.stream().map(r -> r.getLoggerName() + ": "
                + r.getMessage()).toList(), errors, is(empty()));
    }

    @Test
    public void aPathOfFiveThousandCharactersIsA414Problem() {
        assertProblem(asViewer().get(itemPathPrefix() + "a".repeat(5000)).then(), 414);
    }

    @Test
    public void theLastIntPageIsAnEmptyPageNotAnOverflow() {
        asViewer().queryParam("page", Integer.MAX_VALUE).queryParam("size", 200).get(listPath())
                .then().statusCode(200)
                .body("items", is(empty()))
                .body("page", is(Integer.MAX_VALUE))
                .body("size", is(200));
    }

    @Test
    public void aTokenIssuedInTheFutureIsA401() {
        long now = Instant.now().getEpochSecond();
        assertProblem(api().auth().oauth2(token(now + Duration.ofDays(365).toSeconds(),
                now + Duration.ofDays(365).toSeconds() + 3600)).get(listPath()).then(), 401);
        assertProblem(api().auth().oauth2(token(now + 120, now + 3600)).get(listPath()).then(), 401);
        // within the skew (30 s unless mp.jwt.verify.clock.skew says otherwise), clocks may disagree
        api().auth().oauth2(token(now + 10, now + 3600)).get(listPath()).then().statusCode(200);
    }

    @Test
    public void anExpiredTokenHasNoMoreGraceThanTheSkew() {
        long now = Instant.now().getEpochSecond();
        // smallrye-jwt alone gives 60 s of grace
        assertProblem(api().auth().oauth2(token(now - 3600, now - 45)).get(listPath()).then(), 401);
        api().auth().oauth2(token(now - 3600, now - 5)).get(listPath()).then().statusCode(200);
    }

    private static String token(long issuedAt, long expiresAt) {
        return Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject("victor-" + issuedAt + "-" + expiresAt).groups(Set.of("viewer"))
                .issuedAt(issuedAt).expiresAt(expiresAt).sign();
    }

    private static String host() {
        return URI.create(RestAssured.baseURI).getHost();
    }
}
