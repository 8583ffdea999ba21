package org.okrpm.kit.testing;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

import static io.restassured.RestAssured.given;

/**
 * Real RS256 tokens for tests. In test mode, with no key configured, smallrye-jwt generates an in-memory
 * key pair: the service verifies with its public half and {@code Jwt.sign()} signs with its private half,
 * so tests go through real verification and no key is ever committed.
 */
public final class TestTokens {

    private TestTokens() {
    }

    public static String token(String subject, String... roles) {
        return Jwt.issuer(ConfigProvider.getConfig().getValue("mp.jwt.verify.issuer", String.class))
                .subject(subject).groups(Set.of(roles)).expiresIn(3600).sign();
    }

    /** A REST Assured request acting as {@code subject} with the given roles, sending JSON. */
    public static RequestSpecification as(String subject, String... roles) {
        return api().auth().oauth2(token(subject, roles)).contentType("application/json");
    }

    /** A request without credentials; JSON decimals read back as doubles (REST Assured's default is float). */
    public static RequestSpecification api() {
        return given().config(RestAssured.config().jsonConfig(
                JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE)));
    }

    public static RequestSpecification asMember() {
        return as("alice", "member");
    }

    public static RequestSpecification asViewer() {
        return as("victor", "viewer");
    }

    public static RequestSpecification asAdmin() {
        return as("ada", "admin");
    }
}
